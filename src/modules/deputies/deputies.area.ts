import type { Area } from '../../platform/areas/area.js';
import { DEPUTIES_LABELS } from './deputies.labels.js';
import { DeputiesModule } from './deputies.module.js';
import { DeputyGroup } from './deputy-group.entity.js';
import { Deputy } from './deputy.entity.js';

/** Deputies (代表), their groups (代表小组) and their performance (履职). */
export const DEPUTIES_AREA = {
  name: 'deputies',
  module: DeputiesModule,
  entities: [DeputyGroup, Deputy],
  labels: DEPUTIES_LABELS,
  adminAccess: {
    DeputyGroup: { permission: 'deputyGroup' },
    Deputy: { permission: 'deputy', recordActions: ['reveal'], resourceActions: ['export'] },
  },
  admin: () => import('./admin/deputies.admin.js'),
} satisfies Area;
