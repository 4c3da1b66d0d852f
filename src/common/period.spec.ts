import {
  formatInstant,
  localDate,
  parsePeriodKey,
  periodContaining,
  periodsWithin,
  previousPeriod,
  quarterOf,
  quarterPeriod,
  startOfLocalDate,
} from './period.js';

const TZ = 'Asia/Shanghai';

describe('period', () => {
  it.each([
    ['2020-03-31T23:30:00+08:00', 2020, 1],
    ['2020-03-31T16:30:00Z', 2020, 2], // 00:30 on 1 April in China
    ['2020-04-01T00:00:00+08:00', 2020, 2],
    ['2020-03-31T23:59:59.999+08:00', 2020, 1],
    ['2019-12-31T23:59:59+08:00', 2019, 4],
    ['2019-12-31T16:00:00Z', 2020, 1], // year roll-over: midnight 1 Jan in China
    ['2020-02-29T12:00:00+08:00', 2020, 1], // leap day
    ['2020-06-30T15:59:59Z', 2020, 2],
    ['2020-06-30T16:00:00Z', 2020, 3],
  ])('should put %s in %i Q%i', (iso, year, quarter) => {
    expect(quarterOf(new Date(iso), TZ)).toEqual({ year, quarter });
  });

  it('should give quarter bounds as half-open UTC instants', () => {
    const q1 = quarterPeriod(2020, 1, TZ);
    expect(q1.key).toBe('2020-Q1');
    expect(q1.start.toISOString()).toBe('2019-12-31T16:00:00.000Z');
    expect(q1.end.toISOString()).toBe('2020-03-31T16:00:00.000Z');
    const q4 = quarterPeriod(2020, 4, TZ);
    expect(q4.end.toISOString()).toBe('2020-12-31T16:00:00.000Z');
  });

  it('should reject a quarter outside 1..4', () => {
    expect(() => quarterPeriod(2020, 5, TZ)).toThrow(RangeError);
    expect(() => quarterPeriod(2020, 0, TZ)).toThrow(RangeError);
  });

  it.each([
    [
      'year',
      '2020-02-29T10:00:00+08:00',
      '2020',
      '2019-12-31T16:00:00.000Z',
      '2020-12-31T16:00:00.000Z',
    ],
    [
      'month',
      '2020-02-29T10:00:00+08:00',
      '2020-02',
      '2020-01-31T16:00:00.000Z',
      '2020-02-29T16:00:00.000Z',
    ],
    [
      'week',
      '2020-01-01T10:00:00+08:00',
      '2020-W01',
      '2019-12-29T16:00:00.000Z',
      '2020-01-05T16:00:00.000Z',
    ],
    [
      'quarter',
      '2021-01-01T00:00:00+08:00',
      '2021-Q1',
      '2020-12-31T16:00:00.000Z',
      '2021-03-31T16:00:00.000Z',
    ],
  ] as const)('should find the %s containing %s', (kind, iso, key, start, end) => {
    const period = periodContaining(kind, new Date(iso), TZ);
    expect(period.key).toBe(key);
    expect(period.start.toISOString()).toBe(start);
    expect(period.end.toISOString()).toBe(end);
  });

  it('should step back across a year boundary', () => {
    expect(previousPeriod(quarterPeriod(2021, 1, TZ), TZ).key).toBe('2020-Q4');
  });

  it('should convert local dates and format instants with the offset', () => {
    expect(localDate(new Date('2020-03-31T16:30:00Z'), TZ)).toBe('2020-04-01');
    expect(startOfLocalDate('2020-04-01', TZ).toISOString()).toBe('2020-03-31T16:00:00.000Z');
    expect(formatInstant(new Date('2020-03-31T15:30:00Z'), TZ)).toBe(
      '2020-03-31T23:30:00.000+08:00',
    );
    expect(() => startOfLocalDate('2020-02-30', TZ)).toThrow(RangeError);
  });
  it.each<[string, string | null, string | null]>([
    ['2019-Q1', '2019-Q1', '2019-01-01T00:00:00.000+08:00'],
    ['2019-Q4', '2019-Q4', '2019-10-01T00:00:00.000+08:00'],
    ['2019', '2019', '2019-01-01T00:00:00.000+08:00'],
    ['2019-Q5', null, null],
    ['2019-Q0', null, null],
    ['19-Q1', null, null],
    ['2019Q1', null, null],
    ['', null, null],
  ])('should read the period key %p', (text, key, start) => {
    const period = parsePeriodKey(text, TZ);
    expect(period?.key ?? null).toBe(key);
    expect(period ? formatInstant(period.start, TZ) : null).toBe(start);
  });

  it.each<[string, string, string, string[]]>([
    ['quarter', '2019', '2019', ['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4']],
    ['quarter', '2019-Q4', '2020-Q1', ['2019-Q4', '2020-Q1']],
    ['year', '2019-Q1', '2019-Q3', []],
    ['year', '2019-Q1', '2019-Q4', ['2019']],
    ['month', '2020-Q1', '2020-Q1', ['2020-01', '2020-02', '2020-03']],
  ])('should list the %s periods from %s to %s', (kind, from, to, keys) => {
    const start = parsePeriodKey(from, TZ)!.start;
    const end = parsePeriodKey(to, TZ)!.end;
    expect(
      periodsWithin(kind as 'quarter' | 'year' | 'month', start, end, TZ).map((p) => p.key),
    ).toEqual(keys);
  });
});
