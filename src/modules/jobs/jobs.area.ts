import type { Area } from '../../platform/areas/area.js';
import { JobRun } from './job-run.entity.js';
import { JOBS_LABELS } from './jobs.labels.js';
import { JobsModule } from './jobs.module.js';

/** Scheduled jobs and their runs (定时任务). */
export const JOBS_AREA = {
  name: 'jobs',
  module: JobsModule,
  entities: [JobRun],
  labels: JOBS_LABELS,
  adminAccess: { JobRun: { permission: 'jobRun' } },
  admin: () => import('./admin/jobs.admin.js'),
} satisfies Area;
