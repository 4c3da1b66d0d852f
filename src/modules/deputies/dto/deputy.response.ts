import { ACTIVITY_CATEGORIES } from '../../dictionaries/dictionary-item.entity.js';

/** OpenAPI schemas of the deputies' answers that are not a stored record. */

const counts = {
  type: 'object',
  required: ['invited', 'attended', 'leave', 'absent', 'attendanceRate'],
  properties: {
    invited: { type: 'integer', example: 4 },
    attended: { type: 'integer', example: 3 },
    leave: { type: 'integer', example: 1 },
    absent: { type: 'integer', example: 0 },
    attendanceRate: { type: 'number', nullable: true, example: 0.75 },
  },
};

export const PERFORMANCE_RECORD_SCHEMA = {
  type: 'object',
  required: ['deputyId', 'deputyName', 'from', 'to', 'totals', 'byCategory', 'activities'],
  properties: {
    deputyId: { type: 'integer', example: 12 },
    deputyName: { type: 'string', example: '张三' },
    from: { type: 'string', format: 'date', example: '2020-01-01' },
    to: { type: 'string', format: 'date', example: '2020-12-31' },
    totals: counts,
    byCategory: {
      type: 'object',
      properties: Object.fromEntries(ACTIVITY_CATEGORIES.map((category) => [category, counts])),
    },
    activities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['activityId', 'title', 'kind', 'kindId', 'kindCode', 'category', 'startsAt'],
        properties: {
          activityId: { type: 'integer', example: 31 },
          title: { type: 'string', example: '第一季度代表工作会议' },
          kind: {
            type: 'string',
            description: '活动类型名称 / kind label',
            example: '代表工作会议',
          },
          kindId: { type: 'integer', description: '活动类型（字典项）id', example: 3 },
          kindCode: {
            type: 'string',
            description: '活动类型代码 / kind code',
            example: 'work_meeting',
          },
          category: { type: 'string', enum: [...ACTIVITY_CATEGORIES] },
          startsAt: {
            type: 'string',
            format: 'date-time',
            example: '2020-03-31T14:30:00.000+08:00',
          },
          attendance: { type: 'string', enum: ['attended', 'leave', 'absent'] },
          note: { type: 'string', nullable: true, example: null },
        },
      },
    },
  },
};

export const PERSONAL_DATA_SCHEMA = {
  type: 'object',
  required: ['id', 'phone'],
  properties: {
    id: { type: 'integer', example: 12 },
    phone: { type: 'string', nullable: true, example: '13812341234' },
  },
};

export const SPREADSHEET_RESPONSE = {
  description: 'Excel 文件（电话脱敏）/ an .xlsx workbook, phones masked',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};
