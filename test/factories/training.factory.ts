import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { ActivityWithAttendance } from '../../src/modules/activities/activities.service.js';
import type {
  CreateStudyPlanDto,
  CreateStudyPlanItemDto,
  CreateStudySessionDto,
} from '../../src/modules/training/dto/training.dto.js';
import type { StudyPlanItem } from '../../src/modules/training/study-plan-item.entity.js';
import { StudyPlanItemsService } from '../../src/modules/training/study-plan-items.service.js';
import type { StudyPlan } from '../../src/modules/training/study-plan.entity.js';
import { StudyPlansService } from '../../src/modules/training/study-plans.service.js';
import type { StudySession } from '../../src/modules/training/study-session.entity.js';
import { StudySessionsService } from '../../src/modules/training/study-sessions.service.js';
import { activityKindId, createActivity, type ActivityOverrides } from './activity.factory.js';
import { uniqueName } from './unique.js';

/** The study forms: activity kinds of the `training` category (the last two from [M1]). */
export type StudyForm =
  'group_study' | 'documentary' | 'lecture' | 'special_lecture' | 'online_study';

/** A held training activity (集中学习 unless `form` says otherwise), with its attendance if given. */
export async function createTrainingActivity(
  app: INestApplication,
  overrides: Omit<ActivityOverrides, 'kindId'> & { form?: StudyForm },
): Promise<ActivityWithAttendance> {
  const { form = 'group_study', ...activity } = overrides;
  return createActivity(app, {
    title: uniqueName('学习培训'),
    ...activity,
    kindId: await activityKindId(app, form),
  });
}

/** A study session's fields as `POST /api/v1/study-sessions` takes them: 2 hours, a unique topic. */
export function studySessionInput(
  overrides: Partial<CreateStudySessionDto> & { activityId: number },
): CreateStudySessionDto {
  return {
    topic: uniqueName('学习主题'),
    speakerName: '张老师',
    hours: 2,
    ...overrides,
  };
}

/**
 * A training activity and its study session, written through the services as the system: the
 * activity as `activity` says (held on 2020-03-10 by default, its attendance rows too), the
 * session as `session` says.
 */
export async function createStudySession(
  app: INestApplication,
  overrides: {
    activity: Omit<ActivityOverrides, 'kindId'> & { form?: StudyForm };
    session?: Partial<CreateStudySessionDto>;
  },
): Promise<{ activity: ActivityWithAttendance; session: StudySession }> {
  const activity = await createTrainingActivity(app, overrides.activity);
  const session = await runAsSystem('test', () =>
    app
      .get(StudySessionsService)
      .create(studySessionInput({ ...overrides.session, activityId: activity.id })),
  );
  return { activity, session };
}

/** A yearly study plan of `committeeId` (2020 unless overridden). */
export function createStudyPlan(
  app: INestApplication,
  overrides: Partial<CreateStudyPlanDto> & { committeeId: number },
): Promise<StudyPlan> {
  return runAsSystem('test', () =>
    app.get(StudyPlansService).create({ year: 2020, title: uniqueName('学习计划'), ...overrides }),
  );
}

/** An item of a plan (March unless overridden), linked to a study session if given. */
export function createStudyPlanItem(
  app: INestApplication,
  overrides: Partial<CreateStudyPlanItemDto> & { planId: number },
): Promise<StudyPlanItem> {
  return runAsSystem('test', () =>
    app
      .get(StudyPlanItemsService)
      .create({ month: 3, topic: uniqueName('计划主题'), ...overrides }),
  );
}
