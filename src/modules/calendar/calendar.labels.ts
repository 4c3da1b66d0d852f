import type { AreaLabels } from '../../platform/areas/area.js';

/** How the calendar area's records, fields and values are called. */
export const CALENDAR_LABELS = {
  records: {
    calendarDay: { zh: '节假日与调休', en: 'Calendar day' },
  },
  values: {
    kind: { holiday: '法定节假日（放假）', workday: '调休上班' },
    source: { seeded: '国务院通知（导入）', staff: '工作人员录入' },
  },
  resources: {
    CalendarDay: {
      name: '节假日与调休',
      properties: {
        id: '编号',
        date: '日期',
        kind: '类型',
        name: '节日名称',
        note: '备注',
        source: '来源',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
  },
  actions: {},
} as const satisfies AreaLabels;
