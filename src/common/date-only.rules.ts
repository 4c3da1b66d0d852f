import { DateTime } from 'luxon';
import { localDate } from './period.js';

const DATE_ONLY = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;
/** A date with a time but no zone (`2026-11-01T00:00:00`): its date part is the calendar date. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
/** An instant: a time with `Z` or an offset. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The calendar date (YYYY-MM-DD) a form value for a date-only field stands for. A date stays as
 * it is (`2026/11/01` as typed in the picker too); an instant — what a browser date picker sends
 * for the local midnight of the day picked, `2026-10-31T16:00:00.000Z` for 1 November in China —
 * is that day in `timeZone`, the zone the committee's staff work in. Anything else is returned
 * unchanged for the validator to refuse.
 */
export function calendarDate(value: string, timeZone: string): string {
  const text = value.trim();
  const date = DATE_ONLY.exec(text);
  if (date) return `${date[1]}-${date[2]}-${date[3]}`;
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) return local[1];
  if (INSTANT.test(text)) {
    const instant = DateTime.fromISO(text, { setZone: true });
    if (instant.isValid) return instant.setZone(timeZone).toISODate() ?? value;
  }
  return value;
}

/**
 * The calendar date of a Date made from a date-only form value with `new Date(value)` (AdminJS
 * does so before the resource sees it): `YYYY-MM-DD` became UTC midnight of that day; a date
 * picker's instant is the midnight, in `timeZone`, of the day picked. An invalid Date stays
 * text the validator refuses.
 */
export function calendarDateOfDate(date: Date, timeZone: string): string {
  const utc = DateTime.fromJSDate(date, { zone: 'UTC' });
  if (!utc.isValid) return 'Invalid Date';
  const utcMidnight =
    utc.hour === 0 && utc.minute === 0 && utc.second === 0 && utc.millisecond === 0;
  return utcMidnight ? utc.toISODate() : localDate(date, timeZone);
}
