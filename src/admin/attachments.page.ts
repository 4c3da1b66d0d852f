import { readFile } from 'node:fs/promises';
import { validateInput } from '../common/validation.js';
import { IdPipe } from '../common/id.pipe.js';
import { sendAttachment } from '../modules/attachments/attachment-download.js';
import type { AttachmentsService } from '../modules/attachments/attachments.service.js';
import { UploadAttachmentDto } from '../modules/attachments/dto/attachment.dto.js';
import { adminPage, type AdminPage } from './admin-page.js';
import { uploadedFile } from './admin-guards.js';

/** The upload page's path (its body may be as large as ATTACHMENT_MAX_BYTES). */
export const ATTACHMENT_UPLOAD_PATH = '/attachments/upload';

/**
 * 附件 in the panel: the download (thumbnails and links of the Attachment screens) and the upload
 * (the AttachmentUpload form). Both go through AttachmentsService, so the panel checks the
 * record's permission and committee, the size and the content's type, and audits, as the API does.
 */
export function attachmentPages(deps: {
  rootPath: string;
  attachments: AttachmentsService;
}): AdminPage[] {
  const ids = new IdPipe();
  return [
    adminPage({
      method: 'get',
      path: '/attachments/:id/content',
      kind: 'page',
      access: { resource: 'attachment', action: 'show' },
      refusal: '当前角色无权查看附件 / Your role may not see attachments',
      handle: async ({ req, res }) => {
        const { attachment, content } = await deps.attachments.download(
          ids.transform(String(req.params.id)),
        );
        sendAttachment(res, attachment, content);
      },
    }),
    adminPage({
      method: 'post',
      path: ATTACHMENT_UPLOAD_PATH,
      kind: 'data',
      access: { resource: 'attachment', action: 'new' },
      refusal: '当前角色无权上传附件 / Your role may not upload attachments',
      handle: async ({ req, res }) => {
        const fields = (req as { fields?: Record<string, unknown> }).fields ?? {};
        const input = await validateInput(UploadAttachmentDto, {
          recordType: fields.recordType,
          recordId: fields.recordId,
          ...(fields.purpose ? { purpose: fields.purpose } : {}),
        });
        const file = uploadedFile(req, 'file');
        const saved = await deps.attachments.upload(
          input,
          file && file.size > 0
            ? { originalName: file.name, bytes: await readFile(file.path) }
            : undefined,
        );
        res.status(201).json({
          id: saved.id,
          redirectUrl: `${deps.rootPath}/resources/Attachment/records/${saved.id}/show`,
        });
      },
    }),
  ];
}
