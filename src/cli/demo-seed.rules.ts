import { DateTime } from 'luxon';
import { periodContaining, type Period, type PeriodKind } from '../common/period.js';
import {
  DEMO_MISSED_QUARTER,
  DEMO_PLANS,
  MOBILE_PREFIXES,
  type DemoPlan,
} from './demo-seed.data.js';

/**
 * The demo's calendar, pure: where each planned activity falls in the year — weekdays, office
 * hours in the committee's time zone, never after `now`. Deterministic: every value is derived from a key, so a later run finds the
 * same activities at the same instants and only adds those that have since come to pass.
 */

/** Office hours (local time): starts on these slots, ends two hours later, by 17:00. */
export const WORKING_HOURS = { from: 9, to: 17 } as const;
const START_SLOTS: readonly [number, number][] = [
  [9, 0],
  [9, 30],
  [10, 0],
  [14, 30],
  [15, 0],
];
const DURATION_HOURS = 2;

/** Fixed-date public holidays (月-日) no activity is put on. */
const HOLIDAYS = new Set(['01-01', '05-01', '05-02', '05-03', '10-01', '10-02', '10-03']);

/** A number in [0, 1) from a key: FNV-1a, so the demo is the same on every machine. */
export function keyedRandom(key: string): number {
  let hash = 0x811c9dc5;
  for (const char of key) {
    hash ^= char.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x100000000;
}

/** A mainland mobile number (1[3-9] + 9 digits) for the demo's `index`-th person. */
export function demoPhone(index: number): string {
  const prefix = MOBILE_PREFIXES[index % MOBILE_PREFIXES.length];
  const digits = Math.floor(keyedRandom(`phone:${index}`) * 100_000_000);
  return `${prefix}${String(digits).padStart(8, '0')}`;
}

export interface ScheduledActivity {
  /** Index into DEMO_SUBDISTRICTS. */
  committee: number;
  quarter: number;
  plan: DemoPlan;
  startsAt: Date;
  endsAt: Date;
  status: 'held' | 'cancelled';
}

/** The working days (Mon–Fri, not a fixed holiday) of a month, as local dates. */
function workingDays(year: number, month: number, timeZone: string): DateTime[] {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: timeZone });
  const days: DateTime[] = [];
  for (let day = first; day.month === month; day = day.plus({ days: 1 })) {
    if (day.weekday <= 5 && !HOLIDAYS.has(day.toFormat('MM-dd'))) days.push(day);
  }
  return days;
}

function placed(
  year: number,
  quarter: number,
  plan: DemoPlan,
  committee: number,
  timeZone: string,
): { startsAt: Date; endsAt: Date } {
  const key = `${year}:${committee}:${quarter}:${plan.kind}:${plan.title}`;
  const days = workingDays(year, (quarter - 1) * 3 + plan.month + 1, timeZone);
  const day = days[Math.floor(keyedRandom(`day:${key}`) * days.length)];
  const [hour, minute] = START_SLOTS[Math.floor(keyedRandom(`slot:${key}`) * START_SLOTS.length)];
  const start = day.set({ hour, minute, second: 0, millisecond: 0 });
  return { startsAt: start.toJSDate(), endsAt: start.plus({ hours: DURATION_HOURS }).toJSDate() };
}

/**
 * Every activity of `year` for `committees` subdistricts that has ended by `now`: each quarter's
 * plan, except that the second committee's DEMO_MISSED_QUARTER has only its work meeting,
 * cancelled (the quarter the home page shows missed from the day it ends).
 */
export function demoSchedule(input: {
  year: number;
  now: Date;
  timeZone: string;
  committees: number;
}): ScheduledActivity[] {
  const { year, now, timeZone } = input;
  const schedule: ScheduledActivity[] = [];
  for (let committee = 0; committee < input.committees; committee++) {
    for (const [index, plans] of DEMO_PLANS.entries()) {
      const quarter = index + 1;
      const missing = committee === 1 && quarter === DEMO_MISSED_QUARTER;
      for (const plan of missing ? plans.filter((p) => p.kind === 'work_meeting') : plans) {
        const when = placed(year, quarter, plan, committee, timeZone);
        if (when.endsAt.getTime() > now.getTime()) continue;
        schedule.push({
          committee,
          quarter,
          plan,
          ...when,
          status: missing ? 'cancelled' : 'held',
        });
      }
    }
  }
  return schedule.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The periods of `kind` that began in `year` and have ended by `now`, oldest first. */
export function endedPeriodsOfYear(
  kind: PeriodKind,
  year: number,
  now: Date,
  timeZone: string,
): Period[] {
  const periods: Period[] = [];
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone }).toJSDate();
  for (
    let period = periodContaining(kind, start, timeZone);
    period.end.getTime() <= now.getTime() &&
    DateTime.fromJSDate(period.start, { zone: timeZone }).year === year;
    period = periodContaining(kind, period.end, timeZone)
  ) {
    periods.push(period);
  }
  return periods;
}

/** 第十五届: the district congress whose term covers `year` (elected 2021, then every 5 years). */
export function demoTerm(year: number): { ordinal: number; startsOn: string; name: string } {
  const elected = 2021 + Math.floor((year - 1 - 2021) / 5) * 5;
  const ordinal = 15 + (elected - 2021) / 5;
  return {
    ordinal,
    startsOn: `${elected}-11-01`,
    name: `示范区第${chineseNumber(ordinal)}届人民代表大会`,
  };
}

/** 1–99 in Chinese numerals: 十五, 二十, 二十一. */
export function chineseNumber(value: number): string {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(value) || value < 1 || value > 99) throw new RangeError(`${value}`);
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return `${tens > 1 ? digits[tens] : ''}${tens > 0 ? '十' : ''}${units > 0 ? digits[units] : ''}`;
}
