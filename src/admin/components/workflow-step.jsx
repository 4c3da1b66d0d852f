// A workflow step of a record (意见建议: 交办 / 开始办理 / 办结 / 关闭) as a form: the fields the
// step records (action.custom.fields) and a note. The server runs the step as one use case
// (permission, state, rules, timeline entry, audit); its notice and page follow. Opening the
// form only loads the record: nothing changes until the form is sent.
import React, { useState } from 'react';
import { ApiClient, useActionResponseHandler } from 'adminjs';
import { Box, Button, FormGroup, Input, Label, Text, TextArea } from '@adminjs/design-system';

const api = new ApiClient();

const WorkflowStep = ({ resource, action, record }) => {
  const custom = action.custom || {};
  const fields = custom.fields || [];
  const [values, setValues] = useState({});
  const [busy, setBusy] = useState(false);
  const handle = useActionResponseHandler();
  const set = (name) => (event) => setValues({ ...values, [name]: event.target.value });
  const submit = (event) => {
    event.preventDefault();
    setBusy(true);
    api
      .recordAction({
        resourceId: resource.id,
        recordId: record.id,
        actionName: action.name,
        method: 'post',
        data: { step: action.name, ...values },
      })
      .then(handle)
      .finally(() => setBusy(false));
  };
  return (
    <Box variant="white" as="form" onSubmit={submit}>
      {custom.intro ? <Text mb="lg">{custom.intro}</Text> : null}
      {fields.map((field) => (
        <FormGroup key={field.name}>
          <Label htmlFor={`step-${field.name}`} required={field.required}>
            {field.label}
          </Label>
          {field.type === 'textarea' ? (
            <TextArea
              id={`step-${field.name}`}
              name={field.name}
              width={1}
              rows={4}
              value={values[field.name] || ''}
              onChange={set(field.name)}
            />
          ) : (
            <Input
              id={`step-${field.name}`}
              name={field.name}
              type={field.type === 'date' ? 'date' : 'text'}
              value={values[field.name] || ''}
              onChange={set(field.name)}
            />
          )}
        </FormGroup>
      ))}
      <Button variant="contained" type="submit" disabled={busy} data-testid="workflow-step-submit">
        {custom.submitLabel || '确定'}
      </Button>
    </Box>
  );
};

export default WorkflowStep;
