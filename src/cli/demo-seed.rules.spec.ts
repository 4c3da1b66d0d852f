import { DateTime } from 'luxon';
import { isPhoneNumber } from '../common/validation.js';
import { DEMO_SUBDISTRICTS, demoOccupation } from './demo-seed.data.js';
import {
  chineseNumber,
  demoPhone,
  demoSchedule,
  demoTerm,
  endedPeriodsOfYear,
  WORKING_HOURS,
} from './demo-seed.rules.js';

const ZONE = 'Asia/Shanghai';
const at = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const local = (instant: Date): DateTime => DateTime.fromJSDate(instant, { zone: ZONE });

describe('demo seed rules', () => {
  it.each([
    ['2026-01-05T08:00', 2026],
    ['2025-08-20T10:00', 2025],
    ['2024-12-31T23:59', 2024],
    ['2027-03-31T12:00', 2027],
  ])('should schedule %s in office hours on weekdays of its year, none after it', (now, year) => {
    const schedule = demoSchedule({ year, now: at(now), timeZone: ZONE, committees: 2 });
    for (const activity of schedule) {
      const start = local(activity.startsAt);
      const end = local(activity.endsAt);
      expect(start.year).toBe(year);
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(start.hour).toBeGreaterThanOrEqual(WORKING_HOURS.from);
      expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(WORKING_HOURS.to * 60);
      expect(end.hasSame(start, 'day')).toBe(true);
      expect(activity.endsAt.getTime()).toBeLessThanOrEqual(at(now).getTime());
    }
  });

  it('should hold something in every ended quarter but the first of the second committee', () => {
    const now = at('2025-08-20T10:00');
    const schedule = demoSchedule({ year: 2025, now, timeZone: ZONE, committees: 2 });
    const held = (committee: number, quarter: number) =>
      schedule.filter(
        (a) => a.committee === committee && a.quarter === quarter && a.status === 'held',
      ).length;
    expect([held(0, 1), held(0, 2), held(1, 1), held(1, 2)]).toEqual([3, 3, 0, 3]);
    expect(schedule.filter((a) => a.committee === 1 && a.quarter === 1)).toEqual([
      expect.objectContaining({ status: 'cancelled' }),
    ]);
  });

  it('should keep every earlier activity at its instant when run again later', () => {
    const schedule = (now: string) =>
      demoSchedule({ year: 2025, now: at(now), timeZone: ZONE, committees: 2 }).map(
        (a) => `${a.committee}:${a.plan.title}:${a.startsAt.toISOString()}:${a.status}`,
      );
    const early = schedule('2025-05-10T12:00');
    const later = schedule('2025-12-31T18:00');
    expect(later).toEqual(expect.arrayContaining(early));
    expect(later.length).toBeGreaterThan(early.length);
  });

  it.each([
    ['2025-01-15T09:00', []],
    ['2025-04-01T00:00', ['2025-Q1']],
    ['2025-08-20T10:00', ['2025-Q1', '2025-Q2']],
    ['2025-12-31T23:59', ['2025-Q1', '2025-Q2', '2025-Q3']],
  ])('should list as ended on %s the quarters %j', (now, keys) => {
    const year = local(at(now)).year;
    expect(endedPeriodsOfYear('quarter', year, at(now), ZONE).map((p) => p.key)).toEqual(keys);
  });

  it('should give every deputy a distinct valid mainland mobile and a distinct name', () => {
    const people = DEMO_SUBDISTRICTS.flatMap((spec) => spec.people);
    const phones = people.map((_person, index) => demoPhone(index));
    expect(phones.every((phone) => isPhoneNumber(phone) && /^1[3-9]\d{9}$/.test(phone))).toBe(true);
    expect(new Set(phones).size).toBe(people.length);
    expect(new Set(people.map((person) => person.name)).size).toBe(people.length);
  });

  it('should give villagers village work and residents community work', () => {
    const jobs = (community: string) =>
      Array.from({ length: 8 }, (_, n) => demoOccupation(n, community));
    expect(jobs('东风社区').map((job) => job.occupation)).not.toContain('村委会主任');
    expect(jobs('东风社区').map((job) => job.occupation)).not.toContain('农民');
    expect(jobs('𠮷庄村').map((job) => job.occupation)).not.toContain('社区党委书记');
    expect(jobs('𠮷庄村')).toContainEqual({
      occupation: '村委会主任',
      workplace: '𠮷庄村党支部书记、村委会主任',
    });
  });

  it.each([
    [2024, 15, '示范区第十五届人民代表大会', '2021-11-01'],
    [2026, 15, '示范区第十五届人民代表大会', '2021-11-01'],
    [2027, 16, '示范区第十六届人民代表大会', '2026-11-01'],
    [2032, 17, '示范区第十七届人民代表大会', '2031-11-01'],
  ])('should place %i in term %i', (year, ordinal, name, startsOn) => {
    expect(demoTerm(year)).toEqual({ ordinal, name, startsOn });
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [21, '二十一'],
  ])('should write %i as %s', (value, text) => {
    expect(chineseNumber(value)).toBe(text);
  });
});
