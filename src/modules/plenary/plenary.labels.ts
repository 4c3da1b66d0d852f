import type { AreaLabels } from '../../platform/areas/area.js';

/** How the plenary area's records, fields and values are called. */
export const PLENARY_LABELS = {
  records: {
    plenarySession: { zh: '代表大会会议', en: 'Plenary session' },
    agendaItem: { zh: '审议事项', en: 'Agenda item' },
  },
  values: {
    agendaKind: {
      governmentReport: '政府工作报告',
      standingCommitteeReport: '人大常委会工作报告',
      courtReport: '法院工作报告',
      procuratorateReport: '检察院工作报告',
      developmentPlan: '国民经济和社会发展计划',
      budget: '财政预算',
      other: '其他',
    },
    adopted: { yes: '通过', no: '未通过', notVoted: '未表决' },
  },
  resources: {
    PlenarySession: {
      name: '代表大会会议',
      properties: {
        id: '编号',
        name: '会议名称',
        activityId: '关联活动（出席记录在此活动登记）',
        committeeId: '人大工委',
        termId: '届次',
        sessionNumber: '第几次会议',
        startsOn: '开始日期',
        endsOn: '结束日期',
        place: '地点',
        attendanceLink: '出席记录',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    AgendaItem: {
      name: '审议事项',
      properties: {
        id: '编号',
        sessionId: '代表大会会议',
        kind: '报告类别',
        title: '报告名称',
        sortOrder: '排序',
        resolutionTitle: '决议名称',
        adopted: '表决结果',
        votesFor: '赞成票',
        votesAgainst: '反对票',
        votesAbstaining: '弃权票',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    PlenaryActivity: {
      name: '代表大会活动',
      properties: { id: '编号', title: '标题', startsAt: '开始时间', committeeId: '人大工委' },
    },
  },
} as const satisfies AreaLabels;
