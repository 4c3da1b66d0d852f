import type { AreaLabels } from '../../platform/areas/area.js';

/** How the job monitor's records and fields are called. */
export const JOBS_LABELS = {
  records: {
    jobRun: { zh: '任务运行记录', en: 'Job run' },
  },
  resources: {
    JobRun: {
      name: '定时任务',
      properties: {
        id: '编号',
        job: '任务',
        runKey: '运行对象',
        asOf: '基准时间',
        startedAt: '开始',
        finishedAt: '结束',
        outcome: '结果',
        counts: '处理数量',
        error: '错误',
        runner: '运行实例',
        leaseUntil: '认领有效至',
        attempts: '认领次数',
        takenOverFrom: '接管自（已失联的实例）',
        nextRunAt: '下次运行',
      },
    },
  },
} as const satisfies AreaLabels;
