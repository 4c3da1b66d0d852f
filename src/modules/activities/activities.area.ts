import type { Area } from '../../platform/areas/area.js';
import { ACTIVITIES_LABELS } from './activities.labels.js';
import { ActivitiesModule } from './activities.module.js';
import { ActivitiesStatistics } from './activities.stats.js';
import { Activity } from './activity.entity.js';
import { Attendance } from './attendance.entity.js';

/** Activities (代表活动) and who attended them (出席记录). */
export const ACTIVITIES_AREA = {
  name: 'activities',
  module: ActivitiesModule,
  entities: [Activity, Attendance],
  labels: ACTIVITIES_LABELS,
  statistics: ActivitiesStatistics,
  adminAccess: {
    Activity: { permission: 'activity' },
    Attendance: { permission: 'attendance' },
  },
  admin: () => import('./admin/activities.admin.js'),
} satisfies Area;
