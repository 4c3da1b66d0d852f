import { periodContaining, quarterPeriod } from '../../common/period.js';
import {
  complianceStatus,
  daysLeft,
  dueThreshold,
  parseReminderDays,
  periodsToClose,
} from './cadence.rules.js';

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
});
