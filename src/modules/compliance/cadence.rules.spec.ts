import { formatInstant, periodContaining, quarterPeriod } from '../../common/period.js';
import {
  complianceStatus,
  daysLeft,
  dueThreshold,
  isRecent,
  parseReminderDays,
  pastRange,
  periodsToClose,
  shouldNotifyMiss,
} from './cadence.rules.js';

import type { ComplianceStatus } from './compliance-record.entity.js';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe('cadence rules', () => {
  it.each([
    ['2020-03-31T23:30:00+08:00', '2020-Q1'],
    ['2020-03-31T16:30:00Z', '2020-Q2'], // 00:30 on 1 April in China
    ['2020-04-01T00:00:00+08:00', '2020-Q2'],
    ['2019-12-31T23:59:59+08:00', '2019-Q4'],
    ['2019-12-31T16:00:00Z', '2020-Q1'], // year roll-over: midnight in China
    ['2020-02-29T12:00:00+08:00', '2020-Q1'], // leap day
    ['2020-09-30T16:00:00Z', '2020-Q4'],
  ])('should put %s in %s', (instant, key) => {
    expect(periodContaining('quarter', at(instant), TZ).key).toBe(key);
  });

  it.each<[string, string | null, string, string[]]>([
    [
      'first close finalises only the period just ended',
      null,
      '2020-07-01T00:45:00+08:00',
      ['2020-Q2'],
    ],
    ['a close right after Q2 ends', '2020-Q1', '2020-07-01T00:45:00+08:00', ['2020-Q2']],
    [
      'catch-up from Q1 on 1 August closes Q2, not Q3',
      '2020-Q1',
      '2020-08-01T09:00:00+08:00',
      ['2020-Q2'],
    ],
    ['nothing before the period ends', '2020-Q2', '2020-09-30T23:59:00+08:00', []],
    ['a second close does nothing', '2020-Q2', '2020-08-01T09:00:00+08:00', []],
    [
      'catch-up over a year roll-over',
      '2019-Q3',
      '2020-04-01T00:30:00+08:00',
      ['2019-Q4', '2020-Q1'],
    ],
    [
      'a close as of an earlier date, counting only closes up to then',
      '2019-Q1',
      '2019-07-01T00:45:00+08:00',
      ['2019-Q2'],
    ],
  ])('%s', (_name, lastClosed, asOf, expected) => {
    expect(periodsToClose('quarter', lastClosed, at(asOf), TZ).map((p) => p.key)).toEqual(expected);
  });

  it.each<[string, number, number | null]>([
    ['2020-03-01T08:00:00+08:00', 31, null],
    ['2020-03-02T08:00:00+08:00', 30, 30],
    ['2020-03-20T08:00:00+08:00', 12, 14],
    ['2020-03-25T08:00:00+08:00', 7, 7],
    ['2020-03-31T08:00:00+08:00', 1, 1],
    ['2020-03-31T23:30:00+08:00', 1, 1],
  ])('on %s there are %i days left and threshold %p is due', (asOf, left, threshold) => {
    const q1 = quarterPeriod(2020, 1, TZ);
    expect(daysLeft(q1, at(asOf), TZ)).toBe(left);
    expect(dueThreshold([30, 14, 7, 1], q1, at(asOf), TZ)).toBe(threshold);
  });

  it('should have no threshold due once the period has ended', () => {
    expect(
      dueThreshold([30, 1], quarterPeriod(2020, 1, TZ), at('2020-04-01T00:00:00+08:00'), TZ),
    ).toBeNull();
  });

  it.each<[number, number, boolean, string]>([
    [1, 1, true, 'met'],
    [3, 1, false, 'met'],
    [0, 1, true, 'missed'],
    [0, 1, false, 'inProgress'],
    [1, 2, true, 'missed'],
  ])('should judge %i of %i (ended %p) as %s', (count, min, ended, status) => {
    expect(complianceStatus(count, min, ended)).toBe(status);
  });

  it('should read reminder days and refuse nonsense', () => {
    expect(parseReminderDays('7, 30,14,1,7')).toEqual([30, 14, 7, 1]);
    expect(() => parseReminderDays('30,x')).toThrow(RangeError);
    expect(() => parseReminderDays('0')).toThrow(RangeError);
  });
  it.each<[string, string, boolean]>([
    ['2020-Q2', '2020-07-01T00:30:00+08:00', true],
    ['2020-Q2', '2020-09-30T23:59:00+08:00', true],
    ['2020-Q2', '2020-10-01T00:00:00+08:00', false],
    ['2019-Q4', '2020-01-05T00:00:00+08:00', true],
    ['2019-Q3', '2020-01-05T00:00:00+08:00', false],
    ['2020-Q3', '2020-08-01T00:00:00+08:00', true], // running
  ])('should judge %s recent as of %s: %p', (key, asOf, recent) => {
    const [year, quarter] = key.split('-Q').map(Number);
    expect(isRecent(quarterPeriod(year, quarter, TZ), at(asOf), TZ)).toBe(recent);
  });

  it.each<[string, ComplianceStatus | null, ComplianceStatus, string, boolean]>([
    ['a first miss of the period just ended', null, 'missed', '2020-07-01T00:30:00+08:00', true],
    ['a first met', null, 'met', '2020-07-01T00:30:00+08:00', false],
    ['a miss again after a late entry', 'missed', 'missed', '2020-07-10T00:00:00+08:00', false],
    [
      'met, then missed (an activity cancelled)',
      'met',
      'missed',
      '2020-07-10T00:00:00+08:00',
      true,
    ],
    ['missed, then met (a late entry)', 'missed', 'met', '2020-07-10T00:00:00+08:00', false],
    ['a first miss two periods ago (history)', null, 'missed', '2020-10-01T00:00:00+08:00', false],
    ['a first miss years ago (backfill)', null, 'missed', '2026-11-30T10:00:00+08:00', false],
    ['a miss before the period ends', null, 'missed', '2020-06-30T00:00:00+08:00', false],
  ])('%s: notify %p→%p as of %s is %p', (_name, previous, next, asOf, notify) => {
    expect(
      shouldNotifyMiss({
        previous,
        next,
        period: quarterPeriod(2020, 2, TZ),
        asOf: at(asOf),
        timeZone: TZ,
      }),
    ).toBe(notify);
  });
  it.each<[string, string, string, string, string]>([
    [
      '2019-Q1',
      '2019-Q4',
      '2026-11-30T10:00:00+08:00',
      '2019-01-01T00:00:00.000+08:00',
      '2020-01-01T00:00:00.000+08:00',
    ],
    [
      '2019',
      '2019',
      '2026-11-30T10:00:00+08:00',
      '2019-01-01T00:00:00.000+08:00',
      '2020-01-01T00:00:00.000+08:00',
    ],
    [
      '2026-Q3',
      '2026-Q3',
      '2026-10-01T00:00:00+08:00',
      '2026-07-01T00:00:00.000+08:00',
      '2026-10-01T00:00:00.000+08:00',
    ],
  ])('should read the range %s..%s as of %s as [%s, %s)', (from, to, asOf, start, end) => {
    const range = pastRange({ from, to }, at(asOf), TZ);
    const bounds = range.ok
      ? [formatInstant(range.start, TZ), formatInstant(range.end, TZ)]
      : range;
    expect(bounds).toEqual([start, end]);
  });

  it.each<[string, string, string, string]>([
    ['2026-Q4', '2026-Q4', 'to', '2026-Q4 尚未结束'],
    ['2019-Q4', '2019-Q1', 'to', '不能早于起始期间 2019-Q4'],
    ['2019-Q5', '2019-Q4', 'from', '须为年度或季度'],
    ['1999', '2019', 'from', '不能早于 2000 年'],
    ['2019-Q1', 'x', 'to', '须为年度或季度'],
  ])('should refuse the range %s..%s, naming %s', (from, to, field, text) => {
    expect(pastRange({ from, to }, at('2026-11-30T10:00:00+08:00'), TZ)).toEqual({
      ok: false,
      problems: [{ field, problem: expect.stringContaining(text) as string }],
    });
  });
});
