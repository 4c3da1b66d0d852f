import {
  actionsFor,
  scopeWholeSystemOnly,
  NO_GENERIC_WRITES,
} from '../../../admin/admin-access.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { ScopedResource } from '../../../admin/service-resource.js';
import { JobRun } from '../job-run.entity.js';
import { JobsScheduler } from '../jobs.scheduler.js';
import { JOBS } from '../schedule.js';

const OUTCOME_LABELS = { running: '运行中', succeeded: '成功', failed: '失败' };
// Chinese only: AdminJS runs a label through startCase, which mangled the CLI name beside it
// ("期末结算（period Close）"); the CLI's help lists the names.
const JOB_LABELS = Object.fromEntries(Object.values(JOBS).map((job) => [job.name, job.label]));

/** 系统设置 › 定时任务: the job monitor, each job's next run beside its runs. */
export const adminArea = defineAdminArea({
  inject: { scheduler: JobsScheduler },
  resources: ({ scheduler }) => [
    {
      resource: new ScopedResource(JobRun, {
        scope: scopeWholeSystemOnly,
        derive: (params) => ({
          nextRunAt: scheduler.nextRun(String(params.job))?.toISOString() ?? null,
        }),
      }),
      options: {
        navigation: NAVIGATION.system,
        actions: actionsFor('jobRun', NO_GENERIC_WRITES),
        sort: { sortBy: 'id', direction: 'desc' },
        listProperties: [
          'job',
          'runKey',
          'startedAt',
          'finishedAt',
          'outcome',
          'attempts',
          'takenOverFrom',
          'counts',
          'nextRunAt',
        ],
        filterProperties: ['job', 'runKey', 'outcome', 'startedAt'],
        properties: {
          job: { availableValues: availableValues(JOB_LABELS) },
          outcome: { availableValues: availableValues(OUTCOME_LABELS) },
          nextRunAt: { type: 'datetime', isSortable: false },
          error: { type: 'textarea' },
        },
      },
    },
  ],
});
