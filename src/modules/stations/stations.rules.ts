import { DateTime } from 'luxon';

/**
 * 联络站's rules, pure and table-tested: the reception schedule (data, validated, read out in
 * Chinese), role terms that may not overlap, the notice period of a reception, an assessment's
 * score and gaps.
 */

/**
 * 接待日安排: weekly on weekdays (1 = Monday … 7 = Sunday) or monthly on days of the month.
 * DOMAIN "Stations": "reception at least weekly or on fixed days".
 */
export type ReceptionSchedule =
  { kind: 'weekly'; days: number[] } | { kind: 'monthly'; days: number[] };
export const SCHEDULE_KINDS = ['weekly', 'monthly'] as const;

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日'];

/** What is wrong with a schedule as sent, each problem naming its field; none: []. */
export function scheduleProblems(
  value: unknown,
  field = 'receptionSchedule',
): { field: string; problem: string }[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object') {
    return [{ field, problem: '须为 {kind, days} / must be {kind, days}' }];
  }
  const { kind, days } = value as { kind?: unknown; days?: unknown };
  const problems: { field: string; problem: string }[] = [];
  if (kind !== 'weekly' && kind !== 'monthly') {
    problems.push({
      field: `${field}.kind`,
      problem: '须为 weekly（每周）或 monthly（每月）/ weekly or monthly',
    });
  }
  const max = kind === 'monthly' ? 31 : 7;
  if (
    !Array.isArray(days) ||
    days.length === 0 ||
    days.some((day) => !Number.isInteger(day) || (day as number) < 1 || (day as number) > max) ||
    new Set(days).size !== days.length
  ) {
    problems.push({
      field: `${field}.days`,
      problem:
        kind === 'monthly'
          ? '须为不重复的日期 1–31 / distinct days of the month 1–31'
          : '须为不重复的星期 1–7（1 为星期一）/ distinct weekdays 1–7 (1 = Monday)',
    });
  }
  return problems;
}

/** The schedule in order, as stored. */
export function normalisedSchedule(schedule: ReceptionSchedule): ReceptionSchedule {
  return { kind: schedule.kind, days: [...schedule.days].sort((a, b) => a - b) };
}

/** 每周三 · 每周二、四 · 每月1日、15日 */
export function scheduleText(schedule: ReceptionSchedule | null): string | null {
  if (!schedule) return null;
  const days = [...schedule.days].sort((a, b) => a - b);
  if (schedule.kind === 'weekly') return `每周${days.map((day) => WEEKDAYS[day]).join('、')}`;
  return `每月${days.map((day) => `${day}日`).join('、')}`;
}

/** A term from `startsOn` to `endsOn` (inclusive; null = still running). */
export interface Term {
  startsOn: string;
  endsOn: string | null;
}

export const termInOrder = (term: Term): boolean =>
  term.endsOn === null || term.endsOn >= term.startsOn;

/** Two terms share at least one day. */
export const termsOverlap = (a: Term, b: Term): boolean =>
  (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);

/** A term covers some day of [from, to] (dates, inclusive). */
export const termCovers = (term: Term, from: string, to: string): boolean =>
  termsOverlap(term, { startsOn: from, endsOn: to });

/** 提前公告天数: whole days from the announcement to the reception's day (negative: after). */
export function noticeDays(announcedOn: string, receptionDay: string): number {
  return Math.round(
    DateTime.fromISO(receptionDay).diff(DateTime.fromISO(announcedOn), 'days').days,
  );
}

/** A reception counts for a notice rule of N days when it was announced at least N days ahead. */
export const noticedInTime = (
  announcedOn: string | null,
  receptionDay: string,
  required: number,
): boolean => announcedOn !== null && noticeDays(announcedOn, receptionDay) >= required;

/** 考评得分: each item met scores its weight; the gaps are the items not met, in order. */
export function assessmentScore<I extends { weight: number; met: boolean }>(
  items: readonly I[],
): { total: number; max: number; gaps: I[] } {
  return {
    total: items.reduce((sum, item) => sum + (item.met ? item.weight : 0), 0),
    max: items.reduce((sum, item) => sum + item.weight, 0),
    gaps: items.filter((item) => !item.met),
  };
}
