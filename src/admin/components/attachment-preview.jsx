// 附件预览: a thumbnail for images and a download link. Both fetch the file through the panel's
// own page (GET /admin/attachments/:id/content), which checks the permission and the record's
// committee and audits the read.
import React from 'react';
import { Box, Link } from '@adminjs/design-system';

const AttachmentPreview = ({ record, where }) => {
  const id = record.params.id;
  const type = String(record.params.mediaType || '');
  const href = `/admin/attachments/${id}/content`;
  const large = where === 'show';
  return (
    <Box flex flexDirection={large ? 'column' : 'row'} style={{ gap: 8, alignItems: 'flex-start' }}>
      {type.startsWith('image/') ? (
        <a href={href} target="_blank" rel="noopener" data-testid="attachment-thumbnail-link">
          <img
            src={href}
            alt={record.params.originalName}
            loading="lazy"
            data-testid="attachment-thumbnail"
            style={{
              maxHeight: large ? 240 : 48,
              maxWidth: large ? 360 : 80,
              objectFit: 'contain',
            }}
          />
        </a>
      ) : null}
      <Link href={href} data-testid="attachment-download">
        下载
      </Link>
    </Box>
  );
};

export default AttachmentPreview;
