// 首页: the logged-in user's unread notifications and this year's quarterly compliance of their
// committees. Data comes from the dashboard handler (admin.module.ts); plain JSX, bundled by
// AdminJS at `npm run build` (src/admin/bundle-components.ts).
import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import {
  Box,
  H2,
  H5,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system';

const api = new ApiClient();

const STATUS = {
  met: { label: '达标', background: '#d9f2e3', color: '#12683a' },
  missed: { label: '未达标', background: '#fbe0e0', color: '#a11d1d' },
  inProgress: { label: '进行中', background: '#fff3cd', color: '#7a5b00' },
};

const Cell = ({ entry }) => {
  if (!entry) return <TableCell>—</TableCell>;
  const status = STATUS[entry.status];
  return (
    <TableCell style={{ background: status.background, color: status.color }}>
      <Link href={entry.activitiesUrl} style={{ color: status.color }}>
        {status.label} · {entry.count} 次
      </Link>
    </TableCell>
  );
};

const Dashboard = () => {
  const [data, setData] = useState(null);
  useEffect(() => {
    api.getDashboard().then((response) => setData(response.data));
  }, []);
  if (!data) {
    return (
      <Box variant="grey">
        <Text>加载中…</Text>
      </Box>
    );
  }
  return (
    <Box variant="grey">
      <Box variant="white" mb="xl">
        <H2>人大工委工作平台</H2>
        <Text data-testid="dashboard-unread">
          您有 <strong>{data.unread}</strong> 条未读通知。
          <Link href={data.notificationsUrl}>查看我的通知</Link>
        </Text>
      </Box>
      {data.grid ? (
        <Box variant="white" data-testid="dashboard-grid">
          <H5>{data.year} 年季度达标情况（每季度至少一次代表工作会议或代表活动）</H5>
          <Table>
            <TableHead>
              <TableRow>
                <TableCell>人大工委</TableCell>
                <TableCell>第一季度</TableCell>
                <TableCell>第二季度</TableCell>
                <TableCell>第三季度</TableCell>
                <TableCell>第四季度</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.grid.map((row) => (
                <TableRow key={row.committeeId}>
                  <TableCell>{row.committee}</TableCell>
                  {row.quarters.map((entry, index) => (
                    <Cell key={index} entry={entry} />
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box mt="lg">
            <Link href={data.gridUrl}>完整一览与往年</Link>
            {data.overviewUrl ? (
              <Link href={data.overviewUrl} ml="xl" data-testid="overview-link">
                年度统计总览
              </Link>
            ) : null}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
};

export default Dashboard;
