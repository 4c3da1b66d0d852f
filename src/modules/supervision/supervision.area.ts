import type { Area } from '../../platform/areas/area.js';
import { Opinion } from './opinion.entity.js';
import { OpinionUpdate } from './opinion-update.entity.js';
import { SupervisionActivity } from './supervision-activity.entity.js';
import { SUPERVISION_LABELS } from './supervision.labels.js';
import { SupervisionModule } from './supervision.module.js';
import {
  OPINION_SCOPE,
  OPINION_UPDATE_SCOPE,
  SUPERVISION_ACTIVITY_SCOPE,
} from './supervision.scopes.js';
import { SupervisionStatistics } from './supervision.stats.js';

/** 监督: supervision activities (监督活动), the opinions raised in them (意见建议) and their timeline. */
export const SUPERVISION_AREA = {
  name: 'supervision',
  module: SupervisionModule,
  entities: [SupervisionActivity, Opinion, OpinionUpdate],
  labels: SUPERVISION_LABELS,
  statistics: SupervisionStatistics,
  attachable: {
    supervisionActivity: {
      entity: SupervisionActivity,
      resource: 'supervisionActivity',
      scope: SUPERVISION_ACTIVITY_SCOPE,
      purposes: ['material', 'evidence'],
    },
    opinion: {
      entity: Opinion,
      resource: 'opinion',
      scope: OPINION_SCOPE,
      purposes: ['evidence'],
    },
    opinionUpdate: {
      entity: OpinionUpdate,
      resource: 'opinionUpdate',
      scope: OPINION_UPDATE_SCOPE,
      purposes: ['file'],
    },
  },
  adminAccess: {
    SupervisionActivity: { permission: 'supervisionActivity' },
    Opinion: { permission: 'opinion', recordActions: ['assign', 'start', 'finish', 'close'] },
    OpinionUpdate: { permission: 'opinionUpdate' },
    SupervisionActivityChoice: { permission: 'activity', picker: true },
    SupervisionArea: { permission: 'dictionaryItem', picker: true },
  },
  admin: () => import('./admin/supervision.admin.js'),
} satisfies Area;
