import { allowedActions, transitionTarget } from '../../platform/records/workflow.js';
import {
  dateProblems,
  doneOnTime,
  OPINION_WORKFLOW,
  overdue,
  stepProblems,
  type OpinionFacts,
} from './opinion.rules.js';

const opinion = (overrides: Partial<OpinionFacts> = {}): OpinionFacts => ({
  status: 'open',
  raisedOn: '2019-04-10',
  dueOn: null,
  completedOn: null,
  responsibleUnit: null,
  closeReason: null,
  ...overrides,
});

describe('OPINION_WORKFLOW', () => {
  it.each([
    ['open', ['assign', 'close']],
    ['assigned', ['start', 'close']],
    ['inProgress', ['finish', 'close']],
    ['done', []],
    ['closed', []],
  ])('should allow from %s the steps %j', (state, actions) => {
    expect(allowedActions(OPINION_WORKFLOW, state)).toEqual(actions);
  });

  it.each([
    ['open', 'assign', 'assigned'],
    ['assigned', 'start', 'inProgress'],
    ['inProgress', 'finish', 'done'],
    ['open', 'close', 'closed'],
    ['assigned', 'close', 'closed'],
    ['inProgress', 'close', 'closed'],
    ['open', 'finish', null],
    ['open', 'start', null],
    ['done', 'close', null],
    ['closed', 'assign', null],
    ['open', 'reopen', null],
  ])('should lead from %s by %s to %s', (state, action, target) => {
    expect(transitionTarget(OPINION_WORKFLOW, state, action)).toBe(target);
  });
});

describe('dateProblems', () => {
  const today = '2019-12-31';

  it('should accept dates in order', () => {
    expect(
      dateProblems(
        opinion({ dueOn: '2019-04-10', completedOn: '2019-04-10' }),
        '2019-04-10',
        today,
      ),
    ).toEqual([]);
  });

  it.each([
    [{ raisedOn: '2019-04-09' }, 'raisedOn'],
    [{ dueOn: '2019-04-09' }, 'dueOn'],
    [{ completedOn: '2019-04-09' }, 'completedOn'],
    [{ completedOn: '2020-01-01' }, 'completedOn'],
  ] as [Partial<OpinionFacts>, string][])('should refuse %j on %s', (overrides, field) => {
    const problems = dateProblems(opinion(overrides), '2019-04-10', today);
    expect(problems.map((problem) => problem.field)).toEqual([field]);
    expect(problems[0].message.zh).toMatch(/日期|期限/);
  });

  it('should compare across a year end as dates, not text of other shapes', () => {
    const late = opinion({ raisedOn: '2019-12-31', dueOn: '2020-01-01' });
    expect(dateProblems(late, '2019-12-31', '2020-01-05')).toEqual([]);
  });
});

describe('stepProblems', () => {
  it('should ask 交办 for a responsible unit and a due date', () => {
    expect(stepProblems('assign', opinion()).map((p) => p.field)).toEqual([
      'responsibleUnit',
      'dueOn',
    ]);
    expect(stepProblems('assign', opinion({ responsibleUnit: '  ', dueOn: '2019-05-01' }))).toEqual(
      [expect.objectContaining({ field: 'responsibleUnit' })],
    );
    expect(
      stepProblems('assign', opinion({ responsibleUnit: '区住建局', dueOn: '2019-05-01' })),
    ).toEqual([]);
  });

  it('should ask 办结 for the completion date and 关闭 for a reason', () => {
    expect(stepProblems('finish', opinion()).map((p) => p.field)).toEqual(['completedOn']);
    expect(stepProblems('finish', opinion({ completedOn: '2019-05-01' }))).toEqual([]);
    expect(stepProblems('close', opinion()).map((p) => p.field)).toEqual(['reason']);
    expect(stepProblems('close', opinion({ closeReason: '已纳入区级统筹' }))).toEqual([]);
    expect(stepProblems('start', opinion())).toEqual([]);
  });
});

describe('doneOnTime and overdue', () => {
  it.each([
    [{ status: 'done', dueOn: '2019-06-30', completedOn: '2019-06-30' }, true],
    [{ status: 'done', dueOn: '2019-06-30', completedOn: '2019-07-01' }, false],
    [{ status: 'done', dueOn: null, completedOn: '2019-06-01' }, false],
    [{ status: 'closed', dueOn: '2019-06-30', completedOn: null }, false],
  ] as [Partial<OpinionFacts>, boolean][])('should judge %j on time: %s', (facts, expected) => {
    expect(doneOnTime(opinion(facts))).toBe(expected);
  });

  it.each([
    [{ status: 'assigned', dueOn: '2019-06-30' }, '2019-07-01', true],
    [{ status: 'inProgress', dueOn: '2019-06-30' }, '2019-06-30', false],
    [{ status: 'open', dueOn: null }, '2030-01-01', false],
    [{ status: 'done', dueOn: '2019-06-30' }, '2019-07-01', false],
    [{ status: 'closed', dueOn: '2019-06-30' }, '2019-07-01', false],
  ] as [Partial<OpinionFacts>, string, boolean][])(
    'should judge %j on %s overdue: %s',
    (facts, today, expected) => {
      expect(overdue(opinion(facts), today)).toBe(expected);
    },
  );
});
