import type { AreaLabels } from '../../platform/areas/area.js';

/** How the attachments' records and fields are called. */
export const ATTACHMENTS_LABELS = {
  records: {
    attachment: { zh: '附件', en: 'Attachment' },
    /** A record of an attachable kind whose area names none. */
    record: { zh: '记录', en: 'Record' },
  },
  values: {
    /** What a file is for on its record (the areas' `purposes`). */
    purpose: {
      file: '文件',
      material: '学习材料',
      signInSheet: '签到表',
      evidence: '佐证材料',
      photo: '照片',
      report: '报告',
    },
  },
  resources: {
    Attachment: {
      name: '附件',
      properties: {
        id: '编号',
        recordType: '所属记录类型',
        recordId: '所属记录编号',
        purpose: '用途',
        committeeId: '人大工委',
        originalName: '文件名',
        mediaType: '文件类型',
        size: '大小（字节）',
        sha256: 'SHA-256 校验值',
        uploadedBy: '上传人',
        createdAt: '上传时间',
        preview: '预览 / 下载',
        file: '选择文件',
      },
    },
  },
} as const satisfies AreaLabels;
