import type { ActionContext, ActionRequest, ActionResponse, ResourceWithOptions } from 'adminjs';
import { IsNull } from 'typeorm';
import { Clock } from '../../../common/clock.js';
import { actionsFor, type AdminActions, NO_GENERIC_WRITES } from '../../../admin/admin-access.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { ScopedResource } from '../../../admin/service-resource.js';
import { Notification } from '../notification.entity.js';

/** Notifications are each user's own: the in-app ones addressed to the person logged in. */
const ownNotifications = (actor: { id: number | null }, where: object) => ({
  ...where,
  recipientUserId: actor.id ?? -1,
  channel: 'inApp' as const,
});

/** 履职督促 › 我的通知: opening one marks it read. */
export const adminArea = defineAdminArea({
  inject: { clock: Clock },
  resources: ({ clock }): ResourceWithOptions[] => {
    const notificationActions: AdminActions = actionsFor('notification', NO_GENERIC_WRITES);
    return [
      {
        resource: new ScopedResource(Notification, {
          scope: ownNotifications,
          hiddenFields: ['dedupeKey', 'recipientAddress'],
        }),
        options: {
          navigation: NAVIGATION.compliance,
          actions: {
            ...notificationActions,
            // Opening a notification marks it read.
            show: {
              ...notificationActions.show,
              after: async (
                response: ActionResponse,
                _request: ActionRequest,
                context: ActionContext,
              ) => {
                const id = Number(context.record?.id());
                if (id) {
                  await Notification.update({ id, readAt: IsNull() }, { readAt: clock.now() });
                }
                return response;
              },
            },
          },
          sort: { sortBy: 'id', direction: 'desc' },
          listProperties: ['createdAt', 'title', 'readAt'],
          showProperties: ['title', 'body', 'createdAt', 'readAt'],
          filterProperties: ['kind', 'readAt', 'createdAt'],
          properties: { body: { type: 'textarea' } },
        },
      },
    ];
  },
});
