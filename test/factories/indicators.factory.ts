import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type {
  CreateIndicatorDto,
  CreateIndicatorValueDto,
} from '../../src/modules/indicators/dto/indicator.dto.js';
import type { IndicatorValue } from '../../src/modules/indicators/indicator-value.entity.js';
import type { Indicator } from '../../src/modules/indicators/indicator.entity.js';
import { IndicatorValuesService } from '../../src/modules/indicators/indicator-values.service.js';
import { IndicatorsService } from '../../src/modules/indicators/indicators.service.js';
import { nextSequence } from './unique.js';

export type IndicatorOverrides = Partial<CreateIndicatorDto> & { committeeId: number };

/**
 * An indicator as `POST /api/v1/indicators` takes it: a unique code and name, a monthly one in
 * 亿元 unless overridden.
 */
export function indicatorInput(overrides: IndicatorOverrides): CreateIndicatorDto {
  const n = nextSequence();
  return {
    code: `indicator_${n}`,
    name: `测试指标-${n}`,
    unit: '亿元',
    frequency: 'monthly',
    ...overrides,
  };
}

/** An indicator written through IndicatorsService as the system. */
export function createIndicator(
  app: INestApplication,
  overrides: IndicatorOverrides,
): Promise<Indicator> {
  return runAsSystem('test', () => app.get(IndicatorsService).create(indicatorInput(overrides)));
}

/** A value (cumulative, 2020, period 10, 12.5 unless overridden) through its service as the system. */
export function createIndicatorValue(
  app: INestApplication,
  overrides: Partial<CreateIndicatorValueDto> & { indicatorId: number },
): Promise<IndicatorValue> {
  return runAsSystem('test', () =>
    app.get(IndicatorValuesService).create({
      year: 2020,
      period: 10,
      kind: 'cumulative',
      value: 12.5,
      ...overrides,
    }),
  );
}

/** The import sheet's headers, as the template writes them. */
export const SHEET_HEADERS = [
  '指标代码',
  '指标名称',
  '单位',
  '年份',
  '期间',
  '数值类型',
  '数值',
  '同比（%）',
  '备注',
];

/** One row of an import sheet: code, year, period, kind, value (and optional 同比, note). */
export interface SheetRow {
  code: unknown;
  year?: unknown;
  period?: unknown;
  kind?: unknown;
  value?: unknown;
  yoy?: unknown;
  note?: unknown;
}

/** An .xlsx import sheet built with exceljs: the headers, then one line per row. */
export async function indicatorSheet(
  rows: readonly SheetRow[],
  headers: readonly string[] = SHEET_HEADERS,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('指标数值');
  sheet.addRow([...headers]);
  for (const row of rows) {
    const byHeader: Record<string, unknown> = {
      指标代码: row.code,
      年份: row.year,
      期间: row.period,
      数值类型: row.kind,
      数值: row.value,
      '同比（%）': row.yoy,
      备注: row.note,
    };
    sheet.addRow(headers.map((header) => byHeader[header] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
