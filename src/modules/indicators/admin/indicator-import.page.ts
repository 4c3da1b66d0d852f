import type { Request } from 'express';
import { adminPage, type AdminPage } from '../../../admin/admin-page.js';
import { escapeHtml } from '../../../admin/change-password.page.js';
import { DomainError, ErrorCode, invalidInput } from '../../../common/errors.js';
import { sendWorkbook } from '../../../common/spreadsheet.js';
import type { CommitteesService } from '../../committees/committees.service.js';
import type { ImportResult, IndicatorImportService } from '../indicator-import.service.js';
import type { ImportProblem } from '../indicator-sheet.js';

/** 指标数值导入: the page, its template download and its script, within the panel. */
export const INDICATOR_IMPORT_PATH = '/indicator-import';
const TEMPLATE_PATH = `${INDICATOR_IMPORT_PATH}/template`;
const SCRIPT_PATH = `${INDICATOR_IMPORT_PATH}.js`;

interface Deps {
  imports: IndicatorImportService;
  committees: CommitteesService;
  rootPath: string;
}

/**
 * The page's one script: the chosen file is read in the browser and sent base64-encoded in the
 * form's hidden `file` field (the panel's form parser keeps no uploaded file for a page, and
 * never tells where one lies on disk). Served from the panel's own path, so the page's
 * Content-Security-Policy nonce covers it.
 */
const SCRIPT = `(function () {
  var form = document.getElementById('import-form');
  if (!form) return;
  form.addEventListener('submit', function (event) {
    var input = document.getElementById('import-file');
    var data = document.getElementById('import-data');
    if (data.value || !input.files || !input.files[0]) return;
    event.preventDefault();
    var file = input.files[0];
    var reader = new FileReader();
    reader.onload = function () {
      var text = String(reader.result);
      data.value = text.slice(text.indexOf(',') + 1);
      document.getElementById('import-name').value = file.name;
      form.submit();
    };
    reader.readAsDataURL(file);
  });
})();
`;

type Option = { id: number; name: string };

const frame = (rootPath: string, body: string): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>指标数值导入 - 人大工委工作平台</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;background:#f6f7fb;margin:0;padding:24px;color:#222}
main{max-width:960px;margin:0 auto;background:#fff;padding:24px 32px;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
table{border-collapse:collapse;width:100%;margin-top:12px}th,td{border:1px solid #e3e5ec;padding:6px 10px;text-align:left;font-size:14px}
thead th{background:#f1f2f6}section{margin-top:24px}nav a{margin-right:16px}
button{padding:8px 18px;font-size:15px;background:#c8102e;color:#fff;border:0;border-radius:4px;cursor:pointer}
.secondary{background:#4a5568}.error{color:#b00020;background:#fdecee;padding:8px 12px;border-radius:4px}
.ok{color:#12683a;background:#d9f2e3;padding:8px 12px;border-radius:4px}label{margin-right:8px}
</style></head>
<body><main>
<nav><a href="${rootPath}">返回后台 / Back</a><a href="${rootPath}/resources/IndicatorValue">指标数值 / Values</a><a href="${rootPath}/resources/Indicator">经济指标 / Indicators</a></nav>
<h1>指标数值导入 / Import indicator values</h1>
${body}
</main><script src="${rootPath}${SCRIPT_PATH}"></script></body></html>`;

const committeeSelect = (committees: readonly Option[], chosen: number | null, id: string) =>
  `<label for="${id}">人大工委</label><select id="${id}" name="committeeId">${committees
    .map(
      (committee) =>
        `<option value="${committee.id}"${committee.id === chosen ? ' selected' : ''}>${escapeHtml(committee.name)}</option>`,
    )
    .join('')}</select>`;

/** The two forms every state of the page shows: the template download and the upload. */
function forms(rootPath: string, committees: readonly Option[], chosen: number | null): string {
  return `<section id="import-template">
<h2>1. 下载模板 / Template</h2>
<form method="get" action="${rootPath}${TEMPLATE_PATH}">
${committeeSelect(committees, chosen, 'template-committee')}
<button type="submit" class="secondary" id="template-download">下载导入模板 / Download</button>
</form>
<p>模板列出本工委启用的指标代码；填写年份、期间（月度指标填月份 1–12，季度指标填 1–4，年度指标填 1）、数值类型（累计 / 当期）和数值。同比可不填。</p>
</section>
<section>
<h2>2. 上传检查 / Upload and check</h2>
<form id="import-form" method="post" action="${rootPath}${INDICATOR_IMPORT_PATH}">
${committeeSelect(committees, chosen, 'import-committee')}
<input type="file" id="import-file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
<input type="hidden" name="file" id="import-data" value="">
<input type="hidden" name="fileName" id="import-name" value="">
<input type="hidden" name="dryRun" value="true">
<button type="submit" id="import-check">检查 / Check</button>
</form>
</section>`;
}

function problemsTable(problems: readonly ImportProblem[]): string {
  return `<p class="error" role="alert" id="import-error">有 ${new Set(problems.map((p) => p.row)).size} 行有问题，请修改后重新上传；未写入任何数据。</p>
<table id="import-problems"><thead><tr><th>行</th><th>列</th><th>问题</th></tr></thead><tbody>
${problems
  .map(
    (problem) =>
      `<tr><td>${problem.row}</td><td>${escapeHtml(problem.column)}</td><td>${escapeHtml(problem.problem)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

/** What a dry run found, and the confirm form when every row passed. */
function preview(
  rootPath: string,
  result: ImportResult,
  upload: { data: string; fileName: string },
): string {
  if (result.problems.length > 0) {
    return `<section id="import-preview">${problemsTable(result.problems)}</section>`;
  }
  if (result.rows === 0) {
    return `<section id="import-preview"><p class="error" role="alert" id="import-error">表中没有填写数值的行 / no value rows</p></section>`;
  }
  return `<section id="import-preview">
<p class="ok" id="import-summary">检查通过：共 ${result.rows} 行，将新增 ${result.created} 条、更新 ${result.updated} 条。</p>
<form method="post" action="${rootPath}${INDICATOR_IMPORT_PATH}" id="confirm-form">
<input type="hidden" name="committeeId" value="${result.committeeId}">
<input type="hidden" name="file" value="${escapeHtml(upload.data)}">
<input type="hidden" name="fileName" value="${escapeHtml(upload.fileName)}">
<input type="hidden" name="dryRun" value="false">
<button type="submit" id="import-confirm">确认导入 / Confirm</button>
</form></section>`;
}

/** The committees the user may import for (their own subtree), by name. */
async function committeesOf(deps: Deps, committeeIds: readonly number[] | null): Promise<Option[]> {
  const committees = await deps.committees.inNameOrder(committeeIds ?? []);
  return committees.map((committee) => ({ id: committee.id, name: committee.name }));
}

type FormRequest = Request & { fields?: Record<string, unknown> };
const field = (req: FormRequest, name: string): string => {
  const value = req.fields?.[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : '';
};

/** 指标数值导入 (GET form, POST check or commit), its template download and its script. */
export function indicatorImportPages(deps: Deps): AdminPage[] {
  const { rootPath } = deps;
  return [
    adminPage({
      method: 'get',
      path: INDICATOR_IMPORT_PATH,
      kind: 'page',
      access: { resource: 'indicatorValue', action: 'new' },
      refusal: '当前角色无权导入指标数值 / Your role may not import indicator values',
      handle: async ({ req, res, actor }) => {
        const committees = await committeesOf(deps, actor.committeeIds);
        const asked = Number(req.query.committeeId);
        const chosen = committees.find((c) => c.id === asked)?.id ?? committees[0]?.id ?? null;
        res.send(frame(rootPath, forms(rootPath, committees, chosen)));
      },
    }),
    adminPage({
      method: 'get',
      path: TEMPLATE_PATH,
      kind: 'page',
      access: { resource: 'indicatorValue', action: 'list' },
      handle: async ({ req, res }) => {
        const committeeId = Number(req.query.committeeId);
        if (!Number.isInteger(committeeId) || committeeId < 1) {
          throw invalidInput([
            { field: 'committeeId', problem: '请选择人大工委 / choose a committee' },
          ]);
        }
        const template = await deps.imports.template(committeeId);
        sendWorkbook(res, template.fileName, template.body);
      },
    }),
    adminPage({
      method: 'post',
      path: INDICATOR_IMPORT_PATH,
      kind: 'page',
      access: { resource: 'indicatorValue', action: 'new' },
      refusal: '当前角色无权导入指标数值 / Your role may not import indicator values',
      handle: async ({ req, res, actor }) => {
        const form = req as FormRequest;
        const committees = await committeesOf(deps, actor.committeeIds);
        const committeeId = Number(field(form, 'committeeId'));
        const data = field(form, 'file').replace(/\s+/g, '');
        const fileName = field(form, 'fileName').slice(0, 100);
        const dryRun = field(form, 'dryRun') !== 'false';
        const chosen = Number.isInteger(committeeId) ? committeeId : null;
        const page = (body: string) =>
          res.send(frame(rootPath, `${body}\n${forms(rootPath, committees, chosen)}`));
        try {
          if (!/^[A-Za-z0-9+/]+=*$/.test(data)) {
            throw invalidInput([
              { field: 'file', problem: '请选择要上传的 Excel 文件 / choose an .xlsx file' },
            ]);
          }
          const file = { buffer: Buffer.from(data, 'base64'), originalname: fileName };
          const result = await deps.imports.import(committeeId, file, dryRun);
          if (dryRun) return page(preview(rootPath, result, { data, fileName }));
          return page(`<section id="import-preview"><p class="ok" role="status" id="import-done">已导入：新增 ${result.created} 条，更新 ${result.updated} 条。
<a href="${rootPath}/resources/IndicatorValue?filters.committeeId=${committeeId}" id="import-values-link">查看指标数值 / View values</a></p></section>`);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code === ErrorCode.Forbidden) throw error;
          res.status(error.status);
          const rows = error.details.filter(
            (detail): detail is typeof detail & { row: number; column: string } =>
              'row' in detail && 'column' in detail,
          );
          if (rows.length > 0) {
            return page(
              `<section id="import-preview">${problemsTable(rows.map((d) => ({ row: d.row, column: d.column, problem: d.problem.replace(/^第 \d+ 行「[^」]*」：/, '') })))}</section>`,
            );
          }
          const problems = error.details.map((detail) => detail.problem).join('；');
          return page(
            `<section id="import-preview"><p class="error" role="alert" id="import-error">${escapeHtml(problems || error.message)}</p></section>`,
          );
        }
      },
    }),
    adminPage({
      method: 'get',
      path: SCRIPT_PATH,
      // Loaded by the page's <script>: a visitor without a session is sent to login like a page.
      kind: 'page',
      access: { resource: 'indicatorValue', action: 'new' },
      handle: ({ res }) => {
        res.type('application/javascript').send(SCRIPT);
        return Promise.resolve();
      },
    }),
  ];
}
