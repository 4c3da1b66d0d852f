import ExcelJS from 'exceljs';
import type { Response } from 'express';

/** One column of an export: its Chinese/English header and how a row fills it. */
export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | Date | null | undefined;
}

/** An .xlsx workbook with one sheet: a bold, frozen header row and one row per record. */
export async function toWorkbook<T>(
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '人大工委工作平台 Renda Workbench';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download named in Chinese (RFC 6266 filename*), never cached. */
export function sendWorkbook(response: Response, fileName: string, body: Buffer): void {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  response
    .status(200)
    .set({
      'Content-Type': XLSX,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
    })
    .send(body);
}
