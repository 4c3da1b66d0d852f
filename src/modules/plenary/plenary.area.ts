import type { Area } from '../../platform/areas/area.js';
import { AgendaItem } from './agenda-item.entity.js';
import { PLENARY_LABELS } from './plenary.labels.js';
import { PlenaryModule } from './plenary.module.js';
import { PlenaryStatistics } from './plenary.stats.js';
import { PlenarySession } from './plenary-session.entity.js';

/** 代表大会: congress sessions, their reports and resolutions (report section 一(三)). */
export const PLENARY_AREA = {
  name: 'plenary',
  module: PlenaryModule,
  entities: [PlenarySession, AgendaItem],
  labels: PLENARY_LABELS,
  statistics: PlenaryStatistics,
  adminAccess: {
    PlenarySession: { permission: 'plenarySession' },
    AgendaItem: { permission: 'agendaItem' },
    /** The session's activity: a picker of the committee's activities of the plenary category. */
    PlenaryActivity: { permission: 'activity', picker: true },
  },
  admin: () => import('./admin/plenary.admin.js'),
} satisfies Area;
