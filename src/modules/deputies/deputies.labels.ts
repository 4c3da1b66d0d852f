import type { AreaLabels } from '../../platform/areas/area.js';

/** How the deputies area's records, fields, values and actions are called. */
export const DEPUTIES_LABELS = {
  records: {
    deputyGroup: { zh: '代表小组', en: 'Deputy group' },
    deputy: { zh: '代表', en: 'Deputy' },
  },
  values: {
    gender: { male: '男', female: '女' },
    deputyStatus: { serving: '在任', ended: '已终止' },
  },
  resources: {
    DeputyGroup: {
      name: '代表小组',
      properties: {
        id: '编号',
        name: '名称',
        committeeId: '所属人大工委',
        note: '备注',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    Deputy: {
      name: '代表',
      properties: {
        id: '编号',
        name: '姓名',
        gender: '性别',
        ethnicity: '民族',
        birthDate: '出生日期',
        party: '党派',
        level: '代表级别',
        constituency: '选区',
        occupation: '职业',
        workplace: '工作单位及职务',
        phone: '电话',
        phoneHash: '电话检索码',
        oneTimeValue: '完整信息（本次查看已记入审计，只显示一次）',
        email: '电子邮箱',
        committeeId: '所属人大工委',
        communityId: '社区/村',
        termId: '届次',
        groupId: '代表小组',
        status: '状态',
        endedReason: '终止原因',
        endedOn: '终止日期',
        externalId: '外部编号',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
  },
  actions: {
    reveal: '查看完整信息',
    export: '导出',
  },
} as const satisfies AreaLabels;
