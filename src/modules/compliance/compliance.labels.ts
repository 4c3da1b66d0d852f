import type { AreaLabels } from '../../platform/areas/area.js';

/** How the compliance area's records, fields and actions are called. */
export const COMPLIANCE_LABELS = {
  records: {
    cadenceRule: { zh: '活动频次规则', en: 'Cadence rule' },
    complianceRecord: { zh: '达标记录', en: 'Compliance record' },
  },
  resources: {
    CadenceRule: {
      name: '活动频次规则',
      properties: {
        id: '编号',
        name: '名称',
        subject: '对象',
        categories: '计入的活动类别',
        minCount: '每期至少次数',
        period: '期间',
        reminderDays: '提醒（到期前天数）',
        countingRule: '计数规则',
        enabled: '启用',
        measure: '计数方式',
        noticeDays: '提前公告天数',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    ComplianceRecord: {
      name: '达标记录',
      properties: {
        id: '编号',
        ruleId: '规则',
        committeeId: '人大工委',
        subjectType: '对象类型',
        subjectId: '对象',
        periodKey: '期间',
        periodStart: '期间开始',
        periodEnd: '期间结束',
        status: '状态',
        qualifyingCount: '已举行次数',
        qualifyingActivityIds: '计入的活动编号',
        history: '评定历史（每次结算或往期检查的结果）',
        evaluatedAt: '统计时间',
        finalisedAt: '结算时间',
      },
    },
  },
  actions: {
    runCheck: '立即检查 / 往期检查',
  },
} as const satisfies AreaLabels;
