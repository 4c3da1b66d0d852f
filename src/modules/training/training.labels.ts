import type { AreaLabels } from '../../platform/areas/area.js';

const TIMESTAMPS = { createdAt: '创建时间', updatedAt: '更新时间' };

/** How the training area's records and fields are called (学习培训). */
export const TRAINING_LABELS = {
  records: {
    studySession: { zh: '学习培训', en: 'Study session' },
    studyPlan: { zh: '学习计划', en: 'Study plan' },
    studyPlanItem: { zh: '学习计划条目', en: 'Study plan item' },
    trainingActivity: { zh: '学习培训类活动', en: 'Training activity' },
  },
  resources: {
    StudySession: {
      name: '学习培训',
      properties: {
        id: '编号',
        activityId: '活动（学习形式即活动类型）',
        topic: '学习主题',
        speakerName: '主讲人',
        speakerTitle: '主讲人职务',
        hours: '学时',
        note: '备注',
        ...TIMESTAMPS,
      },
    },
    StudyPlan: {
      name: '学习计划',
      properties: {
        id: '编号',
        committeeId: '人大工委',
        year: '年度',
        title: '计划名称',
        note: '备注',
        ...TIMESTAMPS,
      },
    },
    StudyPlanItem: {
      name: '学习计划条目',
      properties: {
        id: '编号',
        planId: '学习计划',
        month: '计划月份',
        topic: '计划主题',
        studySessionId: '落实的学习培训',
        note: '备注',
        ...TIMESTAMPS,
      },
    },
    TrainingActivity: { name: '学习培训类活动', properties: { title: '标题' } },
  },
} as const satisfies AreaLabels;
