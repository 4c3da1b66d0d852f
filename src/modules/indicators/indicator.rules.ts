import type { IndicatorFrequency } from './indicator.entity.js';
import type { ValueKind } from './indicator-value.entity.js';

/**
 * 经济指标的规则: which periods an indicator's frequency has, how a period reads in Chinese, which
 * values may be negative and how 同比 is computed. Pure functions, table-tested in the spec.
 */

/** An indicator code: lower-case letters, digits and `_`, starting with a letter. */
export const INDICATOR_CODE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The usual indicators of a subdistrict's report (一(二) 监督 › 经济运行), as codes to create them
 * by. Nothing is seeded: a committee adds the ones it watches.
 */
export const SUGGESTED_INDICATORS = [
  { code: 'fixed_asset_investment', name: '固定资产投资', unit: '亿元', frequency: 'monthly' },
  { code: 'industrial_output', name: '工业总产值', unit: '亿元', frequency: 'monthly' },
  { code: 'operating_revenue', name: '营业收入', unit: '亿元', frequency: 'monthly' },
  {
    code: 'retail_sales_above_quota',
    name: '限上社会消费品零售额',
    unit: '亿元',
    frequency: 'monthly',
  },
] as const satisfies readonly {
  code: string;
  name: string;
  unit: string;
  frequency: IndicatorFrequency;
}[];

/** The last period of a year at each frequency: months, quarters, the year itself. */
export const PERIODS_PER_YEAR: Readonly<Record<IndicatorFrequency, number>> = {
  monthly: 12,
  quarterly: 4,
  yearly: 1,
};

/** Why `period` does not fit the frequency (Chinese / English), or null when it does. */
export function periodProblem(frequency: IndicatorFrequency, period: number): string | null {
  const last = PERIODS_PER_YEAR[frequency];
  if (Number.isInteger(period) && period >= 1 && period <= last) return null;
  switch (frequency) {
    case 'monthly':
      return '月度指标的期间应为 1–12 月 / a monthly indicator’s period is a month, 1–12';
    case 'quarterly':
      return '季度指标的期间应为 1–4 季度 / a quarterly indicator’s period is a quarter, 1–4';
    case 'yearly':
      return '年度指标的期间应为 1（全年）/ a yearly indicator’s period is 1 (the year)';
  }
}

const QUARTERS = ['', '一', '二', '三', '四'] as const;
/** 累计 through a quarter, as reports say it. */
const QUARTERS_CUMULATIVE = ['', '一季度', '上半年', '前三季度', '全年'] as const;

/**
 * How a value's period reads in a report: 1–10月 (cumulative to October), 10月 (October alone),
 * 前三季度 / 三季度, 全年. The period is assumed to fit the frequency.
 */
export function periodLabel(
  frequency: IndicatorFrequency,
  period: number,
  kind: ValueKind,
): string {
  switch (frequency) {
    case 'monthly':
      if (kind === 'period' || period === 1) return `${period}月`;
      return `1–${period}月`;
    case 'quarterly':
      return kind === 'cumulative'
        ? (QUARTERS_CUMULATIVE[period] ?? `${period}季度`)
        : `${QUARTERS[period] ?? period}季度`;
    case 'yearly':
      return '全年';
  }
}

/** Units whose values are rates or changes and may be below zero. */
const SIGNED_UNITS = new Set(['%', '％', '‰', '个百分点', '百分点']);

/**
 * Why a value may not be stored for this unit, or null. Amounts and counts (亿元, 万元, 家 …) are
 * never negative (bad input, the house rule on money); rates (%, 个百分点) may be.
 */
export function valueProblem(unit: string, value: number): string | null {
  if (!Number.isFinite(value)) return '数值无效 / not a finite number';
  if (Math.abs(value) >= 1e16) return '数值过大 / value too large';
  if (value < 0 && !SIGNED_UNITS.has(unit.trim())) {
    return `单位为“${unit}”的数值不能为负 / a value in ${unit} cannot be negative`;
  }
  return null;
}

/** 同比增长 %: the change against last year's value of the same period and kind, 2 decimals. */
export function yearOnYear(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || previous === 0) return null;
  return Math.round(((current - previous) / Math.abs(previous)) * 10_000) / 100;
}

/** The 同比 a report prints: as reported when given, otherwise computed from last year's value. */
export function effectiveYoy(
  given: number | null | undefined,
  current: number,
  previous: number | null | undefined,
): { percent: number | null; source: 'given' | 'computed' | null } {
  if (given !== null && given !== undefined) return { percent: given, source: 'given' };
  const computed = yearOnYear(current, previous);
  return { percent: computed, source: computed === null ? null : 'computed' };
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/**
 * A period as a sheet may write it: `10`, `10月`, `1-10月` / `1–10月` (its end), `三季度`,
 * `第3季度`, `全年` (1). Null when it is none of these.
 */
export function parsePeriod(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/\s+/g, '');
  if (text === '全年') return 1;
  const match = /^(?:1[-–—~至])?第?([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:月|季度|季)?$/.exec(
    text,
  );
  if (!match) return null;
  const token = match[1];
  const value = /^[0-9]+$/.test(token) ? Number(token) : CHINESE_DIGITS[token];
  return value ?? null;
}

const KIND_WORDS: Readonly<Record<string, ValueKind>> = {
  累计: 'cumulative',
  cumulative: 'cumulative',
  当期: 'period',
  period: 'period',
};

/** 累计 / 当期 (or the English names) as a value kind; null otherwise. */
export function parseKind(raw: unknown): ValueKind | null {
  return typeof raw === 'string' ? (KIND_WORDS[raw.trim()] ?? null) : null;
}

/** A number as a cell may hold it: a number, or text such as `1,234.5` or `12.3%`. */
export function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/[%％]$/, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/**
 * Why a value does not fit its indicator (field and message), or null: the period must be one
 * of the indicator's frequency, and only a rate may be negative. Shared by single writes and
 * the Excel import.
 */
export function valueFitProblem(
  indicator: { frequency: IndicatorFrequency; unit: string },
  value: { period: number; value: number },
): { field: 'period' | 'value'; problem: string } | null {
  const period = periodProblem(indicator.frequency, value.period);
  if (period) return { field: 'period', problem: period };
  const amount = valueProblem(indicator.unit, value.value);
  if (amount) return { field: 'value', problem: amount };
  return null;
}
