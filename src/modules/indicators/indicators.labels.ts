import type { AreaLabels } from '../../platform/areas/area.js';

/** How the indicators area's records, fields, values and actions are called. */
export const INDICATORS_LABELS = {
  records: {
    indicator: { zh: '经济指标', en: 'Indicator' },
    indicatorValue: { zh: '指标数值', en: 'Indicator value' },
  },
  values: {
    frequency: { monthly: '月度', quarterly: '季度', yearly: '年度' },
    valueKind: { cumulative: '累计', period: '当期' },
  },
  resources: {
    Indicator: {
      name: '经济指标',
      properties: {
        id: '编号',
        committeeId: '所属人大工委',
        code: '指标代码',
        name: '指标名称',
        unit: '单位',
        frequency: '频率',
        enabled: '启用',
        sortOrder: '排序',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    IndicatorValue: {
      name: '指标数值',
      properties: {
        id: '编号',
        committeeId: '所属人大工委',
        indicatorId: '指标',
        year: '年份',
        period: '期间（月/季度，年度为 1）',
        kind: '数值类型',
        value: '数值',
        yoyPercent: '同比（%）',
        note: '备注',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
  },
  actions: {},
} as const satisfies AreaLabels;
