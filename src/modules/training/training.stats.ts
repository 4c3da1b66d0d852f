import { Injectable } from '@nestjs/common';
import type {
  AreaStatistics,
  Figure,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf, sumOf } from '../../platform/areas/statistics.js';
import { TrainingRepository } from './training.repository.js';
import { planFulfilment, studyParticipation, type StudyAttendanceEntry } from './training.rules.js';

/**
 * 学习培训 in the overview (the reference report's 一(一)): study sessions held in the year and
 * their hours, by form; the study plans' planned vs fulfilled topics; each deputy's study
 * participation. One definition per number (training.rules.ts), read by the overview, the
 * dashboard and the annual report.
 */
@Injectable()
export class TrainingStatistics implements AreaStatistics {
  constructor(private readonly training: TrainingRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const sessions = await this.training.heldSessionsInSpan(scope.committeeIds, scope);
    const items = await this.training.planItemsOfYear(scope.committeeIds, scope.year);
    const attendance = await this.training.studyAttendanceInSpan(scope.committeeIds, scope);
    const unrecorded = await this.training.heldTrainingWithoutSession(scope.committeeIds, scope);

    const held = countOf(
      'studySessions',
      '组织学习培训',
      'studySession',
      sessions.map((session) => session.id),
      '次',
    );
    const forms = new Map<string, { label: string; ids: number[] }>();
    for (const session of sessions) {
      const form = forms.get(session.kindCode) ?? { label: session.kindLabel, ids: [] };
      form.ids.push(session.id);
      forms.set(session.kindCode, form);
    }
    held.breakdown = [...forms.entries()].map(([code, form]) =>
      countOf(`studySessions.${code}`, form.label, 'studySession', form.ids, '次'),
    );
    const hours = sumOf(
      'studyHours',
      '学习培训学时',
      'studySession',
      sessions.map((session) => ({ id: session.id, amount: session.hours })),
      '小时',
    );

    const fulfilment = planFulfilment(items);
    const planned: Figure = countOf(
      'plannedTopics',
      '学习计划安排的主题',
      'studyPlanItem',
      items.map((item) => item.id),
      '个',
    );
    planned.breakdown = [
      countOf('plannedTopics.fulfilled', '已落实', 'studyPlanItem', fulfilment.fulfilledItemIds),
      countOf('plannedTopics.open', '未落实', 'studyPlanItem', fulfilment.openItemIds),
    ];

    const byDeputy = new Map<number, { name: string; entries: StudyAttendanceEntry[] }>();
    for (const row of attendance) {
      const deputy = byDeputy.get(row.deputyId) ?? { name: row.deputyName, entries: [] };
      deputy.entries.push(row);
      byDeputy.set(row.deputyId, deputy);
    }
    const deputies = [...byDeputy.entries()].map(([id, deputy]) => ({
      id,
      name: deputy.name,
      ...studyParticipation(deputy.entries),
    }));
    const studyAttendances = deputies.flatMap((deputy) => deputy.studySessionIds);

    return {
      label: '学习培训',
      figures: [
        held,
        hours,
        // With `studySessions` it adds up to 代表活动's heldActivities.training.
        countOf(
          'trainingWithoutSession',
          '未登记学习内容的学习培训类活动',
          'activity',
          unrecorded,
          '次',
        ),
        planned,
        countOf(
          'fulfilledTopics',
          '学习计划已落实的主题',
          'studyPlanItem',
          fulfilment.fulfilledItemIds,
          '个',
        ),
        countOf(
          'studyingDeputies',
          '参加学习的代表',
          'deputy',
          deputies.filter((deputy) => deputy.attended > 0).map((deputy) => deputy.id),
          '人',
        ),
        {
          // A deputy at a session is one 人次; the records are the sessions attended.
          name: 'studyAttendances',
          label: '代表参加学习',
          value: studyAttendances.length,
          unit: '人次',
          records: {
            type: 'studySession',
            ids: [...new Set(studyAttendances)].sort((a, b) => a - b),
          },
        },
      ],
      lists: {
        deputies: {
          label: '代表学习情况',
          type: 'deputy',
          columns: {
            name: '代表',
            hours: '学时',
            sessionsAttended: '出席',
            onLeave: '请假',
            absent: '缺席',
            attendanceRate: '出勤率',
          },
          items: deputies.map((deputy) => ({
            id: deputy.id,
            name: deputy.name,
            hours: deputy.hours,
            sessionsAttended: deputy.attended,
            recorded: deputy.recorded,
            onLeave: deputy.leave,
            absent: deputy.absent,
            attendanceRate: deputy.attendanceRate,
            studySessionIds: deputy.studySessionIds,
          })),
        },
      },
    };
  }
}
