// 立即检查 / 往期检查: check now (close what has ended, re-count the running period), or
// evaluate past periods — a year, or a range of quarters. The server does the work (runCheck),
// records it as a run in the job monitor and audits it; the answer's notice and page follow.
import React, { useState } from 'react';
import { ApiClient, useActionResponseHandler } from 'adminjs';
import { Box, Button, FormGroup, Input, Label, Text } from '@adminjs/design-system';

const api = new ApiClient();

const ComplianceCheck = ({ resource, action }) => {
  const [year, setYear] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const handle = useActionResponseHandler();
  const run = (data) => {
    setBusy(true);
    api
      .resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data })
      .then(handle)
      .finally(() => setBusy(false));
  };
  return (
    <Box variant="white">
      <Text mb="lg">
        立即检查：结算已结束而尚未结算的期间，并重新统计当前期间。往期检查：按记录重新评定已结束的往年或往季度（补录往年记录后使用）；
        结果更新达标记录，原结果保留在历史中；只有最近一期的结果变为未达标时才发送通知。每次检查都记入定时任务运行记录和操作日志。
      </Text>
      <Button variant="contained" disabled={busy} onClick={() => run({})} data-testid="check-now">
        立即检查当前期间
      </Button>
      <Box mt="xl">
        <FormGroup>
          <Label htmlFor="check-year">年度（如 2019）</Label>
          <Input id="check-year" value={year} onChange={(e) => setYear(e.target.value)} />
        </FormGroup>
        <Button disabled={busy || !year} onClick={() => run({ year })} data-testid="check-year">
          检查该年度
        </Button>
      </Box>
      <Box mt="xl">
        <FormGroup>
          <Label htmlFor="check-from">起始季度（如 2019-Q1）</Label>
          <Input id="check-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </FormGroup>
        <FormGroup>
          <Label htmlFor="check-to">结束季度（如 2019-Q4）</Label>
          <Input id="check-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </FormGroup>
        <Button
          disabled={busy || !from || !to}
          onClick={() => run({ from, to })}
          data-testid="check-range"
        >
          检查这些季度
        </Button>
      </Box>
    </Box>
  );
};

export default ComplianceCheck;
