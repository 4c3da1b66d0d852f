/**
 * 重大项目与工作成效 rules: money as stored, and a key project's completion as of a date. Pure
 * functions, the date passed in (STYLE.md "Where logic lives"); table-tested in the spec.
 */

export const PROJECT_STAGES = ['plannedStart', 'continuing', 'preliminary', 'proposed'] as const;
/** 拟开工 / 续建 / 前期 / 谋划 (labels: projects.labels.ts). */
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const OUTCOME_STATUSES = ['planned', 'inProgress', 'done'] as const;
/** 计划 / 进行中 / 已完成. */
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/**
 * The outcome statuses a report counts as achieved: done, and in progress with the value
 * reached so far. A planned value is a target, not an outcome.
 */
export const COUNTED_OUTCOME_STATUSES: readonly OutcomeStatus[] = ['inProgress', 'done'];

/** Money columns: DECIMAL(14,2) in 万元, at most this much. */
export const MAX_AMOUNT = 999_999_999_999.99;

/**
 * A DECIMAL(14,2) value as the API answers it on both dialects: a string with two places
 * (`'1200.50'`). mysql2 reads DECIMAL as a string, SQLite as a number; both become the same
 * text, so no binary float ever stands for money.
 */
export function decimalText(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return null;
  return (Math.round(number * 100) / 100).toFixed(2);
}

/** The calendar year of a `YYYY-MM-DD` date. */
export const yearOfDate = (date: string): number => Number(date.slice(0, 4));

/** Whether a snapshot dated `asOf` falls in the project's `year` (a snapshot is of one year). */
export const withinYear = (asOf: string, year: number): boolean => yearOfDate(asOf) === year;

/** The date "as of" which a year is reported: the given day, but never past 31 December. */
export function reportingDate(year: number, asOf: string): string {
  const lastDay = `${year}-12-31`;
  return asOf < lastDay ? asOf : lastDay;
}

export interface ProgressSnapshot {
  id: number;
  /** YYYY-MM-DD */
  asOf: string;
  /** Completed investment in the year up to `asOf` (cumulative), 万元. */
  completedInvestment: number;
}

export interface Completion {
  /** The snapshot counted: the latest on or before the date; null when there is none. */
  snapshotId: number | null;
  snapshotAsOf: string | null;
  /** 万元; 0 when no snapshot is on or before the date (nothing recorded as done yet). */
  completedInvestment: number;
  /**
   * completed ÷ planned in %, one decimal place, not capped (a project may exceed its plan);
   * null when the planned investment is 0 (no rate can be given).
   */
  percentage: number | null;
}

/** The snapshot that holds as of `date`: the latest dated on or before it (later ones wait). */
export function latestSnapshotOn<S extends ProgressSnapshot>(
  snapshots: readonly S[],
  date: string,
): S | null {
  let latest: S | null = null;
  for (const snapshot of snapshots) {
    if (snapshot.asOf > date) continue;
    if (!latest || snapshot.asOf > latest.asOf) latest = snapshot;
  }
  return latest;
}

/** The percentage `part` is of `whole`, one decimal place; null for a whole of 0. */
export function percentageOf(part: number, whole: number): number | null {
  if (!(whole > 0)) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * 投资完成率 of one project as of `date`: the latest snapshot on or before the date ÷ the year's
 * planned investment. No snapshot yet → 0 completed; zero planned → no percentage.
 */
export function completionAsOf(
  plannedInvestment: number,
  snapshots: readonly ProgressSnapshot[],
  date: string,
): Completion {
  const snapshot = latestSnapshotOn(snapshots, date);
  const completedInvestment = snapshot?.completedInvestment ?? 0;
  return {
    snapshotId: snapshot?.id ?? null,
    snapshotAsOf: snapshot?.asOf ?? null,
    completedInvestment,
    percentage: percentageOf(completedInvestment, plannedInvestment),
  };
}
