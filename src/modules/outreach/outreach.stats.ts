import { Inject, Injectable } from '@nestjs/common';
import type {
  AreaStatistics,
  Figure,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf, sumOf } from '../../platform/areas/statistics.js';
import { OutreachRepository, type HeldOutreach } from './outreach.repository.js';
import { OUTREACH_LABELS } from './outreach.labels.js';
import {
  OUTCOMES,
  outreachSentence,
  summarise,
  VOTER_ISSUE_SOURCES,
  VOTER_ISSUE_STATUSES,
  type IssueGroup,
} from './voter-issue.rules.js';

const { values } = OUTREACH_LABELS;
const issues = (name: string, label: string, ids: readonly number[]): Figure =>
  countOf(name, label, 'voterIssue', ids, '个');

/** A count of voter issues broken down into groups that add up to it. */
function issuesBy(name: string, label: string, all: readonly number[], groups: IssueGroup[]) {
  const figure = issues(name, label, all);
  figure.breakdown = groups.map((group) => issues(`${name}.${group.key}`, group.label, group.ids));
  return figure;
}

/** A sum over the outreach records (activities without one count nothing and are not listed). */
const sumOver = (
  name: string,
  label: string,
  held: readonly HeldOutreach[],
  amount: (row: HeldOutreach) => number,
) =>
  sumOf(
    name,
    label,
    'outreachActivity',
    held
      .filter((row) => row.outreachId !== null)
      .map((row) => ({ id: row.outreachId!, amount: amount(row) })),
    '人',
    0,
  );

/**
 * 联系选民 in the overview (report 一(六)): visits and forums held in the year (by kind), the
 * deputies who took part (distinct attendees), the voters reached and the other participants
 * (from their outreach records); voter issues received in the year by outcome, status,
 * category, community and source — every breakdown a partition of the collected issues, so
 * collected = resolved + escalated + declined + remaining. Receptions at stations and their
 * voters are the stations' section: not counted here twice.
 */
@Injectable()
export class OutreachStatistics implements AreaStatistics {
  constructor(@Inject(OutreachRepository) private readonly repository: OutreachRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const held = await this.repository.heldOutreach(scope.committeeIds, scope);
    const deputies = await this.repository.deputiesAttending(held.map((row) => row.activityId));
    const rows = await this.repository.issuesReceived(
      scope.committeeIds,
      scope.firstDay,
      scope.lastDay,
    );
    const summary = summarise(
      rows.map((row) => ({
        id: row.id,
        status: row.status,
        feedbackOn: row.feedbackOn,
        source: row.source,
        category: { key: row.categoryCode, label: row.categoryLabel },
        community:
          row.communityId === null
            ? { key: 'none', label: '未注明社区' }
            : { key: String(row.communityId), label: row.communityName ?? String(row.communityId) },
      })),
    );

    const activities = countOf(
      'outreachActivities',
      '走访选民、选民座谈会',
      'activity',
      held.map((row) => row.activityId),
      '次',
    );
    const kinds = new Map<string, { label: string; ids: number[] }>();
    for (const row of held) {
      const kind = kinds.get(row.kindCode) ?? { label: row.kindLabel, ids: [] };
      kind.ids.push(row.activityId);
      kinds.set(row.kindCode, kind);
    }
    activities.breakdown = [...kinds.entries()].map(([code, kind]) =>
      countOf(`outreachActivities.${code}`, kind.label, 'activity', kind.ids, '次'),
    );
    const voters = sumOver('votersReached', '联系选民人数', held, (row) => row.votersReached);
    const others = sumOver(
      'otherParticipants',
      '其他参加人员',
      held,
      (row) => row.officialsCount + row.residentsCount,
    );
    others.breakdown = [
      sumOver('otherParticipants.officials', '有关部门人员', held, (row) => row.officialsCount),
      sumOver('otherParticipants.residents', '居民群众', held, (row) => row.residentsCount),
    ];

    const { byOutcome } = summary;
    const collected = issuesBy(
      'voterIssuesCollected',
      '收集整理选民意见',
      summary.collected,
      OUTCOMES.map((outcome) => ({
        key: outcome,
        label: values.outcome[outcome],
        ids: byOutcome[outcome],
      })),
    );
    return {
      label: '联系选民',
      figures: [
        activities,
        countOf('outreachDeputies', '参加走访座谈的代表', 'deputy', deputies, '名'),
        voters,
        others,
        collected,
        issues('voterIssuesResolved', '选民意见已解决（含当场答复）', byOutcome.resolved),
        issues('voterIssuesEscalated', '选民意见转为代表建议', byOutcome.escalated),
        issues('voterIssuesDeclined', '选民意见不予采纳', byOutcome.declined),
        issues('voterIssuesRemaining', '选民意见办理中', byOutcome.open),
        issuesBy(
          'voterIssuesByStatus',
          '选民意见（按办理状态）',
          summary.collected,
          VOTER_ISSUE_STATUSES.map((status) => ({
            key: status,
            label: values.voterIssueStatus[status],
            ids: summary.byStatus[status],
          })),
        ),
        issuesBy(
          'voterIssuesByCategory',
          '选民意见（按问题类别）',
          summary.collected,
          summary.byCategory,
        ),
        issuesBy(
          'voterIssuesByCommunity',
          '选民意见（按社区/村）',
          summary.collected,
          summary.byCommunity,
        ),
        issuesBy(
          'voterIssuesBySource',
          '选民意见（按来源）',
          summary.collected,
          VOTER_ISSUE_SOURCES.map((source) => ({
            key: source,
            label: values.voterIssueSource[source],
            ids: summary.bySource[source],
          })),
        ),
        issues('voterIssuesFedBack', '已反馈选民', summary.fedBack),
      ],
      sentences: [
        outreachSentence({
          deputies: deputies.length,
          voters: voters.value,
          collected: collected.value,
          resolved: byOutcome.resolved.length,
        }),
      ],
      lists: {
        activities: {
          label: '走访选民、选民座谈会',
          type: 'activity',
          columns: {
            title: '标题',
            kind: '形式',
            votersReached: '联系选民',
            otherParticipants: '其他参加人员',
          },
          items: held.map((row) => ({
            id: row.activityId,
            title: row.title,
            kind: row.kindLabel,
            votersReached: row.votersReached,
            otherParticipants: row.officialsCount + row.residentsCount,
          })),
        },
      },
    };
  }
}
