import { DateTime } from 'luxon';

/**
 * 工作日: what a calendar day is. Weekends are non-working by default; the holiday calendar staff
 * maintain ([M2] `modules/calendar`, seeded from the State Council's notices) lists the
 * exceptions: statutory holidays on weekdays and 调休 make-up working days on weekends.
 */
export type CalendarDayKind = 'holiday' | 'workday';

/** The exceptions to the weekend rule over the dates a computation may touch. */
export interface WorkingDayCalendar {
  /** By date (`YYYY-MM-DD`); a date not listed follows the weekend rule. */
  readonly exceptions: ReadonlyMap<string, CalendarDayKind>;
}

/** A calendar with no exceptions: Monday to Friday work. */
export const WEEKDAYS_ONLY: WorkingDayCalendar = { exceptions: new Map() };

const day = (date: string): DateTime => {
  const parsed = DateTime.fromISO(date, { zone: 'UTC' });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return parsed;
};
const iso = (value: DateTime): string => value.toISODate() as string;

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  const exception = calendar.exceptions.get(date);
  if (exception) return exception === 'workday';
  return day(date).weekday <= 5;
}

/** The `count`-th working day after `date` (`date` itself never counts); count ≥ 0. */
export function addWorkingDays(date: string, count: number, calendar: WorkingDayCalendar): string {
  let current = day(date);
  for (let left = count; left > 0;) {
    current = current.plus({ days: 1 });
    if (isWorkingDay(iso(current), calendar)) left -= 1;
  }
  return iso(current);
}

/** `date` when it is a working day, else the first working day after it. */
export function onOrNextWorkingDay(date: string, calendar: WorkingDayCalendar): string {
  let current = day(date);
  while (!isWorkingDay(iso(current), calendar)) current = current.plus({ days: 1 });
  return iso(current);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkingDayCalendar): number {
  let count = 0;
  const end = day(to);
  for (
    let current = day(from).plus({ days: 1 });
    current <= end;
    current = current.plus({ days: 1 })
  ) {
    if (isWorkingDay(iso(current), calendar)) count += 1;
  }
  return count;
}

/**
 * `months` calendar months after `date`, the last day of a shorter month when the day does not
 * exist (31 January + 1 month = 28/29 February).
 */
export function addCalendarMonths(date: string, months: number): string {
  return iso(day(date).plus({ months }));
}
