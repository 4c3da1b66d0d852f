import { DomainError } from '../../common/errors.js';
import {
  actionList,
  allowedActions,
  defineWorkflow,
  refuseForeignStepFields,
  transitionTarget,
} from './workflow.js';

const sut = defineWorkflow({
  field: 'status',
  states: ['draft', 'submitted', 'answered', 'closed'],
  transitions: {
    submit: { from: ['draft'], to: 'submitted' },
    answer: { from: ['submitted'], to: 'answered' },
    close: { from: ['submitted', 'answered'], to: 'closed' },
  },
  labels: { submit: '提交', close: '办结' },
});

describe('workflow', () => {
  it.each([
    ['draft', ['submit']],
    ['submitted', ['answer', 'close']],
    ['answered', ['close']],
    ['closed', []],
    ['unknown', []],
  ])('should allow from %s the actions %j', (state, actions) => {
    expect(allowedActions(sut, state)).toEqual(actions);
  });

  it.each([
    ['draft', 'submit', 'submitted'],
    ['answered', 'close', 'closed'],
    ['draft', 'close', null],
    ['closed', 'submit', null],
    ['draft', 'toString', null],
    ['draft', 'nonsense', null],
  ])('should lead from %s by %s to %s', (state, action, to) => {
    expect(transitionTarget(sut, state, action)).toBe(to);
  });

  it('should name actions with their labels when it lists them', () => {
    expect(actionList(sut, ['submit', 'answer'])).toBe('submit（提交）, answer');
    expect(actionList(sut, [])).toBe('-');
  });

  it('should refuse a transition that names an unknown state', () => {
    expect(() =>
      defineWorkflow({
        field: 'status',
        states: ['open'],
        transitions: { close: { from: ['open'], to: 'closed' as 'open' } },
      }),
    ).toThrow(/unknown states: closed/);
  });

  it("should refuse with 400 each field that is not the step's, ignoring the action and absent ones", () => {
    expect(() =>
      refuseForeignStepFields(
        { action: 'close', reason: 'r', note: undefined },
        ['reason'],
        'close',
      ),
    ).not.toThrow();
    let refused: unknown;
    try {
      refuseForeignStepFields(
        { reason: 'r', dueOn: '2020-01-01', unit: 'u' },
        ['reason'],
        'close',
        '办结',
      );
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).details.map((d) => d.field)).toEqual(['dueOn', 'unit']);
    expect((refused as DomainError).details[0].problem).toContain('办结');
  });
});
