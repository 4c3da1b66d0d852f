import { DateTime } from 'luxon';
import {
  periodContaining,
  previousPeriod,
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
 * one closed, up to the one just ended. Never the running one. With no close yet, only the
 * period just ended (a new rule does not judge history it never announced).
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
