import { calendarDate, calendarDateOfDate } from './date-only.rules.js';

const CHINA = 'Asia/Shanghai';

describe('calendarDate', () => {
  it.each<[string, string, string]>([
    ['a date stays as it is', '2026-11-01', '2026-11-01'],
    ['a date typed with slashes', '2022/01/01', '2022-01-01'],
    ['surrounding spaces', ' 2022-01-01 ', '2022-01-01'],
    ["the picker's instant for 1 November in China", '2026-10-31T16:00:00.000Z', '2026-11-01'],
    ['an instant late in the China day', '2026-11-01T15:59:59.999Z', '2026-11-01'],
    ['an instant just after China midnight', '2026-11-01T16:00:00.000Z', '2026-11-02'],
    ['an instant with an offset', '1970-09-09T00:00:00+08:00', '1970-09-09'],
    ['a leap day picked in China', '2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['a year end picked in China', '2025-12-31T16:00:00Z', '2026-01-01'],
    ['a local date-time keeps its date', '2026-11-01T00:00:00', '2026-11-01'],
    ['text is left for the validator', 'tomorrow', 'tomorrow'],
    [
      'an impossible instant is left for the validator',
      '2026-13-01T00:00:00Z',
      '2026-13-01T00:00:00Z',
    ],
  ])('should read %s', (_case, value, expected) => {
    expect(calendarDate(value, CHINA)).toBe(expected);
  });

  it('should use the zone given', () => {
    expect(calendarDate('2026-10-31T16:00:00.000Z', 'UTC')).toBe('2026-10-31');
    expect(calendarDate('2026-11-01T03:00:00.000Z', 'America/New_York')).toBe('2026-10-31');
  });
});

describe('calendarDateOfDate', () => {
  it.each<[string, Date, string]>([
    ['a typed date read as UTC midnight', new Date('2022-01-01'), '2022-01-01'],
    ["the picker's China midnight", new Date('2026-10-31T16:00:00.000Z'), '2026-11-01'],
    ['a birth date', new Date('1970-09-09'), '1970-09-09'],
    ['a leap day', new Date('2024-02-29'), '2024-02-29'],
    ['an invalid date', new Date('not a date'), 'Invalid Date'],
  ])('should read %s', (_case, date, expected) => {
    expect(calendarDateOfDate(date, CHINA)).toBe(expected);
  });

  it('should read a local midnight west of UTC in its own zone', () => {
    expect(calendarDateOfDate(new Date('2026-11-01T04:00:00.000Z'), 'America/New_York')).toBe(
      '2026-11-01',
    );
  });
});
