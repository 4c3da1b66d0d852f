import { defineAdminArea } from '../../../admin/admin-area.js';
import { COMPONENTS } from '../../../admin/components/components.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { ruleViolation } from '../../../common/errors.js';
import { Attachment } from '../attachment.entity.js';
import { ATTACHMENTS_LABELS } from '../attachments.labels.js';
import { AttachmentsService } from '../attachments.service.js';
import { UploadAttachmentDto } from '../dto/attachment.dto.js';

/** Files arrive through the upload page (admin/attachments.page.ts), never as form fields. */
const notThroughTheForm = (): Promise<never> =>
  Promise.reject(
    ruleViolation({
      zh: '请通过“上传附件”页面上传文件',
      en: 'Upload files through the upload page',
    }),
  );

/** 附件: list and show (with a thumbnail and a download link), upload, remove. */
export const adminArea = defineAdminArea({
  inject: { attachments: AttachmentsService },
  resources: ({ attachments }) => [
    {
      resource: new ServiceResource(Attachment, {
        scope: (actor, where) => attachments.scopeFor(actor, where),
        createDto: UploadAttachmentDto,
        updateDto: UploadAttachmentDto,
        create: notThroughTheForm,
        update: notThroughTheForm,
        remove: (id) => attachments.remove(id),
        hiddenFields: ['storageKey'],
      }),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: [
          'id',
          'preview',
          'originalName',
          'recordType',
          'recordId',
          'purpose',
          'mediaType',
          'size',
          'createdAt',
        ],
        showProperties: [
          'id',
          'preview',
          'originalName',
          'recordType',
          'recordId',
          'purpose',
          'committeeId',
          'mediaType',
          'size',
          'sha256',
          'uploadedBy',
          'createdAt',
        ],
        filterProperties: ['recordType', 'recordId', 'purpose', 'originalName', 'createdAt'],
        sort: { sortBy: 'id', direction: 'desc' },
        properties: {
          originalName: { isTitle: true },
          storageKey: { isVisible: false },
          purpose: { availableValues: availableValues(ATTACHMENTS_LABELS.values.purpose) },
          recordType: {
            availableValues: attachments
              .attachableKinds()
              .map((kind) => ({ value: kind.recordType, label: kind.name.zh })),
            // The upload form offers only the purposes the chosen kind of record takes.
            custom: {
              purposes: Object.fromEntries(
                attachments.attachableKinds().map((kind) => [kind.recordType, kind.purposes]),
              ),
            },
          },
          preview: {
            type: 'string',
            isVisible: { list: true, show: true, edit: false, filter: false },
            components: {
              list: COMPONENTS.AttachmentPreview,
              show: COMPONENTS.AttachmentPreview,
            },
          },
        },
        actions: {
          new: { component: COMPONENTS.AttachmentUpload },
          edit: { isAccessible: false, isVisible: false },
        },
      },
    },
  ],
});
