// 上传附件: the Attachment resource's "new" screen. The file goes as multipart/form-data to the
// panel's upload page (POST /admin/attachments/upload), which checks the record's permission and
// committee, the size and the content's type; on success the browser opens the new attachment.
// ?recordType=activity&recordId=12 in the address fills the record in (a link from a record).
import React, { useState } from 'react';
import { useLocation } from 'react-router';
import {
  Box,
  Button,
  FormGroup,
  Input,
  Label,
  MessageBox,
  Select,
  Text,
} from '@adminjs/design-system';

const AttachmentUpload = ({ resource }) => {
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  const kinds = resource.properties.recordType.availableValues || [];
  const allPurposes = resource.properties.purpose.availableValues || [];
  const allowedPurposes = (resource.properties.recordType.custom || {}).purposes || {};
  const [recordType, setRecordType] = useState(
    search.get('recordType') || (kinds[0] && kinds[0].value) || '',
  );
  const [recordId, setRecordId] = useState(search.get('recordId') || '');
  const [purpose, setPurpose] = useState(search.get('purpose') || '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    setError('');
    const form = new FormData(event.currentTarget);
    form.set('recordType', recordType);
    if (purpose) form.set('purpose', purpose);
    else form.delete('purpose');
    setBusy(true);
    try {
      const response = await fetch('/admin/attachments/upload', {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        setError(body.message || `上传失败（${response.status}）`);
        return;
      }
      window.location.assign(body.redirectUrl);
    } finally {
      setBusy(false);
    }
  };

  const purposes = allPurposes.filter((item) =>
    (allowedPurposes[recordType] || []).includes(item.value),
  );
  const option = (list, value) => list.find((item) => item.value === value) || null;
  return (
    <Box variant="white" as="form" onSubmit={submit} data-testid="attachment-upload-form">
      <Text mb="lg">
        选择所属记录和文件。文件类型按内容判断（PDF、图片、Word、Excel、纯文本），文件名只用于显示和下载。
      </Text>
      {error ? (
        <MessageBox
          mb="lg"
          variant="danger"
          message={error}
          data-testid="attachment-upload-error"
        />
      ) : null}
      <FormGroup>
        <Label required>所属记录类型</Label>
        <Select
          value={option(kinds, recordType)}
          options={kinds}
          onChange={(selected) => setRecordType(selected ? selected.value : '')}
        />
      </FormGroup>
      <FormGroup>
        <Label required>所属记录编号</Label>
        <Input
          name="recordId"
          type="number"
          min="1"
          value={recordId}
          onChange={(event) => setRecordId(event.target.value)}
          data-testid="attachment-record-id"
        />
      </FormGroup>
      <FormGroup>
        <Label>用途</Label>
        <Select
          value={option(purposes, purpose)}
          options={purposes}
          isClearable
          onChange={(selected) => setPurpose(selected ? selected.value : '')}
        />
      </FormGroup>
      <FormGroup>
        <Label required>选择文件</Label>
        <input type="file" name="file" required data-testid="attachment-file" />
      </FormGroup>
      <Button
        type="submit"
        variant="contained"
        disabled={busy}
        data-testid="attachment-upload-submit"
      >
        上传
      </Button>
    </Box>
  );
};

export default AttachmentUpload;
