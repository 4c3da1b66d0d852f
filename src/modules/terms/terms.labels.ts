import type { AreaLabels } from '../../platform/areas/area.js';

/** How the terms area's records, fields and values are called. */
export const TERMS_LABELS = {
  records: {
    term: { zh: '届次', en: 'Term' },
  },
  values: {
    /** A term's level, and a deputy's (代表层级). */
    level: { district: '区级', city: '市级', provincial: '省级', national: '全国' },
  },
  resources: {
    Term: {
      name: '届次',
      properties: {
        id: '编号',
        name: '名称',
        level: '级别',
        ordinal: '届数',
        startsOn: '开始日期',
        endsOn: '结束日期',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
  },
} as const satisfies AreaLabels;
