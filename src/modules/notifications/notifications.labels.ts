import type { AreaLabels } from '../../platform/areas/area.js';

/** How notifications and their fields are called. */
export const NOTIFICATIONS_LABELS = {
  records: {
    notification: { zh: '通知', en: 'Notification' },
  },
  resources: {
    Notification: {
      name: '我的通知',
      properties: {
        id: '编号',
        kind: '类型',
        title: '标题',
        body: '内容',
        createdAt: '时间',
        readAt: '已读时间',
        status: '状态',
        channel: '渠道',
      },
    },
  },
} as const satisfies AreaLabels;
