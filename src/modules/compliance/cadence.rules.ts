import { DateTime } from 'luxon';
import {
  parsePeriodKey,
  periodContaining,
  previousPeriod,
  quarterPeriod,
  type Period,
  type PeriodKind,
} from '../../common/period.js';
import type { ComplianceStatus } from './compliance-record.entity.js';

/**
 * The cadence rule's arithmetic, pure and table-tested: which periods a close must finalise,
 * which reminder threshold is due, and what a count means. All in the committee's time zone.
 */

/** A period is over once its (exclusive) end has come. */
export const hasEnded = (period: Period, asOf: Date): boolean =>
  asOf.getTime() >= period.end.getTime();

/**
 * The ended periods a close at `asOf` must finalise, oldest first: every period after the last
 * one closed (at or before the one just ended), up to the one just ended. Never the running one.
 * With no close yet, only the period just ended (a new rule does not judge history it never
 * announced: past years are evaluated on request, see `ManualRunsService.evaluateRange`).
 */
export function periodsToClose(
  kind: PeriodKind,
  lastClosedKey: string | null,
  asOf: Date,
  timeZone: string,
): Period[] {
  const current = periodContaining(kind, asOf, timeZone);
  const periods: Period[] = [];
  for (let p = previousPeriod(current, timeZone); ; p = previousPeriod(p, timeZone)) {
    if (lastClosedKey !== null && p.key <= lastClosedKey) break;
    periods.unshift(p);
    if (lastClosedKey === null || periods.length >= 400) break;
  }
  return periods;
}

/** Whole local days from `asOf`'s date to the period's end: 1 on the period's last day. */
export function daysLeft(period: Period, asOf: Date, timeZone: string): number {
  const today = DateTime.fromJSDate(asOf, { zone: timeZone }).startOf('day');
  const end = DateTime.fromJSDate(period.end, { zone: timeZone }).startOf('day');
  return Math.round(end.diff(today, 'days').days);
}

/**
 * The reminder threshold due at `asOf`: the smallest of the rule's thresholds (days before the
 * end) that has been reached, or null. Each threshold is sent once (the outbox's key), and a
 * missed day sends only the most urgent one reached, never a stale one.
 */
export function dueThreshold(
  thresholds: readonly number[],
  period: Period,
  asOf: Date,
  timeZone: string,
): number | null {
  if (hasEnded(period, asOf)) return null;
  const left = daysLeft(period, asOf, timeZone);
  const reached = thresholds.filter((days) => left <= days);
  return reached.length > 0 ? Math.min(...reached) : null;
}

export function complianceStatus(
  count: number,
  minCount: number,
  ended: boolean,
): ComplianceStatus {
  if (count >= minCount) return 'met';
  return ended ? 'missed' : 'inProgress';
}

/**
 * Whether an evaluation is about the period just ended at `asOf` (or a running one): only such
 * news is worth a notice. A period that ended more than one period ago is history, reported in
 * the compliance records but not nagged about.
 */
export function isRecent(period: Period, asOf: Date, timeZone: string): boolean {
  const current = periodContaining(period.kind, asOf, timeZone);
  return period.end.getTime() >= previousPeriod(current, timeZone).end.getTime();
}

/**
 * 未达标通知: a final evaluation notifies its subject only when the outcome is a miss, differs
 * from the previous final outcome (a first evaluation counts as a change; re-evaluating a miss
 * after a late entry that still misses does not), and the period is recent (`isRecent`).
 */
export function shouldNotifyMiss(input: {
  previous: ComplianceStatus | null;
  next: ComplianceStatus;
  period: Period;
  asOf: Date;
  timeZone: string;
}): boolean {
  const { previous, next, period, asOf, timeZone } = input;
  return (
    next === 'missed' &&
    previous !== next &&
    hasEnded(period, asOf) &&
    isRecent(period, asOf, timeZone)
  );
}

/** The earliest year the system judges (the compliance API's lower bound too). */
export const EARLIEST_YEAR = 2000;

export type PastRange =
  | { ok: true; from: Period; to: Period; start: Date; end: Date }
  | { ok: false; problems: { field: 'from' | 'to'; problem: string }[] };

/**
 * 往期检查: the span from the period `from` to the period `to` (each a year, 2019, or a quarter,
 * 2019-Q1), for evaluating past periods. Only ended periods may be judged: `to` must be over
 * as of `asOf`.
 */
export function pastRange(
  input: { from: string; to: string },
  asOf: Date,
  timeZone: string,
): PastRange {
  const problems: { field: 'from' | 'to'; problem: string }[] = [];
  const read = (field: 'from' | 'to'): Period | null => {
    const period = parsePeriodKey(input[field], timeZone);
    if (period === null) {
      problems.push({
        field,
        problem: '须为年度或季度，如 2019 或 2019-Q1 / a year or a quarter, e.g. 2019 or 2019-Q1',
      });
    } else if (period.start.getTime() < quarterPeriod(EARLIEST_YEAR, 1, timeZone).start.getTime()) {
      problems.push({
        field,
        problem: `不能早于 ${EARLIEST_YEAR} 年 / not before ${EARLIEST_YEAR}`,
      });
    }
    return period;
  };
  const from = read('from');
  const to = read('to');
  if (problems.length > 0 || from === null || to === null) return { ok: false, problems };
  if (to.start.getTime() < from.start.getTime()) {
    problems.push({
      field: 'to',
      problem: `不能早于起始期间 ${from.key} / must not precede ${from.key}`,
    });
  } else if (!hasEnded(to, asOf)) {
    problems.push({
      field: 'to',
      problem: `${to.key} 尚未结束，只能检查已结束的期间 / ${to.key} has not ended yet`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, from, to, start: from.start, end: to.end };
}

/** "30, 14,7,1" → [30, 14, 7, 1]; anything else is refused. */
export function parseReminderDays(text: string): number[] {
  const days = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(Number);
  if (days.some((day) => !Number.isInteger(day) || day < 1 || day > 366)) {
    throw new RangeError(`reminder days must be whole days 1–366: "${text}"`);
  }
  return [...new Set(days)].sort((a, b) => b - a);
}
