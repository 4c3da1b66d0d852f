import type { AreaLabels } from '../../platform/areas/area.js';

/** How the activities area's records, fields and values are called. */
export const ACTIVITIES_LABELS = {
  records: {
    activity: { zh: '活动', en: 'Activity' },
    attendance: { zh: '出席记录', en: 'Attendance' },
  },
  values: {
    activityStatus: { planned: '计划中', held: '已举行', cancelled: '已取消' },
    attendanceStatus: { attended: '出席', leave: '请假', absent: '缺席' },
  },
  resources: {
    Activity: {
      name: '代表活动',
      properties: {
        id: '编号',
        committeeId: '人大工委',
        kindId: '活动类型',
        title: '标题',
        startsAt: '开始时间',
        endsAt: '结束时间',
        location: '地点',
        status: '状态',
        summary: '内容纪要',
        organiser: '组织者',
        externalId: '外部编号',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    Attendance: {
      name: '出席记录',
      properties: {
        id: '编号',
        activityId: '活动',
        deputyId: '代表',
        status: '出席情况',
        note: '备注',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
  },
} as const satisfies AreaLabels;
