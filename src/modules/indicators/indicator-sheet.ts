import ExcelJS from 'exceljs';
import { invalidInput } from '../../common/errors.js';
import type { Indicator } from './indicator.entity.js';
import type { ValueKind } from './indicator-value.entity.js';
import { INDICATORS_LABELS } from './indicators.labels.js';
import {
  parseKind,
  parseNumber,
  parsePeriod,
  PERIODS_PER_YEAR,
  periodProblem,
  valueProblem,
} from './indicator.rules.js';
import { valueKey } from './indicators.repository.js';

/** The largest sheet an import reads, and the most value rows in it. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

/** The sheet's columns: header (Chinese, as the template writes it) by field. */
export const IMPORT_COLUMNS = {
  code: '指标代码',
  name: '指标名称',
  unit: '单位',
  year: '年份',
  period: '期间',
  kind: '数值类型',
  value: '数值',
  yoyPercent: '同比（%）',
  note: '备注',
} as const;
type Column = keyof typeof IMPORT_COLUMNS;
/** Columns a sheet must have; name and unit are only there for the reader. */
const REQUIRED: readonly Column[] = ['code', 'year', 'period', 'kind', 'value'];
/** A row with none of these filled is not a value (a template row left blank): skipped. */
const VALUE_COLUMNS: readonly Column[] = ['year', 'period', 'kind', 'value', 'yoyPercent', 'note'];

/** One problem of a sheet: its row (as Excel numbers it), column header and what is wrong. */
export interface ImportProblem {
  row: number;
  column: string;
  problem: string;
}

/** A row that passed every check: the value it writes. */
export interface ImportRow {
  row: number;
  indicatorId: number;
  year: number;
  period: number;
  kind: ValueKind;
  value: number;
  yoyPercent: number | null;
  note: string | null;
}

/** The rows of the sheet as read, each cell as a plain value, with their Excel row numbers. */
export interface SheetRows {
  headerProblems: ImportProblem[];
  rows: { row: number; cells: Partial<Record<Column, unknown>> }[];
}

/** The uploaded file as multer (or the admin page) hands it over. */
export interface UploadedSheet {
  originalname?: string;
  size?: number;
  buffer: Buffer;
}

const badFile = (problem: string) => invalidInput([{ field: 'file', problem }]);

/** What a cell holds as a plain value: rich text joined, a formula's result, a link's text. */
function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if ('richText' in value) return plain(value.richText.map((part) => part.text).join(''));
  if ('result' in value) return plain(value.result);
  if ('text' in value) return plain(value.text);
  if ('error' in value) return { error: value.error };
  return null;
}

const blank = (value: unknown): value is null | undefined => value === null || value === undefined;

/** A cell as text: numbers as written, a date as its ISO form, an error cell as `#错误`. */
function text(value: unknown): string | null {
  if (blank(value)) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return '#错误';
}

/** A header as written: without spaces and without what follows `(`, `（` or `/`. */
const headerKey = (text: string): string => text.replace(/\s+/g, '').split(/[(（/]/)[0];

/**
 * Reads an uploaded .xlsx: checked by its content (a zip holding a workbook), its size and its
 * row count; 400 naming `file` otherwise. The first sheet is read; its first row holds the
 * headers, matched by name in any order.
 */
export async function readSheet(file: UploadedSheet | undefined): Promise<SheetRows> {
  if (!file?.buffer || file.buffer.length === 0) {
    throw badFile(
      '请上传 Excel 文件（multipart/form-data 的 file 字段）/ upload an .xlsx as `file`',
    );
  }
  if (file.buffer.length > MAX_IMPORT_BYTES) {
    throw badFile(`文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB / at most 2 MB`);
  }
  if (file.buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04') {
    throw badFile('文件不是 Excel（.xlsx）工作簿 / the file is not an .xlsx workbook');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
  } catch {
    throw badFile('无法读取该 Excel 文件 / the workbook cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('工作簿中没有工作表 / the workbook has no sheet');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
    throw badFile(`一次最多导入 ${MAX_IMPORT_ROWS} 行 / at most ${MAX_IMPORT_ROWS} rows at once`);
  }
  const byHeader = new Map<string, Column>(
    Object.entries(IMPORT_COLUMNS).map(([field, header]) => [headerKey(header), field as Column]),
  );
  const columns = new Map<number, Column>();
  sheet.getRow(1).eachCell((cell, number) => {
    const text = plain(cell.value);
    const field = typeof text === 'string' ? byHeader.get(headerKey(text)) : undefined;
    if (field && ![...columns.values()].includes(field)) columns.set(number, field);
  });
  const present = new Set(columns.values());
  const headerProblems = REQUIRED.filter((field) => !present.has(field)).map((field) => ({
    row: 1,
    column: IMPORT_COLUMNS[field],
    problem: `缺少“${IMPORT_COLUMNS[field]}”列 / the column is missing`,
  }));
  const rows: SheetRows['rows'] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Partial<Record<Column, unknown>> = {};
    for (const [index, field] of columns) cells[field] = plain(row.getCell(index).value);
    if (VALUE_COLUMNS.every((field) => blank(cells[field]))) {
      return;
    }
    rows.push({ row: number, cells });
  });
  return { headerProblems, rows };
}

/**
 * Every row checked against the committee's catalogue: each problem listed with its row and
 * column (all of them, not the first), and the rows that passed. Two rows with one key (the
 * same indicator, year, period and kind) are a problem of the second.
 */
export function checkRows(
  sheet: SheetRows,
  catalogue: readonly Indicator[],
): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [...sheet.headerProblems];
  if (problems.length > 0) return { rows: [], problems };
  const byCode = new Map(catalogue.map((indicator) => [indicator.code, indicator]));
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  const kinds = INDICATORS_LABELS.values.valueKind;
  for (const { row, cells } of sheet.rows) {
    const before = problems.length;
    const problem = (field: Column, text: string) =>
      problems.push({ row, column: IMPORT_COLUMNS[field], problem: text });
    const code = text(cells.code);
    const indicator = code ? byCode.get(code) : undefined;
    if (!code) problem('code', '未填写指标代码 / the code is missing');
    else if (!indicator) {
      problem('code', `本工委没有代码为“${code}”的指标 / no indicator with this code`);
    } else if (!indicator.enabled) {
      problem('code', `指标“${indicator.name}”已停用 / the indicator is disabled`);
    }
    const year = parseNumber(cells.year);
    if (year === null || !Number.isInteger(year) || year < 2000 || year > 2100) {
      problem('year', '年份应为 2000–2100 的整数 / the year is a whole number 2000–2100');
    }
    const period = parsePeriod(cells.period);
    if (period === null) {
      problem('period', '期间应为月份或季度数字，如 10、10月、三季度、全年 / not a period');
    }
    const kind = parseKind(cells.kind);
    if (!kind) {
      problem(
        'kind',
        `数值类型应为“${kinds.cumulative}”或“${kinds.period}” / cumulative or period`,
      );
    }
    const value = parseNumber(cells.value);
    if (value === null) problem('value', '数值应为数字 / the value is not a number');
    const yoy = blank(cells.yoyPercent) ? null : parseNumber(cells.yoyPercent);
    if (!blank(cells.yoyPercent) && (yoy === null || Math.abs(yoy) > 1_000_000)) {
      problem('yoyPercent', '同比应为数字（%）/ year-on-year is a percentage');
    }
    const note = text(cells.note);
    if (note !== null && note.length > 200) problem('note', '备注不超过 200 字 / at most 200');
    if (indicator && period !== null) {
      const fit = periodProblem(indicator.frequency, period);
      if (fit) problem('period', fit);
    }
    if (indicator && value !== null) {
      const fit = valueProblem(indicator.unit, value);
      if (fit) problem('value', fit);
    }
    if (problems.length > before || !indicator || year === null || period === null || !kind) {
      continue;
    }
    const key = valueKey({ indicatorId: indicator.id, year, period, kind });
    const first = seen.get(key);
    if (first !== undefined) {
      problem(
        'code',
        `与第 ${first} 行重复（同一指标、年份、期间、数值类型）/ duplicates row ${first}`,
      );
      continue;
    }
    seen.set(key, row);
    rows.push({
      row,
      indicatorId: indicator.id,
      year,
      period,
      kind,
      value: value!,
      yoyPercent: yoy === null ? null : Math.round(yoy * 100) / 100,
      note,
    });
  }
  // By row, then in the sheet's column order: how a reader goes through them.
  const order: readonly string[] = Object.values(IMPORT_COLUMNS);
  problems.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
  return { rows, problems };
}

/**
 * The import template: the value sheet with its Chinese headers and one row per enabled
 * indicator of the committee (code, name, unit: fill in year, period, kind and value), and a
 * 说明 sheet with the catalogue and the rules. Imported back unfilled, it writes nothing.
 */
export async function templateWorkbook(catalogue: readonly Indicator[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '人大工委工作平台 Renda Workbench';
  const sheet = workbook.addWorksheet('指标数值', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = Object.values(IMPORT_COLUMNS).map((header) => ({
    header,
    width: header === '指标名称' ? 24 : header === '指标代码' ? 28 : 12,
  }));
  sheet.getRow(1).font = { bold: true };
  const enabled = catalogue.filter((indicator) => indicator.enabled);
  for (const indicator of enabled) sheet.addRow([indicator.code, indicator.name, indicator.unit]);
  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '指标代码', width: 28 },
    { header: '指标名称', width: 24 },
    { header: '单位', width: 10 },
    { header: '频率', width: 10 },
    { header: '期间填写', width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  const frequencies = INDICATORS_LABELS.values.frequency;
  for (const indicator of enabled) {
    const last = PERIODS_PER_YEAR[indicator.frequency];
    help.addRow([
      indicator.code,
      indicator.name,
      indicator.unit,
      frequencies[indicator.frequency],
      last === 1
        ? '1（全年）'
        : `1–${last}（${indicator.frequency === 'monthly' ? '月' : '季度'}）`,
    ]);
  }
  help.addRow([]);
  help.addRow([
    '填写说明：数值类型填“累计”（年初至本期末，如 1–10月）或“当期”（仅本期，如 三季度）；同比可不填，统计时按上年同期计算；同一指标、年份、期间、数值类型再次导入时更新原值。',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
