import { ADMIN_RESOURCES } from './admin-access.js';
import { adminPage, type AdminPage } from './admin-page.js';
import { escapeHtml } from './change-password.page.js';
import { localDate } from '../common/period.js';
import type { CommitteesService } from '../modules/committees/committees.service.js';
import type { Overview, OverviewService } from '../modules/reports/overview.service.js';
import type { Figure, OverviewList, OverviewSection } from '../platform/areas/statistics.js';

export const OVERVIEW_PATH = '/overview';

/** How many counted records a figure links one by one; the rest are summed up. */
const LINKED_RECORDS = 12;

/** The panel's screen of a permission resource (its first non-picker admin resource). */
function screenOf(type: string): string | undefined {
  return Object.entries(ADMIN_RESOURCES).find(([, permission]) => permission === type)?.[0];
}

function recordLinks(rootPath: string, type: string, ids: readonly number[]): string {
  if (ids.length === 0) return '<span class="none">—</span>';
  const screen = screenOf(type);
  const shown = ids
    .slice(0, LINKED_RECORDS)
    .map((id) =>
      screen
        ? `<a href="${rootPath}/resources/${encodeURIComponent(screen)}/records/${id}/show">#${id}</a>`
        : `#${id}`,
    )
    .join(' ');
  const more = ids.length > LINKED_RECORDS ? ` 等 ${ids.length} 条` : '';
  return `${shown}${more}`;
}

function figureRows(rootPath: string, figure: Figure, depth = 0): string {
  const indent = depth > 0 ? ' class="part"' : '';
  const row = `<tr${indent} data-figure="${escapeHtml(figure.name)}"><th scope="row">${escapeHtml(figure.label)}</th>
<td class="value">${figure.value} ${escapeHtml(figure.unit)}</td>
<td>${recordLinks(rootPath, figure.records.type, figure.records.ids)}</td></tr>`;
  const parts = (figure.breakdown ?? [])
    .filter((part) => part.value !== 0)
    .map((part) => figureRows(rootPath, part, depth + 1))
    .join('\n');
  return `${row}\n${parts}`;
}

/** How a row's nested entry reads: its title or name, and a resolution's outcome. */
function entryText(entry: Record<string, unknown>): string {
  const title = entry.title ?? entry.name ?? entry.label ?? entry.id;
  const outcome = entry.adopted === 'yes' ? '（通过）' : entry.adopted === 'no' ? '（未通过）' : '';
  return `${typeof title === 'string' || typeof title === 'number' ? title : '—'}${outcome}`;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    return escapeHtml(
      value
        .map((entry: unknown) =>
          entry !== null && typeof entry === 'object'
            ? entryText(entry as Record<string, unknown>)
            : String(entry as string | number),
        )
        .join('、'),
    );
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return escapeHtml(entryText(value as Record<string, unknown>));
}

function listTable(rootPath: string, name: string, list: OverviewList): string {
  if (list.items.length === 0) {
    return `<h3>${escapeHtml(list.label)}</h3><p class="none">暂无记录</p>`;
  }
  const columns = Object.entries(
    list.columns ??
      Object.fromEntries(
        Object.keys(list.items[0])
          .filter((key) => key !== 'id')
          .map((key) => [key, key]),
      ),
  );
  const head = columns.map(([, label]) => `<th>${escapeHtml(label)}</th>`).join('');
  const rows = list.items
    .map(
      (item) =>
        `<tr><td>${recordLinks(rootPath, list.type, [item.id])}</td>${columns
          .map(([key]) => `<td>${cellText(item[key])}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  return `<h3>${escapeHtml(list.label)}</h3>
<table data-list="${escapeHtml(name)}"><thead><tr><th>记录</th>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
}

function sectionBlock(rootPath: string, section: OverviewSection): string {
  const figures = section.figures.map((figure) => figureRows(rootPath, figure)).join('\n');
  const lists = Object.entries(section.lists)
    .map(([name, list]) => listTable(rootPath, name, list))
    .join('\n');
  const sentences = (section.sentences ?? [])
    .map((sentence) => `<p data-sentence>${escapeHtml(sentence)}</p>`)
    .join('\n');
  return `<section data-area="${escapeHtml(section.area)}"><h2>${escapeHtml(section.label)}</h2>
${sentences}
${figures ? `<table class="figures"><thead><tr><th>项目</th><th>数量</th><th>计入的记录</th></tr></thead><tbody>\n${figures}\n</tbody></table>` : ''}
${lists}</section>`;
}

export function overviewPage(input: {
  rootPath: string;
  overview: Overview;
  committees: { id: number; name: string }[];
}): string {
  const { rootPath, overview } = input;
  const options = input.committees
    .map(
      (committee) =>
        `<option value="${committee.id}"${committee.id === overview.committeeId ? ' selected' : ''}>${escapeHtml(committee.name)}</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${overview.year} 年统计总览 - 人大工委工作平台</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;background:#f6f7fb;margin:0;padding:24px;color:#222}
main{max-width:1080px;margin:0 auto;background:#fff;padding:24px 32px;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid #e3e5ec;padding:6px 10px;text-align:left;font-size:14px;vertical-align:top}
thead th{background:#f1f2f6}tr.part th{padding-left:28px;font-weight:normal;color:#444}td.value{white-space:nowrap;font-weight:bold}
.none{color:#999}nav a{margin-right:16px}section{margin-top:24px}form{margin:12px 0}
</style></head>
<body><main>
<nav><a href="${rootPath}">返回后台 / Back</a></nav>
<h1>${overview.year} 年统计总览 / Overview</h1>
<form method="get" action="${rootPath}${OVERVIEW_PATH}">
<label>人大工委 <select name="committeeId">${options}</select></label>
<label>年度 <input name="year" type="number" min="2000" max="2100" value="${overview.year}"></label>
<button type="submit">查看</button></form>
<p>每个数字只有一个定义，点击记录编号可核对计入的记录。统计时点：${escapeHtml(overview.asOf)}。</p>
${overview.sections.map((section) => sectionBlock(rootPath, section)).join('\n')}
</main></body></html>`;
}

/**
 * GET /admin/overview?committeeId=&year=: the same overview as `GET /api/v1/reports/overview`,
 * for the logged-in user's committees (their own by default), the Clock's year by default.
 */
export function overviewReport(deps: {
  rootPath: string;
  timeZone: string;
  overviews: OverviewService;
  committees: CommitteesService;
}): AdminPage {
  return adminPage({
    method: 'get',
    path: OVERVIEW_PATH,
    kind: 'page',
    access: { resource: 'report', action: 'show' },
    refusal: '当前角色无权查看统计报表 / Your role may not see the reports',
    handle: async ({ req, res, actor, now }) => {
      const requestedYear = Number(req.query.year);
      const year =
        Number.isInteger(requestedYear) && requestedYear >= 2000 && requestedYear <= 2100
          ? requestedYear
          : Number(localDate(now, deps.timeZone).slice(0, 4));
      const visible = actor.committeeIds ?? (actor.committeeId ? [actor.committeeId] : []);
      const requested = Number(req.query.committeeId);
      const committeeId = visible.includes(requested)
        ? requested
        : (actor.committeeId ?? visible[0]);
      const overview = await deps.overviews.overview(committeeId, year);
      const committees = await deps.committees.inNameOrder(visible);
      res.send(overviewPage({ rootPath: deps.rootPath, overview, committees }));
    },
  });
}
