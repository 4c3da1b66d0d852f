import { DateTime } from 'luxon';

/**
 * Calendar math in the committee's time zone (APP_TIMEZONE, Asia/Shanghai by default).
 * Instants are UTC `Date`s; periods are half-open [start, end) in local calendar terms, so an
 * activity at 2020-03-31 23:30 +08:00 is in Q1 and one at 2020-04-01 00:00 +08:00 in Q2.
 */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** e.g. 2020-Q1, 2020-03, 2020-W14, 2020 */
  key: string;
  start: Date;
  end: Date;
}

function local(instant: Date, timeZone: string): DateTime {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`Invalid instant or time zone: ${timeZone}`);
  return dt;
}

function toPeriod(kind: PeriodKind, start: DateTime): Period {
  const unit = kind === 'week' ? 'week' : kind;
  const begin = start.startOf(unit);
  const end = begin.plus({ [`${unit}s`]: 1 });
  let key: string;
  switch (kind) {
    case 'year':
      key = begin.toFormat('yyyy');
      break;
    case 'quarter':
      key = `${begin.year}-Q${begin.quarter}`;
      break;
    case 'month':
      key = begin.toFormat('yyyy-MM');
      break;
    case 'week':
      key = begin.toFormat("kkkk-'W'WW");
      break;
  }
  return { kind, key, start: begin.toJSDate(), end: end.toJSDate() };
}

/** The period of the given kind that contains the instant. */
export function periodContaining(kind: PeriodKind, instant: Date, timeZone: string): Period {
  return toPeriod(kind, local(instant, timeZone));
}

/** The calendar quarter (1–4) and year that contain the instant, in the time zone. */
export function quarterOf(instant: Date, timeZone: string): { year: number; quarter: number } {
  const dt = local(instant, timeZone);
  return { year: dt.year, quarter: dt.quarter };
}

/** Quarter `quarter` (1–4) of `year` as a period. */
export function quarterPeriod(year: number, quarter: number, timeZone: string): Period {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`quarter must be 1..4, got ${quarter}`);
  }
  return toPeriod(
    'quarter',
    DateTime.fromObject({ year, month: quarter * 3 - 2, day: 1 }, { zone: timeZone }),
  );
}

/** The period immediately before the given one. */
export function previousPeriod(period: Period, timeZone: string): Period {
  return periodContaining(period.kind, new Date(period.start.getTime() - 1), timeZone);
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, timeZone: string): string {
  return local(instant, timeZone).toISODate() as string;
}

/** The instant at which a local calendar date (YYYY-MM-DD) begins. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const dt = DateTime.fromISO(date, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`Invalid date: ${date}`);
  return dt.startOf('day').toJSDate();
}

/** ISO 8601 with the zone's offset, e.g. 2020-03-31T23:30:00.000+08:00. */
export function formatInstant(instant: Date, timeZone: string): string {
  return local(instant, timeZone).toISO({ suppressMilliseconds: false }) as string;
}

/**
 * A period written as its key: a year (2019) or a quarter (2019-Q3). Null for anything else,
 * so callers answer with their own message naming the field.
 */
export function parsePeriodKey(key: string, timeZone: string): Period | null {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(key.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) return quarterPeriod(year, Number(match[2]), timeZone);
  return toPeriod('year', DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone }));
}

/**
 * The periods of `kind` that lie wholly within [start, end), oldest first, at most `limit`
 * (a quarter rule over 2019 gives 2019-Q1…Q4; a year rule over 2019-Q1…Q3 gives none).
 */
export function periodsWithin(
  kind: PeriodKind,
  start: Date,
  end: Date,
  timeZone: string,
  limit = 400,
): Period[] {
  const periods: Period[] = [];
  let period = periodContaining(kind, start, timeZone);
  while (period.start.getTime() < end.getTime() && periods.length < limit) {
    if (period.start.getTime() >= start.getTime() && period.end.getTime() <= end.getTime()) {
      periods.push(period);
    }
    period = periodContaining(kind, period.end, timeZone);
  }
  return periods;
}
