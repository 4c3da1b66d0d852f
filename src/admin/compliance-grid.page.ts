import { localDate } from '../common/period.js';
import { adminPage, type AdminPage } from './admin-page.js';
import { escapeHtml } from './change-password.page.js';
import type { NotificationsRepository } from '../modules/notifications/notifications.repository.js';
import {
  quarterGrid,
  type GridSources,
  type QuarterCell,
  type QuarterRow,
} from './quarter-grid.js';

export const COMPLIANCE_GRID_PATH = '/compliance-grid';

const STATUS = {
  met: { label: '达标', colour: '#d9f2e3', ink: '#12683a' },
  missed: { label: '未达标', colour: '#fbe0e0', ink: '#a11d1d' },
  inProgress: { label: '进行中', colour: '#fff3cd', ink: '#7a5b00' },
} as const;

interface GridInput {
  rootPath: string;
  year: number;
  rows: QuarterRow[];
  unread: number;
}

const cell = (entry: QuarterCell | null): string => {
  if (!entry) return '<td class="none">—</td>';
  const status = STATUS[entry.status];
  return `<td style="background:${status.colour};color:${status.ink}">
<a href="${escapeHtml(entry.activitiesUrl)}">${status.label} · ${entry.count} 次</a>${entry.final ? '' : ' <small>(未结算)</small>'}</td>`;
};

/** 达标一览: committees × quarters, a coloured cell each, linked to the activities that count. */
export function complianceGridPage(input: GridInput): string {
  const { rootPath, year } = input;
  const rows = input.rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.committee)}</th>${row.quarters.map(cell).join('')}</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${year} 年季度达标一览 - 人大工委工作平台</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;background:#f6f7fb;margin:0;padding:24px;color:#222}
main{max-width:960px;margin:0 auto;background:#fff;padding:24px 32px;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
table{border-collapse:collapse;width:100%;margin-top:16px}th,td{border:1px solid #e3e5ec;padding:8px 10px;text-align:left;font-size:14px}
thead th{background:#f1f2f6}td a{color:inherit}td.none{color:#999}nav a{margin-right:16px}
.notice{background:#eef4ff;padding:8px 12px;border-radius:4px}
</style></head>
<body><main>
<nav><a href="${rootPath}">返回后台 / Back</a><a href="${rootPath}${COMPLIANCE_GRID_PATH}?year=${year - 1}">← ${year - 1}</a><a href="${rootPath}${COMPLIANCE_GRID_PATH}?year=${year + 1}">${year + 1} →</a></nav>
<h1>${year} 年季度达标一览 / Quarterly compliance</h1>
<p class="notice">您有 <strong>${input.unread}</strong> 条未读通知，见“履职督促 → 我的通知”。</p>
<p>每个街道人大工委每季度至少举行一次代表工作会议或代表活动（只计已举行的）。点击格子查看计入的活动。</p>
<table><thead><tr><th>人大工委</th><th>第一季度</th><th>第二季度</th><th>第三季度</th><th>第四季度</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="5">暂无数据</td></tr>'}
</tbody></table>
</main></body></html>`;
}

/**
 * GET /admin/compliance-grid?year=2020: the grid for the logged-in user's committees (the same
 * permission and scope as the compliance API), with their unread notification count; the year
 * the Clock is in when none is asked for.
 */
export function complianceGrid(
  sources: GridSources & { notifications: NotificationsRepository },
): AdminPage {
  return adminPage({
    method: 'get',
    path: COMPLIANCE_GRID_PATH,
    kind: 'page',
    access: { resource: 'complianceRecord', action: 'list' },
    refusal: '当前角色无权查看达标情况 / Your role may not see compliance',
    handle: async ({ req, res, user, now }) => {
      const requested = Number(req.query.year);
      const year =
        Number.isInteger(requested) && requested >= 2000 && requested <= 2100
          ? requested
          : Number(localDate(now, sources.timeZone).slice(0, 4));
      const rows = await quarterGrid(sources, year);
      const unread = await sources.notifications.unreadInAppCount(Number(user.id));
      res.send(complianceGridPage({ rootPath: sources.rootPath, year, rows, unread }));
    },
  });
}
