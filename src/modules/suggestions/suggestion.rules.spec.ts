import {
  WEEKDAYS_ONLY,
  type CalendarDayKind,
  type WorkingDayCalendar,
} from '../../common/working-days.rules.js';
import { allowedActions, transitionTarget } from '../../platform/records/workflow.js';
import {
  assignmentDue,
  assignmentOverdue,
  DEFAULT_PERIODS,
  evaluationOutcome,
  extensionLimit,
  planStep,
  rehandlingDue,
  replyDue,
  replyOverdue,
  returnDue,
  SUGGESTION_STEPS,
  SUGGESTION_WORKFLOW,
  type StepInput,
  type SuggestionAction,
  type SuggestionFacts,
} from './suggestion.rules.js';

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

const facts = (overrides: Partial<SuggestionFacts> = {}): SuggestionFacts => ({
  status: 'registered',
  round: 1,
  registeredOn: '2025-09-26',
  assignedOn: null,
  returnedOn: null,
  leadUnitId: null,
  dueOn: null,
  returnDueOn: null,
  extensionApprovedOn: null,
  repliedOn: null,
  replyClass: null,
  evaluatedOn: null,
  ...overrides,
});

const context = { today: '2026-12-31', periods: DEFAULT_PERIODS, calendar: NATIONAL_DAY_2025 };
const plan = (action: SuggestionAction, suggestion: SuggestionFacts, input: StepInput) =>
  planStep(action, suggestion, input, context);
const fieldsOf = (result: ReturnType<typeof planStep>) => result.problems.map((p) => p.field);

describe('SUGGESTION_WORKFLOW', () => {
  it.each([
    ['registered', ['assign']],
    ['assigned', ['return', 'extend', 'reply']],
    ['returned', ['assign']],
    ['replied', ['evaluate']],
    ['rehandling', ['reply']],
    ['tracking', ['solve']],
    ['closed', []],
  ])('should allow from %s the steps %j', (state, actions) => {
    expect(allowedActions(SUGGESTION_WORKFLOW, state)).toEqual(actions);
  });

  it.each([
    ['registered', 'assign', 'assigned'],
    ['returned', 'assign', 'assigned'],
    ['assigned', 'return', 'returned'],
    ['assigned', 'extend', 'assigned'],
    ['assigned', 'reply', 'replied'],
    ['rehandling', 'reply', 'replied'],
    ['replied', 'evaluateToRehandling', 'rehandling'],
    ['replied', 'evaluateToTracking', 'tracking'],
    ['replied', 'evaluate', 'closed'],
    ['tracking', 'solve', 'closed'],
    ['registered', 'reply', null],
    ['rehandling', 'extend', null],
    ['rehandling', 'return', null],
    ['closed', 'assign', null],
    ['replied', 'solve', null],
  ])('should lead from %s by %s to %s', (state, action, target) => {
    expect(transitionTarget(SUGGESTION_STEPS, state, action)).toBe(target);
  });

  it.each([
    ['dissatisfied', 'A', 'rehandling'],
    ['dissatisfied', 'C', 'rehandling'],
    ['satisfied', 'A', 'closed'],
    ['basicallySatisfied', 'D', 'closed'],
    ['satisfied', 'B', 'tracking'],
    ['basicallySatisfied', 'C', 'tracking'],
  ] as const)('should send %s of a class %s reply to %s', (evaluation, replyClass, outcome) => {
    expect(evaluationOutcome(evaluation, replyClass)).toBe(outcome);
  });
});

describe('due dates', () => {
  it.each([
    // Friday + 5 working days: the 调休 Sunday counts, the holiday does not.
    ['2025-09-26', NATIONAL_DAY_2025, '2025-10-10'],
    ['2025-09-26', WEEKDAYS_ONLY, '2025-10-03'],
  ])('should give registration %s an assignment deadline (%#) of %s', (on, calendar, due) => {
    expect(assignmentDue(on, DEFAULT_PERIODS, calendar)).toBe(due);
  });

  it.each([
    ['2025-09-30', NATIONAL_DAY_2025, '2025-10-16'],
    ['2025-09-30', WEEKDAYS_ONLY, '2025-10-09'],
    ['2025-10-09', NATIONAL_DAY_2025, '2025-10-17'],
  ])('should close the return window of %s (%#) on %s', (assignedOn, calendar, due) => {
    expect(returnDue(assignedOn, DEFAULT_PERIODS, calendar)).toBe(due);
  });

  it.each([
    ['2025-09-30', NATIONAL_DAY_2025, '2025-12-30', 'a working day'],
    ['2025-07-01', NATIONAL_DAY_2025, '2025-10-09', 'lands on the holiday: moved past it'],
    ['2025-07-04', NATIONAL_DAY_2025, '2025-10-09', 'lands on a Saturday inside the holiday'],
    ['2025-07-04', WEEKDAYS_ONLY, '2025-10-06', 'a Saturday without the holiday calendar'],
    ['2025-07-11', NATIONAL_DAY_2025, '2025-10-11', 'the 调休 Saturday is a working day'],
    ['2024-11-30', WEEKDAYS_ONLY, '2025-02-28', 'the last day of a shorter month'],
  ])('should make a reply assigned %s due (%#) on %s: %s', (assignedOn, calendar, due) => {
    expect(replyDue(assignedOn, DEFAULT_PERIODS, calendar)).toBe(due);
  });

  it.each([
    ['2025-09-11', NATIONAL_DAY_2025, '2025-10-11'],
    ['2025-09-11', WEEKDAYS_ONLY, '2025-10-13'],
    ['2025-09-04', NATIONAL_DAY_2025, '2025-10-09'],
  ])('should make a re-handling after %s due (%#) on %s', (evaluatedOn, calendar, due) => {
    expect(rehandlingDue(evaluatedOn, DEFAULT_PERIODS, calendar)).toBe(due);
  });

  it('should follow configured periods', () => {
    const periods = { ...DEFAULT_PERIODS, replyMonths: 2, returnWorkingDays: 3 };
    expect(replyDue('2025-07-01', periods, NATIONAL_DAY_2025)).toBe('2025-09-01');
    expect(returnDue('2025-09-26', periods, NATIONAL_DAY_2025)).toBe('2025-09-30');
    expect(
      extensionLimit('2025-07-06', { ...DEFAULT_PERIODS, extensionMaxMonths: 1 }, WEEKDAYS_ONLY),
    ).toBe('2025-08-06');
  });

  it.each([
    ['assigned', '2025-10-09', '2025-10-10', true],
    ['assigned', '2025-10-09', '2025-10-09', false],
    ['rehandling', '2025-10-09', '2025-10-10', true],
    ['replied', '2025-10-09', '2025-10-10', false],
    ['tracking', '2025-10-09', '2025-12-10', false],
    ['assigned', null, '2025-12-10', false],
  ] as const)('should flag %s due %s overdue on %s: %s', (status, dueOn, asOf, overdue) => {
    expect(replyOverdue({ status, dueOn }, asOf)).toBe(overdue);
  });

  it('should flag an unassigned suggestion past the assignment period', () => {
    const registered = facts();
    expect(assignmentOverdue(registered, '2025-10-10', DEFAULT_PERIODS, NATIONAL_DAY_2025)).toBe(
      false,
    );
    expect(assignmentOverdue(registered, '2025-10-11', DEFAULT_PERIODS, NATIONAL_DAY_2025)).toBe(
      true,
    );
    expect(
      assignmentOverdue(
        facts({ status: 'assigned' }),
        '2025-12-11',
        DEFAULT_PERIODS,
        NATIONAL_DAY_2025,
      ),
    ).toBe(false);
  });
});

describe('planStep', () => {
  const assigned = facts({
    status: 'assigned',
    assignedOn: '2025-09-30',
    leadUnitId: 1,
    dueOn: '2025-12-30',
    returnDueOn: '2025-10-16',
  });

  it('should assign with the reply due and the return window over the holiday', () => {
    const result = plan('assign', facts(), { on: '2025-09-30', leadUnitId: 4 });
    expect(result).toEqual({
      problems: [],
      plan: {
        step: 'assign',
        changes: {
          assignedOn: '2025-09-30',
          leadUnitId: 4,
          dueOn: '2025-12-30',
          returnDueOn: '2025-10-16',
        },
        flag: null,
      },
    });
  });

  it('should flag, not refuse, an assignment after the 5 working days', () => {
    const result = plan('assign', facts(), { on: '2025-10-13', leadUnitId: 4 });
    expect(result.problems).toEqual([]);
    expect('plan' in result && result.plan.flag).toContain('2025-10-10');
  });

  it.each([
    [{ on: '2025-09-30' }, ['leadUnitId']],
    [{ on: '2025-09-25', leadUnitId: 1 }, ['assignedOn']],
    [{ on: '2027-01-01', leadUnitId: 1 }, ['assignedOn']],
  ])('should refuse the assignment %j on %j', (input, fields) => {
    expect(fieldsOf(plan('assign', facts(), input))).toEqual(fields);
  });

  it.each([
    ['2025-10-16', []],
    ['2025-10-17', ['returnedOn']],
    ['2025-09-29', ['returnedOn']],
  ])('should take a return on %s with problems %j', (on, fields) => {
    expect(fieldsOf(plan('return', assigned, { on, reason: '不属于本单位职责' }))).toEqual(fields);
  });

  it('should name the return deadline when the window has passed', () => {
    const result = plan('return', assigned, { on: '2025-10-17', reason: '不属于本单位职责' });
    expect(result.problems[0].message.zh).toContain('2025-10-16');
  });

  it('should clear the unit and the due dates on a return', () => {
    const result = plan('return', assigned, { on: '2025-10-10', reason: '职责外' });
    expect('plan' in result && result.plan.changes).toEqual({
      returnedOn: '2025-10-10',
      returnReason: '职责外',
      leadUnitId: null,
      dueOn: null,
      returnDueOn: null,
      extensionReason: null,
      extensionApprovedBy: null,
      extensionApprovedOn: null,
    });
  });

  it.each([
    ['2025-10-09', ['assignedOn']],
    ['2025-10-10', []],
  ])('should re-assign a returned suggestion on %s (returned 2025-10-10) with %j', (on, fields) => {
    const returned = facts({
      status: 'returned',
      assignedOn: '2025-09-30',
      returnedOn: '2025-10-10',
    });
    expect(fieldsOf(plan('assign', returned, { on, leadUnitId: 2 }))).toEqual(fields);
  });

  it('should let the unit assigned after a return extend once (the return cleared the extension)', () => {
    const returned = plan(
      'return',
      { ...assigned, extensionApprovedOn: '2025-10-09' },
      {
        on: '2025-10-10',
        reason: '职责外',
      },
    );
    expect('plan' in returned && returned.plan.changes.extensionApprovedOn).toBeNull();
  });

  const extension = {
    on: '2025-12-01',
    reason: '需跨部门协调',
    approvedBy: '主任',
    approvedOn: '2025-12-01',
  };

  it.each([
    ['2026-03-30', []],
    ['2026-03-31', ['dueOn']],
    ['2025-12-30', ['dueOn']],
  ])('should extend to %s with problems %j', (dueOn, fields) => {
    expect(fieldsOf(plan('extend', assigned, { ...extension, dueOn }))).toEqual(fields);
  });

  it.each([
    ['2025-12-30', []],
    ['2025-12-31', ['approvedOn']],
  ])('should take an extension approved on %s (due 2025-12-30) with %j', (approvedOn, fields) => {
    const input = { ...extension, approvedOn, dueOn: '2026-03-30' };
    expect(fieldsOf(plan('extend', assigned, input))).toEqual(fields);
  });

  it('should refuse a second extension and an extension without approval', () => {
    const extended = { ...assigned, extensionApprovedOn: '2025-11-01', dueOn: '2026-01-30' };
    expect(fieldsOf(plan('extend', extended, { ...extension, dueOn: '2026-02-27' }))).toEqual([
      'action',
    ]);
    expect(fieldsOf(plan('extend', assigned, { on: '2025-12-01', dueOn: '2026-01-30' }))).toEqual([
      'approvedOn',
      'approvedBy',
      'reason',
    ]);
  });

  it('should need the reply text and class, dated after the assignment', () => {
    expect(fieldsOf(plan('reply', assigned, { on: '2025-09-29' }))).toEqual([
      'repliedOn',
      'replyText',
      'replyClass',
    ]);
  });

  it('should send a 不满意 back for re-handling within a month, one round more', () => {
    const replied = facts({
      ...assigned,
      status: 'replied',
      repliedOn: '2025-09-01',
      replyClass: 'B',
    });
    const result = plan('evaluate', replied, { on: '2025-09-04', evaluation: 'dissatisfied' });
    expect('plan' in result && result.plan).toEqual({
      step: 'evaluateToRehandling',
      changes: {
        evaluation: 'dissatisfied',
        evaluatedOn: '2025-09-04',
        round: 2,
        dueOn: '2025-10-09',
      },
      flag: null,
    });
  });

  it.each([
    ['B', 'satisfied', 'evaluateToTracking'],
    ['A', 'basicallySatisfied', 'evaluate'],
  ] as const)('should lead a class %s reply rated %s by %s', (replyClass, evaluation, step) => {
    const replied = facts({ status: 'replied', repliedOn: '2025-09-01', replyClass });
    const result = plan('evaluate', replied, { on: '2025-09-04', evaluation });
    expect('plan' in result && result.plan.step).toBe(step);
  });

  it('should refuse an evaluation before the reply or without a rating', () => {
    const replied = facts({ status: 'replied', repliedOn: '2025-09-01', replyClass: 'A' });
    expect(
      fieldsOf(plan('evaluate', replied, { on: '2025-08-31', evaluation: 'satisfied' })),
    ).toEqual(['evaluatedOn']);
    expect(fieldsOf(plan('evaluate', replied, { on: '2025-09-02' }))).toEqual(['evaluation']);
  });

  it('should close a tracked suggestion when solved', () => {
    const tracking = facts({ status: 'tracking', evaluatedOn: '2025-09-04' });
    const result = plan('solve', tracking, { on: '2025-11-01' });
    expect('plan' in result && result.plan.changes).toEqual({
      solvedOn: '2025-11-01',
      closedOn: '2025-11-01',
    });
  });
});
