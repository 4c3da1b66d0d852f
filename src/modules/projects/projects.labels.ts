import type { AreaLabels } from '../../platform/areas/area.js';

/** How the projects area's records (重大项目, 项目进度, 工作成效), fields and values are called. */
export const PROJECTS_LABELS = {
  records: {
    keyProject: { zh: '重大项目', en: 'Key project' },
    projectProgress: { zh: '项目进度', en: 'Project progress snapshot' },
    countedOutcome: { zh: '工作成效', en: 'Counted outcome' },
  },
  values: {
    projectStage: {
      plannedStart: '拟开工',
      continuing: '续建',
      preliminary: '前期',
      proposed: '谋划',
    },
    outcomeStatus: { planned: '计划', inProgress: '进行中', done: '已完成' },
  },
  resources: {
    KeyProject: {
      name: '重大项目',
      properties: {
        id: '编号',
        committeeId: '人大工委',
        name: '项目名称',
        year: '年度',
        stage: '项目阶段',
        plannedInvestment: '年度计划投资（万元）',
        owner: '业主/责任单位',
        note: '备注',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    ProjectProgress: {
      name: '项目进度',
      properties: {
        id: '编号',
        projectId: '重大项目',
        asOf: '截至日期',
        completedInvestment: '累计完成投资（万元）',
        note: '进展情况',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    CountedOutcome: {
      name: '工作成效',
      properties: {
        id: '编号',
        committeeId: '人大工委',
        year: '年度',
        name: '成效名称',
        value: '数量/金额',
        unit: '单位',
        communityId: '社区/村',
        activityId: '来源活动',
        status: '状态',
        note: '备注',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
  },
} as const satisfies AreaLabels;
