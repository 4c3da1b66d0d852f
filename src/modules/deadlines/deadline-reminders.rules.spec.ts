import type { CalendarDayKind, WorkingDayCalendar } from '../../common/working-days.rules.js';
import type { Deadline } from '../../platform/areas/deadlines.js';
import {
  chineseDate,
  reminderDue,
  reminderHorizon,
  reminderMessage,
  type ReminderStep,
} from './deadline-reminders.rules.js';

/**
 * 2026 National Day and Mid-Autumn (国务院办公厅关于2026年部分节假日安排的通知): 25 September and
 * 1–7 October off (the weekdays among them stored), Sunday 20 September and Saturday 10 October
 * are 调休 working days.
 */
const NATIONAL_DAY_2026: WorkingDayCalendar = {
  exceptions: new Map<string, CalendarDayKind>([
    ['2026-09-20', 'workday'],
    ['2026-09-25', 'holiday'],
    ...['01', '02', '05', '06', '07'].map(
      (d) => [`2026-10-${d}`, 'holiday'] as [string, CalendarDayKind],
    ),
    ['2026-10-10', 'workday'],
  ]),
};
const THRESHOLDS = [7, 3, 1, 0];
const before = (threshold: number, workingDaysLeft: number): ReminderStep => ({
  kind: 'before',
  threshold,
  workingDaysLeft,
});
const OVERDUE: ReminderStep = { kind: 'overdue' };

describe('deadline reminder rules', () => {
  // Due Friday 9 October 2026, the second working day after the National Day week.
  it.each([
    ['2026-09-15', null, '12 working days left: too early'],
    ['2026-09-21', null, 'Monday: 8 left'],
    ['2026-09-22', before(7, 7), 'Tuesday: 7 left'],
    ['2026-09-24', before(7, 5), 'Thursday: 5 left, still the 7-day threshold'],
    ['2026-09-25', null, 'Mid-Autumn holiday: nothing on a day off'],
    ['2026-09-26', null, 'a Saturday: nothing'],
    ['2026-09-28', before(7, 4), 'Monday: 4 left (29, 30 Sep, 8, 9 Oct)'],
    ['2026-09-29', before(3, 3), '3 left'],
    ['2026-09-30', before(3, 2), '2 left: still the 3-day threshold'],
    ['2026-10-03', null, 'in the holiday week'],
    ['2026-10-08', before(1, 1), 'Thursday after the holiday: 1 left'],
    ['2026-10-09', before(0, 0), 'the due day'],
    ['2026-10-10', OVERDUE, 'the 调休 Saturday: the first working day overdue'],
    ['2026-10-11', null, 'Sunday: nothing'],
    ['2026-10-12', OVERDUE, 'still within the window (the outbox key keeps it once)'],
    ['2026-10-20', null, '8 working days late: no more notices'],
  ])('should on %s give %j (%s)', (today, expected, _why) => {
    expect(reminderDue('2026-10-09', today, THRESHOLDS, NATIONAL_DAY_2026)).toEqual(expected);
  });

  it.each([
    ['2026-09-29', '2026-09-19', null, 'a plain Saturday: nothing'],
    ['2026-09-29', '2026-09-20', before(7, 6), 'the 调休 Sunday is a working day: reminded'],
    ['2026-10-18', '2026-10-16', before(0, 0), 'due on a Sunday: Friday is the last working day'],
    ['2026-10-18', '2026-10-15', before(1, 1), 'due on a Sunday: Thursday has 1 left'],
    ['2026-10-05', '2026-09-30', before(0, 0), 'due in the holiday: the day before it is the last'],
  ])('should remind of an item due %s on %s as %j (%s)', (dueOn, today, expected, _why) => {
    expect(reminderDue(dueOn, today, THRESHOLDS, NATIONAL_DAY_2026)).toEqual(expected);
  });

  it('should send nothing without thresholds, and only the overdue notice with [0]', () => {
    expect(reminderDue('2026-10-09', '2026-10-09', [], NATIONAL_DAY_2026)).toBeNull();
    expect(reminderDue('2026-10-09', '2026-10-08', [0], NATIONAL_DAY_2026)).toBeNull();
    expect(reminderDue('2026-10-09', '2026-10-10', [0], NATIONAL_DAY_2026)).toEqual(OVERDUE);
  });

  it.each([
    ['2026-09-28', '2026-10-13', 'the 8th working day after is the 14th (10 Oct is 调休)'],
    ['2026-09-17', '2026-09-28', 'the 8th is the 29th, over the 调休 Sunday and Mid-Autumn'],
  ])('should look ahead from %s to %s (%s)', (today, expected, _why) => {
    expect(reminderHorizon(today, THRESHOLDS, NATIONAL_DAY_2026)).toBe(expected);
  });

  const deadline: Deadline = {
    type: 'opinion',
    id: 12,
    committeeId: 3,
    title: '关于加快老旧小区改造的建议',
    due: '书面答复',
    dueOn: '2026-10-09',
    round: 'assigned',
    contacts: [],
  };

  it('should name the item, what is due and the date, and key the notice by its step', () => {
    const message = reminderMessage(deadline, before(3, 2), '2026-09-30');
    expect(message).toMatchObject({
      kind: 'deadlineReminder',
      about: 'opinion:12:2026-10-09:d3:assigned',
      title: '【2个工作日后到期】关于加快老旧小区改造的建议：书面答复',
    });
    expect(message.body).toContain('办理期限：2026年10月9日（星期五）');
    expect(reminderMessage(deadline, before(0, 0), '2026-10-09').title).toContain('今日到期');
    expect(
      reminderMessage({ ...deadline, dueOn: '2026-10-11' }, before(0, 0), '2026-10-09').title,
    ).toContain('期限前最后一个工作日');
    const overdue = reminderMessage(deadline, OVERDUE, '2026-10-10');
    expect(overdue).toMatchObject({
      kind: 'deadlineOverdue',
      about: 'opinion:12:2026-10-09:overdue:assigned',
      title: '【已逾期】关于加快老旧小区改造的建议：书面答复',
    });
  });

  it('should keep the key short for a long round, and distinct per round', () => {
    const long = (round: string) =>
      reminderMessage({ ...deadline, round }, OVERDUE, '2026-10-10').about;
    expect(long('r'.repeat(300)).length).toBeLessThan(80);
    expect(long('r'.repeat(300))).not.toBe(long(`${'r'.repeat(299)}s`));
  });

  it('should write dates the Chinese way', () => {
    expect(chineseDate('2026-02-17')).toBe('2026年2月17日（星期二）');
  });
});
