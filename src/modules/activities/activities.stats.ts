import { Injectable } from '@nestjs/common';
import type {
  AreaStatistics,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf } from '../../platform/areas/statistics.js';
import { DICTIONARIES_LABELS } from '../dictionaries/dictionaries.labels.js';
import { ACTIVITY_CATEGORIES } from '../dictionaries/dictionary-item.entity.js';
import { ActivitiesRepository } from './activities.repository.js';

/**
 * 代表活动 in the overview: held activities by category (一(四) 闭会期间活动 and every area's
 * count) and each deputy's participation — one definition, read by the overview, the dashboard
 * and the annual report.
 */
@Injectable()
export class ActivitiesStatistics implements AreaStatistics {
  constructor(private readonly activities: ActivitiesRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const held = await this.activities.heldWithCategory(scope.committeeIds, scope);
    const attendance = await this.activities.attendanceInSpan(scope.committeeIds, scope);
    const categories = DICTIONARIES_LABELS.values.category;
    const total = countOf(
      'heldActivities',
      '开展代表活动',
      'activity',
      held.map((row) => row.id),
      '次',
    );
    total.breakdown = ACTIVITY_CATEGORIES.map((category) =>
      countOf(
        `heldActivities.${category}`,
        categories[category],
        'activity',
        held.filter((row) => row.category === category).map((row) => row.id),
        '次',
      ),
    );
    const byDeputy = new Map<
      number,
      { id: number; name: string; attended: number[]; leave: number[]; absent: number[] }
    >();
    for (const row of attendance) {
      const entry = byDeputy.get(row.deputyId) ?? {
        id: row.deputyId,
        name: row.deputyName,
        attended: [],
        leave: [],
        absent: [],
      };
      entry[row.status].push(row.activityId);
      byDeputy.set(row.deputyId, entry);
    }
    const deputies = [...byDeputy.values()];
    return {
      label: '代表活动',
      figures: [
        total,
        countOf(
          'participatingDeputies',
          '参加活动的代表',
          'deputy',
          deputies.filter((deputy) => deputy.attended.length > 0).map((deputy) => deputy.id),
          '人',
        ),
        {
          // A deputy at an activity is one 人次; the records are the activities attended.
          name: 'attendances',
          label: '代表出席',
          value: deputies.reduce((sum, deputy) => sum + deputy.attended.length, 0),
          unit: '人次',
          records: {
            type: 'activity',
            ids: [...new Set(deputies.flatMap((deputy) => deputy.attended))].sort((a, b) => a - b),
          },
        },
      ],
      lists: {
        deputies: {
          label: '代表参加活动情况',
          type: 'deputy',
          columns: { name: '代表', attended: '出席', onLeave: '请假', absent: '缺席' },
          items: deputies.map((deputy) => ({
            id: deputy.id,
            name: deputy.name,
            attended: deputy.attended.length,
            onLeave: deputy.leave.length,
            absent: deputy.absent.length,
            activityIds: deputy.attended,
          })),
        },
      },
    };
  }
}
