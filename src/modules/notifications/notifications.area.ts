import type { Area } from '../../platform/areas/area.js';
import { Notification } from './notification.entity.js';
import { NOTIFICATIONS_LABELS } from './notifications.labels.js';
import { NotificationsModule } from './notifications.module.js';

/** Notifications (通知): in-app, e-mail and webhook. */
export const NOTIFICATIONS_AREA = {
  name: 'notifications',
  module: NotificationsModule,
  entities: [Notification],
  labels: NOTIFICATIONS_LABELS,
  adminAccess: { Notification: { permission: 'notification' } },
  admin: () => import('./admin/notifications.admin.js'),
} satisfies Area;
