// 附件 on an attachable record's page (an activity, a study session …): the record's files with
// thumbnails and download links, and a link to the upload form filled in with this record. The
// list comes from the Attachment screen's own API (the same permission and committee checks).
import React, { useEffect, useState } from 'react';
import { Box, Button, Label, Link, Text } from '@adminjs/design-system';

const RecordAttachments = ({ record, property }) => {
  const recordType = property.custom.recordType;
  const recordId = record.params.id;
  const [items, setItems] = useState(null);

  useEffect(() => {
    const query = new URLSearchParams({
      'filters.recordType': recordType,
      'filters.recordId': String(recordId),
      perPage: '50',
    });
    fetch(`/admin/api/resources/Attachment/actions/list?${query}`, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : { records: [] }))
      .then((body) => setItems(body.records || []))
      .catch(() => setItems([]));
  }, [recordType, recordId]);

  const upload = `/admin/resources/Attachment/actions/new?recordType=${encodeURIComponent(recordType)}&recordId=${encodeURIComponent(recordId)}`;
  return (
    <Box mb="xl" data-testid="record-attachments">
      <Label>附件</Label>
      {items === null ? <Text>加载中…</Text> : null}
      {items !== null && items.length === 0 ? <Text>暂无附件</Text> : null}
      {(items || []).map((item) => {
        const href = `/admin/attachments/${item.id}/content`;
        const image = String(item.params.mediaType || '').startsWith('image/');
        return (
          <Box key={item.id} flex style={{ gap: 8, alignItems: 'center' }} mb="sm">
            {image ? (
              <img
                src={href}
                alt={item.params.originalName}
                loading="lazy"
                style={{ maxHeight: 48, maxWidth: 80, objectFit: 'contain' }}
              />
            ) : null}
            <Link href={href} data-testid="record-attachment-download">
              {item.params.originalName}
            </Link>
          </Box>
        );
      })}
      <Button as="a" href={upload} size="sm" mt="default" data-testid="record-attachment-upload">
        上传附件
      </Button>
    </Box>
  );
};

export default RecordAttachments;
