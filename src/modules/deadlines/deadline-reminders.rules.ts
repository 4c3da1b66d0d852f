import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  type WorkingDayCalendar,
} from '../../common/working-days.rules.js';
import type { Deadline } from '../../platform/areas/deadlines.js';

/**
 * What is due to be said about one item today: the threshold reached (with the working days
 * actually left), or overdue.
 */
export type ReminderStep =
  { kind: 'before'; threshold: number; workingDaysLeft: number } | { kind: 'overdue' };

/**
 * The reminder an item with due date `dueOn` has reached on `today` (both `YYYY-MM-DD`, the
 * app's zone), or null. Days are working days of `calendar`:
 * - reminders go out on working days only (nobody reads a notice on a Sunday or during 国庆);
 * - before the due date: the most urgent threshold reached — the smallest of `thresholds` at or
 *   above the working days left after today up to the due date (0 = due today, or only
 *   non-working days lie between). A run missed for a few days sends the one that applies now,
 *   not the ones it skipped;
 * - after it: one 已逾期 notice, while the item is at most `largest threshold` (at least 1)
 *   working days late — a catch-up after missed runs still sends it, an item long overdue when
 *   reminders begin does not.
 * Once-only is the caller's: the step is part of the outbox's key.
 */
export function reminderDue(
  dueOn: string,
  today: string,
  thresholds: readonly number[],
  calendar: WorkingDayCalendar,
): ReminderStep | null {
  if (thresholds.length === 0 || !isWorkingDay(today, calendar)) return null;
  if (today > dueOn) {
    const late = workingDaysBetween(dueOn, today, calendar);
    return late <= Math.max(1, ...thresholds) ? { kind: 'overdue' } : null;
  }
  const left = workingDaysBetween(today, dueOn, calendar);
  const reached = thresholds.filter((threshold) => left <= threshold);
  if (reached.length === 0) return null;
  return { kind: 'before', threshold: Math.min(...reached), workingDaysLeft: left };
}

/**
 * The last due date a reminder may be due for on `today`: the day before the working day that
 * is one past the largest threshold (what the areas' `dueBy(until)` is asked for).
 */
export function reminderHorizon(
  today: string,
  thresholds: readonly number[],
  calendar: WorkingDayCalendar,
): string {
  const beyond = addWorkingDays(today, Math.max(0, ...thresholds) + 1, calendar);
  return DateTime.fromISO(beyond, { zone: 'UTC' }).minus({ days: 1 }).toISODate() as string;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** `2026年10月9日（星期五）`. */
export function chineseDate(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return `${day.year}年${day.month}月${day.day}日（星期${WEEKDAYS[day.weekday - 1]}）`;
}

/** What the outbox is given for one item's reminder: kind, once-only key, title and body. */
export interface ReminderMessage {
  kind: 'deadlineReminder' | 'deadlineOverdue';
  /** (type, id, dueOn, step, round): the once-only key of the outbox. */
  about: string;
  title: string;
  body: string;
}

/** The round as it goes into the key: short, or its digest when long. */
const keyPart = (round: string): string =>
  round.length <= 40 ? round : createHash('sha256').update(round).digest('hex').slice(0, 16);

/** The Chinese notice for `deadline` at `step`, sent on `today`. */
export function reminderMessage(
  deadline: Deadline,
  step: ReminderStep,
  today: string,
): ReminderMessage {
  const stepKey = step.kind === 'overdue' ? 'overdue' : `d${step.threshold}`;
  const about = `${deadline.type}:${deadline.id}:${deadline.dueOn}:${stepKey}:${keyPart(deadline.round)}`;
  const date = chineseDate(deadline.dueOn);
  if (step.kind === 'overdue') {
    return {
      kind: 'deadlineOverdue',
      about,
      title: `【已逾期】${deadline.title}：${deadline.due}`,
      body: [
        `${deadline.title}`,
        `办理事项：${deadline.due}`,
        `办理期限：${date}，已逾期，尚未办结。`,
        '请尽快办理并在系统中登记结果。',
      ].join('\n'),
    };
  }
  const left =
    step.workingDaysLeft > 0
      ? `${step.workingDaysLeft}个工作日后到期`
      : today === deadline.dueOn
        ? '今日到期'
        : '今日为期限前最后一个工作日';
  return {
    kind: 'deadlineReminder',
    about,
    title: `【${left}】${deadline.title}：${deadline.due}`,
    body: [
      `${deadline.title}`,
      `办理事项：${deadline.due}`,
      `办理期限：${date}（${left}）。`,
      '请按期办理并在系统中登记结果。',
    ].join('\n'),
  };
}
