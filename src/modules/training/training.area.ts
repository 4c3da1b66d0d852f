import type { Area } from '../../platform/areas/area.js';
import { STUDY_SESSION_SCOPE } from './study-sessions.service.js';
import { StudyPlanItem } from './study-plan-item.entity.js';
import { StudyPlan } from './study-plan.entity.js';
import { StudySession } from './study-session.entity.js';
import { TRAINING_LABELS } from './training.labels.js';
import { TrainingModule } from './training.module.js';
import { TrainingStatistics } from './training.stats.js';

/** 学习培训: study sessions (on training activities), yearly study plans and their fulfilment. */
export const TRAINING_AREA = {
  name: 'training',
  module: TrainingModule,
  entities: [StudySession, StudyPlan, StudyPlanItem],
  labels: TRAINING_LABELS,
  statistics: TrainingStatistics,
  adminAccess: {
    StudySession: { permission: 'studySession' },
    StudyPlan: { permission: 'studyPlan' },
    StudyPlanItem: { permission: 'studyPlanItem' },
    // The activity picker of a study session: training activities within the actor's committees.
    TrainingActivity: { permission: 'activity', picker: true },
  },
  attachable: {
    studySession: {
      entity: StudySession,
      resource: 'studySession',
      scope: STUDY_SESSION_SCOPE,
      purposes: ['material', 'signInSheet'],
    },
  },
  admin: () => import('./admin/training.admin.js'),
} satisfies Area;
