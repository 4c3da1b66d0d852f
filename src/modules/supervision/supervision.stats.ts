import { Inject, Injectable } from '@nestjs/common';
import { localDate } from '../../common/period.js';
import type {
  AreaStatistics,
  Figure,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf } from '../../platform/areas/statistics.js';
import { doneOnTime, OPINION_STATUSES, overdue } from './opinion.rules.js';
import { SupervisionRepository, type HeldSupervision } from './supervision.repository.js';
import { SUPERVISION_LABELS } from './supervision.labels.js';

/** A figure for the supervision activities, broken down by one of their labels. */
function activitiesBy(
  name: string,
  label: string,
  held: readonly HeldSupervision[],
  key: (row: HeldSupervision) => [code: string, label: string],
): Figure {
  const figure = countOf(
    name,
    label,
    'supervisionActivity',
    held.map((row) => row.id),
    '次',
  );
  const groups = new Map<string, { label: string; ids: number[] }>();
  for (const row of held) {
    const [code, text] = key(row);
    const group = groups.get(code) ?? { label: text, ids: [] };
    group.ids.push(row.id);
    groups.set(code, group);
  }
  figure.breakdown = [...groups.entries()].map(([code, group]) =>
    countOf(`${name}.${code}`, group.label, 'supervisionActivity', group.ids, '次'),
  );
  return figure;
}

/**
 * 监督 in the overview (report 一(二)): supervision activities held in the year by method (the
 * activity's kind) and by area; opinions raised in the year by status, done, done on time
 * (completed on or before the due date) and overdue (still being handled past the due date on
 * the overview's `asOf` day). One definition, read by the overview, the dashboard and the annual
 * report.
 */
@Injectable()
export class SupervisionStatistics implements AreaStatistics {
  constructor(@Inject(SupervisionRepository) private readonly repository: SupervisionRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const held = await this.repository.heldSupervisionActivities(scope.committeeIds, scope);
    const opinions = await this.repository.opinionsRaised(
      scope.committeeIds,
      scope.firstDay,
      scope.lastDay,
    );
    const today = localDate(scope.asOf, scope.timeZone);
    const statusLabels = SUPERVISION_LABELS.values.opinionStatus;
    const raised = countOf(
      'opinionsRaised',
      '提出意见建议',
      'opinion',
      opinions.map((row) => row.id),
      '条',
    );
    raised.breakdown = OPINION_STATUSES.map((status) =>
      countOf(
        `opinionsRaised.${status}`,
        statusLabels[status],
        'opinion',
        opinions.filter((row) => row.status === status).map((row) => row.id),
        '条',
      ),
    );
    return {
      label: '监督工作',
      figures: [
        activitiesBy('supervisionActivities', '开展监督活动（按方式）', held, (row) => [
          row.methodCode,
          row.methodLabel,
        ]),
        activitiesBy('supervisionActivitiesByArea', '开展监督活动（按领域）', held, (row) => [
          row.areaCode,
          row.areaLabel,
        ]),
        raised,
        countOf(
          'opinionsDone',
          '意见建议已办结',
          'opinion',
          opinions.filter((row) => row.status === 'done').map((row) => row.id),
          '条',
        ),
        countOf(
          'opinionsDoneOnTime',
          '意见建议按期办结',
          'opinion',
          opinions.filter((row) => doneOnTime(row)).map((row) => row.id),
          '条',
        ),
        countOf(
          'opinionsOverdue',
          '意见建议逾期未办结',
          'opinion',
          opinions.filter((row) => overdue(row, today)).map((row) => row.id),
          '条',
        ),
      ],
      lists: {
        activities: {
          label: '监督活动',
          type: 'supervisionActivity',
          columns: { subject: '主题', method: '方式', area: '监督领域' },
          items: held.map((row) => ({
            id: row.id,
            activityId: row.activityId,
            subject: row.subject,
            method: row.methodLabel,
            area: row.areaLabel,
          })),
        },
      },
    };
  }
}
