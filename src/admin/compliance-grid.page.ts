import type { Request, Response, Router } from 'express';
import type { Clock } from '../common/clock.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { localDate } from '../common/period.js';
import type { AuditTrail } from '../platform/audit/audit-trail.service.js';
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
 * permission and scope as the compliance API), with their unread notification count.
 */
export function addComplianceGrid(
  router: Router,
  deps: GridSources & { audit: AuditTrail; clock: Clock; notifications: NotificationsRepository },
): void {
  router.get(COMPLIANCE_GRID_PATH, async (req: Request, res: Response, next) => {
    const user = req.session.adminUser;
    if (!user) return res.redirect(`${deps.rootPath}/login`);
    try {
      const requested = Number(req.query.year);
      const year =
        Number.isInteger(requested) && requested >= 2000 && requested <= 2100
          ? requested
          : Number(localDate(deps.clock.now(), deps.timeZone).slice(0, 4));
      const rows = await quarterGrid(deps, year);
      const unread = await deps.notifications.unreadInAppCount(Number(user.id));
      res.setHeader('Cache-Control', 'no-store');
      return res.send(complianceGridPage({ rootPath: deps.rootPath, year, rows, unread }));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.Forbidden) {
        await deps.audit.recordAlone({
          action: 'denied',
          outcome: 'denied',
          objectType: 'complianceRecord',
          detail: { method: req.method, path: req.path },
        });
        return res.status(403).send('当前角色无权查看达标情况 / Your role may not see compliance');
      }
      return next(error);
    }
  });
}
