import type { Area } from '../../platform/areas/area.js';
import { Attachment } from './attachment.entity.js';
import { ATTACHMENTS_LABELS } from './attachments.labels.js';
import { AttachmentsModule } from './attachments.module.js';

/**
 * 附件: files attached to the records the areas declare `attachable`. Its Nest module is given
 * the areas by the entry point (`AttachmentsModule.forRoot(AREAS)` in app.module.ts); `module`
 * here is the bare class, which adds nothing.
 */
export const ATTACHMENTS_AREA = {
  name: 'attachments',
  module: AttachmentsModule,
  entities: [Attachment],
  labels: ATTACHMENTS_LABELS,
  adminAccess: {
    Attachment: { permission: 'attachment' },
  },
  admin: () => import('./admin/attachments.admin.js'),
} satisfies Area;
