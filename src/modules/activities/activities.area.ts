import { ownedByCommittee } from '../../platform/access/record-scope.js';
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
  attachable: {
    // 活动材料、签到表、佐证材料: files attached to an activity (study sessions and the other
    // activity records of [M1] extend an activity and may declare their own).
    activity: {
      entity: Activity,
      resource: 'activity',
      scope: ownedByCommittee<Activity>(),
      purposes: ['material', 'signInSheet', 'evidence'],
    },
  },
  admin: () => import('./admin/activities.admin.js'),
} satisfies Area;
