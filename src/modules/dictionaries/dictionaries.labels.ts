import type { AreaLabels } from '../../platform/areas/area.js';

const ITEM_FIELDS = {
  id: '编号',
  dictionaryId: '所属字典',
  code: '编码',
  label: '名称',
  labelEn: '英文名称',
  category: '统计类别',
  sortOrder: '排序',
  enabled: '启用',
  createdAt: '创建时间',
  updatedAt: '更新时间',
};

/** How the dictionaries area's records, fields and values are called. */
export const DICTIONARIES_LABELS = {
  records: {
    dictionary: { zh: '数据字典', en: 'Dictionary' },
    dictionaryItem: { zh: '字典项', en: 'Dictionary item' },
    activityKind: { zh: '活动类型', en: 'Activity kind' },
  },
  values: {
    /** An activity kind's statistics category (统计类别). */
    category: {
      meeting: '会议',
      training: '学习培训',
      supervision: '监督',
      plenary: '代表大会',
      station: '联络站',
      outreach: '联系选民',
      other: '其他',
    },
  },
  resources: {
    Dictionary: {
      name: '数据字典',
      properties: {
        id: '编号',
        code: '编码',
        name: '名称',
        nameEn: '英文名称',
        description: '说明',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    DictionaryItem: { name: '字典项', properties: ITEM_FIELDS },
    // The activity-kind picker (admin/dictionaries.admin.ts): the items it offers, renamed.
    ActivityKind: { name: '活动类型', properties: ITEM_FIELDS },
  },
} as const satisfies AreaLabels;
