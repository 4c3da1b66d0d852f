import {
  addCalendarMonths,
  addWorkingDays,
  isWorkingDay,
  onOrNextWorkingDay,
  workingDaysBetween,
  WEEKDAYS_ONLY,
  type CalendarDayKind,
  type WorkingDayCalendar,
} from './working-days.rules.js';

/**
 * 2025 National Day and Mid-Autumn (国务院办公厅 2024-11-12): 1–8 October off, Sunday 28
 * September and Saturday 11 October are 调休 working days.
 */
const NATIONAL_DAY_2025: WorkingDayCalendar = {
  exceptions: new Map<string, CalendarDayKind>([
    ['2025-09-28', 'workday'],
    ...['01', '02', '03', '06', '07', '08'].map(
      (d) => [`2025-10-${d}`, 'holiday'] as [string, CalendarDayKind],
    ),
    ['2025-10-11', 'workday'],
  ]),
};

describe('working days', () => {
  it.each([
    ['2025-09-27', false, 'a plain Saturday'],
    ['2025-09-28', true, 'a 调休 Sunday'],
    ['2025-10-01', false, 'a holiday on a Wednesday'],
    ['2025-10-04', false, 'a weekend inside the holiday'],
    ['2025-10-09', true, 'the Thursday after'],
    ['2025-10-11', true, 'a 调休 Saturday'],
    ['2025-10-12', false, 'the Sunday after'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, NATIONAL_DAY_2025)).toBe(expected);
  });

  it.each([
    ['2025-09-26', 1, '2025-09-28', 'Friday + 1 lands on the 调休 Sunday'],
    ['2025-09-29', 2, '2025-10-09', 'across the holiday'],
    ['2025-09-30', 7, '2025-10-16', '7 working days over the holiday and the 调休 Saturday'],
    ['2025-11-03', 5, '2025-11-10', 'an ordinary week'],
    ['2025-11-03', 0, '2025-11-03', 'zero days is the date itself'],
  ])('%s + %i working days = %s (%s)', (date, count, expected) => {
    expect(addWorkingDays(date, count, NATIONAL_DAY_2025)).toBe(expected);
  });

  it('counts weekends out without a calendar', () => {
    expect(addWorkingDays('2026-11-27', 1, WEEKDAYS_ONLY)).toBe('2026-11-30');
    expect(workingDaysBetween('2026-11-27', '2026-12-04', WEEKDAYS_ONLY)).toBe(5);
  });

  it.each([
    ['2025-10-01', '2025-10-09'],
    ['2025-10-11', '2025-10-11'],
    ['2025-10-12', '2025-10-13'],
  ])('a due date on %s moves to %s', (date, expected) => {
    expect(onOrNextWorkingDay(date, NATIONAL_DAY_2025)).toBe(expected);
  });

  it('counts the working days between two dates', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-11', NATIONAL_DAY_2025)).toBe(3);
    expect(workingDaysBetween('2025-10-11', '2025-10-11', NATIONAL_DAY_2025)).toBe(0);
    expect(workingDaysBetween('2025-10-12', '2025-10-01', NATIONAL_DAY_2025)).toBe(0);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-08-15', 3, '2026-11-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it('refuses what is not a date', () => {
    expect(() => addWorkingDays('2026-02-30', 1, WEEKDAYS_ONLY)).toThrow(RangeError);
  });
});
