import { Type } from 'class-transformer';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { choices, scopeOf } from '../../../admin/reference-choices.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { ActivitiesService } from '../../activities/activities.service.js';
import { Activity } from '../../activities/activity.entity.js';
import {
  CreateStudyPlanDto,
  CreateStudyPlanItemDto,
  CreateStudySessionDto,
  UpdateStudyPlanDto,
  UpdateStudyPlanItemDto,
  UpdateStudySessionDto,
} from '../dto/training.dto.js';
import { StudyPlanItem } from '../study-plan-item.entity.js';
import { StudyPlanItemsService } from '../study-plan-items.service.js';
import { StudyPlan } from '../study-plan.entity.js';
import { StudyPlansService } from '../study-plans.service.js';
import { StudySession } from '../study-session.entity.js';
import { StudySessionsService } from '../study-sessions.service.js';

/** The panel's form sends hours as text (AdminJS takes a DECIMAL column for a string). */
export class StudySessionForm extends CreateStudySessionDto {}
export class StudySessionEditForm extends UpdateStudySessionDto {}
for (const form of [StudySessionForm, StudySessionEditForm]) {
  Type(() => Number)(form.prototype, 'hours');
}

/**
 * A study session's activity: an activity of a training kind (StudySessionsService.checkWrite)
 * within the actor's committees.
 */
export const TRAINING_ACTIVITY = { reference: 'TrainingActivity' } as const;

/** 代表活动 › 学习培训, 学习计划, 学习计划条目, and the training-activity picker. */
export const adminArea = defineAdminArea({
  inject: {
    sessions: StudySessionsService,
    plans: StudyPlansService,
    items: StudyPlanItemsService,
    activities: ActivitiesService,
  },
  resources: ({ sessions, plans, items, activities }) => [
    {
      resource: new ServiceResource(
        StudySession,
        bindRecordService(sessions, StudySessionForm, StudySessionEditForm),
      ),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'topic', 'activityId', 'speakerName', 'hours'],
        filterProperties: ['topic', 'activityId', 'speakerName'],
        sort: { sortBy: 'id', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          topic: { isTitle: true },
          activityId: {
            ...TRAINING_ACTIVITY,
            isVisible: { edit: true, show: true, list: true, filter: true },
          },
          note: { type: 'textarea' },
        },
        // The activity is fixed once the session is recorded (UpdateStudySessionDto).
        editProperties: ['activityId', 'topic', 'speakerName', 'speakerTitle', 'hours', 'note'],
      },
    },
    {
      resource: new ServiceResource(
        StudyPlan,
        bindRecordService(plans, CreateStudyPlanDto, UpdateStudyPlanDto),
      ),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'title', 'committeeId', 'year'],
        filterProperties: ['title', 'committeeId', 'year'],
        sort: { sortBy: 'year', direction: 'desc' },
        properties: { ...TIMESTAMPS, title: { isTitle: true }, note: { type: 'textarea' } },
      },
    },
    {
      resource: new ServiceResource(
        StudyPlanItem,
        bindRecordService(items, CreateStudyPlanItemDto, UpdateStudyPlanItemDto),
      ),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'planId', 'month', 'topic', 'studySessionId'],
        filterProperties: ['planId', 'month', 'studySessionId'],
        sort: { sortBy: 'month', direction: 'asc' },
        properties: {
          ...TIMESTAMPS,
          topic: { isTitle: true },
          month: {
            availableValues: Array.from({ length: 12 }, (_, index) => ({
              value: String(index + 1),
              label: `${index + 1}月`,
            })),
          },
          note: { type: 'textarea' },
        },
      },
    },
    choices(
      TRAINING_ACTIVITY.reference,
      Activity,
      { scope: scopeOf(activities) },
      { kind: { category: 'training' } },
      { property: 'title', sortBy: 'startsAt' },
    ),
  ],
});
