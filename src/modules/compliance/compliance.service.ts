import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import {
  formatInstant,
  localDate,
  parsePeriodKey,
  periodContaining,
  periodsWithin,
  type Period,
} from '../../common/period.js';
import { COMPLIANCE_LABELS } from './compliance.labels.js';
import { authorize } from '../../platform/records/record.service.js';
import { RecordWrites, useCase } from '../../platform/records/write-use-case.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { Committee } from '../committees/committee.entity.js';
import { OutboxService, QUEUE_NOTICES } from '../notifications/outbox.service.js';
import { CadenceRule } from './cadence-rule.entity.js';
import {
  complianceStatus,
  dueThreshold,
  hasEnded,
  parseReminderDays,
  shouldNotifyMiss,
} from './cadence.rules.js';
import type { ComplianceEvaluation } from './compliance-evaluation.entity.js';
import { ComplianceRecord, type ComplianceStatus } from './compliance-record.entity.js';
import { ComplianceRepository, type SubjectStanding } from './compliance.repository.js';

export interface CloseCounts {
  subjects: number;
  met: number;
  missed: number;
  /** Subjects whose final outcome differs from the previous final one (a first one counts). */
  changed: number;
  notifications: number;
}

/** One subject's standing in one period: closed (final) or computed live (provisional). */
export interface ComplianceStanding {
  ruleId: number;
  committeeId: number;
  period: Period;
  status: ComplianceStatus;
  count: number;
  activityIds: number[];
  /** Closed by a period close or an evaluation of past periods. */
  final: boolean;
  /** Computed from the records now, without a closed record (the opposite of `final`). */
  provisional: boolean;
  evaluatedAt: Date;
}

/**
 * The scheduled judgements (period close, today's check, reminders): no role holds these
 * permissions, so only the system (a job run, the CLI) passes. The job run is their audit row.
 */
const EVALUATE = useCase('complianceRecord', COMPLIANCE_LABELS.records.complianceRecord, 'edit');

const idList = (text: string | null): number[] =>
  (text ?? '').split(',').filter(Boolean).map(Number);

/**
 * The quarterly rule (and any cadence rule like it): evaluating a period for every subject,
 * finalising an ended one with notices for misses, and reminding subjects still short before a
 * period ends. Callers (the jobs) make each close and each day's check happen once.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly records: ComplianceRepository,
    private readonly outbox: OutboxService,
    private readonly writes: RecordWrites,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get timeZone(): string {
    return this.config.timeZone;
  }

  enabledRules(): Promise<CadenceRule[]> {
    return this.records.enabledRules();
  }

  /** The latest period closed at or before `upTo` (a period key of the rule's kind). */
  lastClosedKey(rule: CadenceRule, upTo: string): Promise<string | null> {
    return this.records.lastClosedKey(rule.id, upTo);
  }

  /** How many subjects the rule would judge now (none: its close waits, claiming nothing). */
  subjectCount(rule: CadenceRule): Promise<number> {
    return this.records.subjectCount(rule);
  }

  /** One subject's final evaluations of a period, oldest first (the record's history). */
  history(
    record: Pick<ComplianceRecord, 'ruleId' | 'subjectId' | 'periodKey'>,
  ): Promise<ComplianceEvaluation[]> {
    return this.records.history(record.ruleId, record.subjectId, record.periodKey);
  }

  /**
   * Writes every subject's record for the period as of `asOf`: final (met/missed) once the period
   * has ended, otherwise in progress. A final evaluation replaces the record and appends to its
   * history; a miss is notified to the committee and its district only when it is news
   * (`shouldNotifyMiss`: a changed outcome of a recent period). `runId` is the job run it is for.
   */
  async evaluate(
    rule: CadenceRule,
    period: Period,
    asOf: Date,
    runId: number | null = null,
  ): Promise<CloseCounts> {
    const ended = hasEnded(period, asOf);
    return this.writes.run(EVALUATE, async ({ manager }) => {
      const previous = ended
        ? await this.records.finalOutcomes(manager, rule.id, period.key)
        : new Map<number, { status: ComplianceStatus; evaluatedAt: Date }>();
      const standings = await this.records.standings(rule, period, this.timeZone, manager);
      const now = this.clock.now();
      const subjects = new Map(standings.map((standing) => [standing.subjectId, standing]));
      const rows = standings.map((standing): Partial<ComplianceRecord> => ({
        ruleId: rule.id,
        subjectType: rule.subject,
        subjectId: standing.subjectId,
        committeeId: standing.committeeId,
        periodKey: period.key,
        periodStart: period.start,
        periodEnd: period.end,
        status: complianceStatus(standing.count, standing.required, ended),
        qualifyingCount: standing.count,
        qualifyingActivityIds: standing.activityIds.join(',') || null,
        evaluatedAt: now,
        finalisedAt: ended ? now : null,
      }));
      await this.records.replacePeriod(manager, rule.id, period.key, rows);
      let notifications = 0;
      let changed = 0;
      const evaluations: Partial<ComplianceEvaluation>[] = [];
      for (const row of ended ? rows : []) {
        const subjectId = row.subjectId as number;
        const committeeId = row.committeeId as number;
        const status = row.status as ComplianceStatus;
        const before = previous.get(subjectId) ?? null;
        if (before?.status !== status) changed += 1;
        const notify = shouldNotifyMiss({
          previous: before?.status ?? null,
          next: status,
          period,
          asOf,
          timeZone: this.timeZone,
        });
        const queued = notify
          ? await this.notifyMiss(manager, rule, period, subjects.get(subjectId)!, before)
          : 0;
        notifications += queued;
        evaluations.push({
          ruleId: rule.id,
          subjectId,
          committeeId,
          periodKey: period.key,
          status,
          previousStatus: before?.status ?? null,
          qualifyingCount: row.qualifyingCount,
          evaluatedAt: now,
          runId,
          notified: queued > 0,
        });
      }
      await this.records.addEvaluations(manager, evaluations);
      return {
        subjects: rows.length,
        met: rows.filter((row) => row.status === 'met').length,
        missed: rows.filter((row) => row.status === 'missed').length,
        changed,
        notifications,
      };
    });
  }

  /** Writes the running period's records (met / in progress) for every enabled rule. */
  async refreshCurrent(asOf: Date): Promise<number> {
    let subjects = 0;
    for (const rule of await this.enabledRules()) {
      const period = periodContaining(rule.period, asOf, this.timeZone);
      subjects += (await this.evaluate(rule, period, asOf)).subjects;
    }
    return subjects;
  }

  /**
   * 期限前提醒: for the period running at `asOf`, subjects still short get the most urgent
   * reminder threshold reached (30/14/7/1 days before the end), each threshold once.
   */
  async remind(
    rule: CadenceRule,
    asOf: Date,
  ): Promise<{ reminded: number; notifications: number }> {
    const period = periodContaining(rule.period, asOf, this.timeZone);
    const threshold = dueThreshold(
      parseReminderDays(rule.reminderDays),
      period,
      asOf,
      this.timeZone,
    );
    if (threshold === null) return { reminded: 0, notifications: 0 };
    return this.writes.run(QUEUE_NOTICES, async ({ manager }) => {
      const standings = await this.records.standings(rule, period, this.timeZone, manager);
      const names = await this.committeeNames(
        manager,
        standings.map((standing) => standing.committeeId),
      );
      let reminded = 0;
      let notifications = 0;
      for (const standing of standings) {
        const { committeeId } = standing;
        if (standing.count >= standing.required) continue;
        reminded += 1;
        const who = subjectName(standing, names);
        const planned = standing.nextPlannedAt
          ? `已计划于 ${formatInstant(standing.nextPlannedAt, this.timeZone).slice(0, 16).replace('T', ' ')} 举行，举行后请及时登记。`
          : '目前没有已登记的计划活动，请尽快安排。';
        const recipients = await this.outbox.recipients(manager, committeeId, { district: false });
        notifications += await this.outbox.queue(manager, recipients, {
          kind: 'cadenceReminder',
          committeeId,
          about: `rule${rule.id}:${subjectKey(rule, standing)}:${period.key}:d${threshold}`,
          title: `【提醒】${who}${period.key} 还差 ${standing.required - standing.count} ${unitOf(rule)}（${threshold} 天内到期）`,
          body: [
            `${who}：`,
            `按“${rule.name}”的要求，${period.key}（至 ${localDate(new Date(period.end.getTime() - 1), this.timeZone)}）应至少达到 ${standing.required} ${unitOf(rule)}，目前为 ${standing.count} ${unitOf(rule)}。`,
            planned,
            `计数规则：${rule.countingRule}`,
          ].join('\n'),
        });
      }
      return { reminded, notifications };
    });
  }

  /**
   * 达标情况 for a year, within the actor's committees (the compliance API and the grids): every
   * subdistrict committee × every period of each enabled rule that has begun. A period with a
   * closed record answers from it; any other (never closed, or running) is counted live from
   * the records and marked provisional. Periods yet to begin are left out.
   */
  async forYear(year: number, committeeId?: number): Promise<ComplianceStanding[]> {
    const actor = authorize('complianceRecord', COMPLIANCE_LABELS.records.complianceRecord, 'list');
    const now = this.clock.now();
    const subjects = await this.records.subdistrictsWithin(actor.committeeIds, committeeId);
    const whole = parsePeriodKey(String(year), this.timeZone);
    if (subjects.length === 0 || whole === null) return [];
    const standings: ComplianceStanding[] = [];
    // The grid's rows are committees: station rules ([M2]) are left out here on purpose; their
    // records are the compliance records of subject type `station`.
    const committeeRules = (await this.enabledRules()).filter(
      (rule) => rule.subject === 'subdistrictCommittee',
    );
    for (const rule of committeeRules) {
      const periods = periodsWithin(rule.period, whole.start, whole.end, this.timeZone).filter(
        (period) => period.start.getTime() <= now.getTime(),
      );
      const closed = new Map(
        (
          await this.records.finalRecords(
            rule.id,
            periods.map((p) => p.key),
            subjects,
          )
        ).map((record) => [`${record.subjectId}:${record.periodKey}`, record]),
      );
      for (const period of periods) {
        const open = subjects.filter((id) => !closed.has(`${id}:${period.key}`));
        const live = await this.liveStandings(rule, period, open, now);
        for (const committeeId of subjects) {
          const record = closed.get(`${committeeId}:${period.key}`);
          standings.push(
            record
              ? {
                  ruleId: rule.id,
                  committeeId,
                  period,
                  status: record.status,
                  count: record.qualifyingCount,
                  activityIds: idList(record.qualifyingActivityIds),
                  final: true,
                  provisional: false,
                  evaluatedAt: record.evaluatedAt,
                }
              : (live.get(committeeId) as ComplianceStanding),
          );
        }
      }
    }
    return standings.sort(
      (a, b) =>
        a.committeeId - b.committeeId ||
        a.ruleId - b.ruleId ||
        a.period.start.getTime() - b.period.start.getTime(),
    );
  }

  /** The standings of `subjects` in the period counted from the records as of `now`. */
  private async liveStandings(
    rule: CadenceRule,
    period: Period,
    subjects: number[],
    now: Date,
  ): Promise<Map<number, ComplianceStanding>> {
    const standings = new Map<number, ComplianceStanding>();
    if (subjects.length === 0) return standings;
    const tallies = await this.records.tally(rule, period);
    const counted = subjects.filter((id) => (tallies.get(id)?.held ?? 0) > 0);
    const ids = await this.records.qualifyingIds(rule, period, counted);
    for (const committeeId of subjects) {
      const held = tallies.get(committeeId)?.held ?? 0;
      standings.set(committeeId, {
        ruleId: rule.id,
        committeeId,
        period,
        status: complianceStatus(held, rule.minCount, hasEnded(period, now)),
        count: held,
        activityIds: ids.get(committeeId) ?? [],
        final: false,
        provisional: true,
        evaluatedAt: now,
      });
    }
    return standings;
  }

  private async notifyMiss(
    manager: EntityManager,
    rule: CadenceRule,
    period: Period,
    standing: SubjectStanding,
    before: { status: ComplianceStatus; evaluatedAt: Date } | null,
  ): Promise<number> {
    const { committeeId } = standing;
    const names = await this.committeeNames(manager, [committeeId]);
    const who = subjectName(standing, names);
    const recipients = await this.outbox.recipients(manager, committeeId, { district: true });
    // A later change (met → missed) is news again: its key names the outcome it replaces.
    const about = `rule${rule.id}:${subjectKey(rule, standing)}:${period.key}`;
    const counted =
      rule.subject === 'station'
        ? `计数为 ${standing.count} ${unitOf(rule)}，要求至少 ${standing.required} ${unitOf(rule)}，未达标。`
        : `举行并登记的活动为 ${standing.count} 次，要求至少 ${standing.required} 次，未达标。`;
    return this.outbox.queue(manager, recipients, {
      kind: 'cadenceMissed',
      committeeId,
      about: before ? `${about}:after${before.evaluatedAt.getTime()}` : about,
      title: `【未达标】${who}${period.key} 未达到“${rule.name}”`,
      body: [
        `${who} 在 ${period.key} ${counted}`,
        '如有已举行但未登记的活动，请补登后由系统管理员在“活动频次规则”中执行“立即检查 / 往期检查”。',
        `计数规则：${rule.countingRule}`,
      ].join('\n'),
    });
  }

  private async committeeNames(
    manager: EntityManager,
    ids: number[],
  ): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const committees = await manager.findBy(Committee, { id: In(ids) });
    return new Map(committees.map((committee) => [committee.id, committee.name]));
  }
}

/** The part of a notice's key naming its subject: `c12` for a committee (as before), `s3` a station. */
const subjectKey = (rule: CadenceRule, standing: SubjectStanding): string =>
  rule.subject === 'station' ? `s${standing.subjectId}` : `c${standing.subjectId}`;

/** A committee by its name; a station by its committee's name and its own. */
const subjectName = (standing: SubjectStanding, committees: Map<number, string>): string =>
  `${committees.get(standing.committeeId) ?? ''}${standing.name ?? ''}`;

/** What a rule's count counts, for its notices. */
const unitOf = (rule: CadenceRule): string =>
  ({ activities: '次活动', receptions: '次接待', noticedReceptions: '次按时公告的接待' })[
    rule.measure as string
  ] ?? '名驻站代表';
