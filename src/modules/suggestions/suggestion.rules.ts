import type { Message } from '../../common/errors.js';
import {
  addCalendarMonths,
  addWorkingDays,
  onOrNextWorkingDay,
  type WorkingDayCalendar,
} from '../../common/working-days.rules.js';
import { defineWorkflow } from '../../platform/records/workflow.js';

/**
 * 代表建议的办理 (DOMAIN.md "Suggestion handling"): registered (登记) → assigned (交办 to a lead
 * unit and co-units) → returned (退回, by the unit within 7 working days) → assigned again …;
 * assigned → replied (答复, class A–D; one extension of the reply period before it) → the lead
 * deputy's evaluation: 不满意 → rehandling (reply again within a month) → replied …; 满意 or
 * 基本满意 with class A or D → closed (办结); with B or C → tracking until solved → closed.
 */
export const SUGGESTION_STATUSES = [
  'registered',
  'assigned',
  'returned',
  'replied',
  'rehandling',
  'tracking',
  'closed',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** 答复类别: A 已解决 / B 正在解决 / C 计划解决 / D 留作参考. */
export const REPLY_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

/** 代表评价: 满意 / 基本满意 / 不满意. */
export const SUGGESTION_EVALUATIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type SuggestionEvaluation = (typeof SUGGESTION_EVALUATIONS)[number];

/** How messages and the panel name each step (督办 is a timeline entry, not a transition). */
export const SUGGESTION_STEP_LABELS = {
  assign: '交办',
  return: '退回',
  extend: '申请延期',
  reply: '答复',
  evaluate: '评价',
  solve: '办结',
} as const;

/**
 * The steps as the API and the panel offer them. `evaluate` leads to rehandling, tracking or
 * closed by the evaluation and the reply's class (`evaluationOutcome`); its `to` here is only
 * the satisfied A/D case.
 */
export const SUGGESTION_WORKFLOW = defineWorkflow({
  field: 'status',
  states: SUGGESTION_STATUSES,
  transitions: {
    assign: { from: ['registered', 'returned'], to: 'assigned' },
    return: { from: ['assigned'], to: 'returned' },
    extend: { from: ['assigned'], to: 'assigned' },
    reply: { from: ['assigned', 'rehandling'], to: 'replied' },
    evaluate: { from: ['replied'], to: 'closed' },
    solve: { from: ['tracking'], to: 'closed' },
  },
  labels: SUGGESTION_STEP_LABELS,
});

export type SuggestionAction = keyof typeof SUGGESTION_WORKFLOW.transitions;
export const SUGGESTION_ACTIONS = Object.keys(
  SUGGESTION_WORKFLOW.transitions,
) as SuggestionAction[];

/** States in which a suggestion is still open (督办 allowed, counted as pending). */
export const OPEN_STATUSES: readonly SuggestionStatus[] = SUGGESTION_STATUSES.filter(
  (status) => status !== 'closed',
);

/** A broken rule, naming the field to blame. */
export interface SuggestionProblem {
  field: string;
  message: Message;
}

/**
 * The same steps as the service runs them: `evaluate` split by its outcome, so that each
 * internal action has one target (the API and the panel name all three `evaluate`).
 */
export const SUGGESTION_STEPS = defineWorkflow({
  field: 'status',
  states: SUGGESTION_STATUSES,
  transitions: {
    assign: SUGGESTION_WORKFLOW.transitions.assign,
    return: SUGGESTION_WORKFLOW.transitions.return,
    extend: SUGGESTION_WORKFLOW.transitions.extend,
    reply: SUGGESTION_WORKFLOW.transitions.reply,
    evaluate: SUGGESTION_WORKFLOW.transitions.evaluate,
    evaluateToTracking: { from: ['replied'], to: 'tracking' },
    evaluateToRehandling: { from: ['replied'], to: 'rehandling' },
    solve: SUGGESTION_WORKFLOW.transitions.solve,
  },
  labels: { ...SUGGESTION_STEP_LABELS, evaluateToTracking: '评价', evaluateToRehandling: '评价' },
});
export type SuggestionStep = keyof typeof SUGGESTION_STEPS.transitions;

/** The periods (app config `suggestions`, env SUGGESTION_*). */
export interface SuggestionPeriods {
  assignWorkingDays: number;
  returnWorkingDays: number;
  replyMonths: number;
  extensionMaxMonths: number;
  rehandlingMonths: number;
}

/** DOMAIN.md's typical provincial rules (the config's defaults). */
export const DEFAULT_PERIODS: SuggestionPeriods = {
  assignWorkingDays: 5,
  returnWorkingDays: 7,
  replyMonths: 3,
  extensionMaxMonths: 3,
  rehandlingMonths: 1,
};

/** 交办期限: the last day to assign a registered suggestion (a warning, never a refusal). */
export const assignmentDue = (
  registeredOn: string,
  periods: SuggestionPeriods,
  calendar: WorkingDayCalendar,
): string => addWorkingDays(registeredOn, periods.assignWorkingDays, calendar);

/** 退回期限: the last day the unit may return it (assignment + N working days). */
export const returnDue = (
  assignedOn: string,
  periods: SuggestionPeriods,
  calendar: WorkingDayCalendar,
): string => addWorkingDays(assignedOn, periods.returnWorkingDays, calendar);

/** 答复期限: assignment + N calendar months, moved to the next working day. */
export const replyDue = (
  assignedOn: string,
  periods: SuggestionPeriods,
  calendar: WorkingDayCalendar,
): string => onOrNextWorkingDay(addCalendarMonths(assignedOn, periods.replyMonths), calendar);

/** 重新办理的答复期限: the 不满意 evaluation + N months, moved to the next working day. */
export const rehandlingDue = (
  evaluatedOn: string,
  periods: SuggestionPeriods,
  calendar: WorkingDayCalendar,
): string => onOrNextWorkingDay(addCalendarMonths(evaluatedOn, periods.rehandlingMonths), calendar);

/** The latest reply due date an extension may set: the current one + N months (next working day). */
export const extensionLimit = (
  dueOn: string,
  periods: SuggestionPeriods,
  calendar: WorkingDayCalendar,
): string => onOrNextWorkingDay(addCalendarMonths(dueOn, periods.extensionMaxMonths), calendar);

/** Where an evaluation leads: 不满意 → re-handling; else A/D → closed, B/C → tracked until solved. */
export function evaluationOutcome(
  evaluation: SuggestionEvaluation,
  replyClass: ReplyClass | null,
): 'rehandling' | 'tracking' | 'closed' {
  if (evaluation === 'dissatisfied') return 'rehandling';
  return replyClass === 'B' || replyClass === 'C' ? 'tracking' : 'closed';
}

/** States with a reply due (the unit is handling it). */
export const REPLY_PENDING: readonly SuggestionStatus[] = ['assigned', 'rehandling'];

/** What the rules read of a suggestion (dates are YYYY-MM-DD). */
export interface SuggestionFacts {
  status: SuggestionStatus;
  round: number;
  registeredOn: string;
  assignedOn: string | null;
  /** The last return (退回日期): a re-assignment is not dated before it. */
  returnedOn: string | null;
  leadUnitId: number | null;
  dueOn: string | null;
  returnDueOn: string | null;
  extensionApprovedOn: string | null;
  repliedOn: string | null;
  replyClass: ReplyClass | null;
  evaluatedOn: string | null;
}

/** Overdue as of `asOf`: a reply is due (assigned or re-handling) and its due date has passed. */
export const replyOverdue = (
  suggestion: Pick<SuggestionFacts, 'status' | 'dueOn'>,
  asOf: string,
): boolean =>
  REPLY_PENDING.includes(suggestion.status) && suggestion.dueOn !== null && suggestion.dueOn < asOf;

/** Not assigned yet past the assignment period, as of `asOf`. */
export const assignmentOverdue = (
  suggestion: Pick<SuggestionFacts, 'status' | 'registeredOn'>,
  asOf: string,
  periods: SuggestionPeriods,
  calendar: WorkingDayCalendar,
): boolean =>
  suggestion.status === 'registered' &&
  assignmentDue(suggestion.registeredOn, periods, calendar) < asOf;

/** What a step carries (the DTO's fields, dates already defaulted to today). */
export interface StepInput {
  /** The step's own date (交办/退回/答复/评价/解决日期). */
  on: string;
  leadUnitId?: number;
  reason?: string;
  dueOn?: string;
  approvedBy?: string;
  approvedOn?: string;
  replyText?: string;
  replyClass?: ReplyClass;
  evaluation?: SuggestionEvaluation;
}

/** The fields a step writes (besides the status, which its transition sets) and a note for the timeline. */
export interface StepPlan {
  /** The internal action (SUGGESTION_STEPS) the service transitions by. */
  step: SuggestionStep;
  changes: Record<string, unknown>;
  /** What the timeline should add to the user's note (a late assignment). */
  flag: string | null;
}

export interface StepContext {
  today: string;
  periods: SuggestionPeriods;
  calendar: WorkingDayCalendar;
}

const problem = (field: string, zh: string, en: string): SuggestionProblem => ({
  field,
  message: { zh, en },
});

/** The step's date: not in the future, not before `earliest` (named by `what`). */
function dateProblems(
  field: string,
  on: string,
  earliest: string | null,
  what: string,
  today: string,
): SuggestionProblem[] {
  const problems: SuggestionProblem[] = [];
  if (on > today) problems.push(problem(field, '日期晚于今天', 'The date is in the future'));
  if (earliest !== null && on < earliest) {
    problems.push(
      problem(field, `日期早于${what}（${earliest}）`, `The date is before ${earliest} (${what})`),
    );
  }
  return problems;
}

/**
 * One step planned on the suggestion as it is: the problems that refuse it (422, nothing written),
 * or the fields it writes. The status check (409) comes first, in the service.
 */
export function planStep(
  action: SuggestionAction,
  facts: SuggestionFacts,
  input: StepInput,
  context: StepContext,
): { problems: SuggestionProblem[] } | { problems: []; plan: StepPlan } {
  const { today, periods, calendar } = context;
  const on = input.on;
  const problems: SuggestionProblem[] = [];
  const ok = (
    step: SuggestionStep,
    changes: Record<string, unknown>,
    flag: string | null = null,
  ) => (problems.length > 0 ? { problems } : { problems: [] as [], plan: { step, changes, flag } });
  switch (action) {
    case 'assign': {
      const returned = facts.status === 'returned' && facts.returnedOn !== null;
      problems.push(
        ...dateProblems(
          'assignedOn',
          on,
          returned ? facts.returnedOn : facts.registeredOn,
          returned ? '退回日期' : '登记日期',
          today,
        ),
      );
      if (input.leadUnitId === undefined) {
        problems.push(problem('leadUnitId', '交办须指定主办单位', 'Assigning needs a lead unit'));
      }
      const due = assignmentDue(facts.registeredOn, periods, calendar);
      const late =
        facts.status === 'registered' && on > due
          ? `逾期交办：应于 ${due} 前交办 / assigned after the assignment deadline ${due}`
          : null;
      return ok(
        'assign',
        {
          assignedOn: on,
          leadUnitId: input.leadUnitId,
          dueOn: replyDue(on, periods, calendar),
          returnDueOn: returnDue(on, periods, calendar),
        },
        late,
      );
    }
    case 'return': {
      problems.push(...dateProblems('returnedOn', on, facts.assignedOn, '交办日期', today));
      if (facts.returnDueOn !== null && on > facts.returnDueOn) {
        problems.push(
          problem(
            'returnedOn',
            `已超过退回期限（${facts.returnDueOn}，交办后 ${periods.returnWorkingDays} 个工作日内），不能退回`,
            `The return window ended on ${facts.returnDueOn} (${periods.returnWorkingDays} working days after assignment)`,
          ),
        );
      }
      if (!input.reason) {
        problems.push(problem('reason', '退回须填写理由', 'Returning needs a reason'));
      }
      return ok('return', {
        returnedOn: on,
        returnReason: input.reason,
        leadUnitId: null,
        dueOn: null,
        returnDueOn: null,
        // The one extension is per assignment: the unit it is next assigned to may extend once.
        extensionReason: null,
        extensionApprovedBy: null,
        extensionApprovedOn: null,
      });
    }
    case 'extend': {
      if (facts.extensionApprovedOn !== null) {
        problems.push(
          problem(
            'action',
            `已延期一次（${facts.extensionApprovedOn} 批准），不能再次延期`,
            `Already extended once (approved ${facts.extensionApprovedOn}); no second extension`,
          ),
        );
      }
      const approvedOn = input.approvedOn ?? null;
      if (approvedOn === null) {
        problems.push(
          problem('approvedOn', '延期须填写批准日期', 'Extending needs the approval date'),
        );
      } else {
        problems.push(
          ...dateProblems('approvedOn', approvedOn, facts.assignedOn, '交办日期', today),
        );
        if (facts.dueOn !== null && approvedOn > facts.dueOn) {
          problems.push(
            problem(
              'approvedOn',
              `答复期限（${facts.dueOn}）已过，不能再批准延期`,
              `The reply was due on ${facts.dueOn}; an extension approved after it is refused`,
            ),
          );
        }
      }
      if (!input.approvedBy) {
        problems.push(problem('approvedBy', '延期须填写批准人', 'Extending needs who approved it'));
      }
      if (!input.reason) {
        problems.push(problem('reason', '延期须填写理由', 'Extending needs a reason'));
      }
      if (input.dueOn === undefined) {
        problems.push(
          problem('dueOn', '延期须填写新的答复期限', 'Extending needs the new due date'),
        );
      } else if (facts.dueOn !== null) {
        const limit = extensionLimit(facts.dueOn, periods, calendar);
        if (input.dueOn <= facts.dueOn) {
          problems.push(
            problem(
              'dueOn',
              `新的答复期限须晚于原期限（${facts.dueOn}）`,
              `The new due date must be after ${facts.dueOn}`,
            ),
          );
        } else if (input.dueOn > limit) {
          problems.push(
            problem(
              'dueOn',
              `延期最长 ${periods.extensionMaxMonths} 个月，新的答复期限不得晚于 ${limit}`,
              `An extension is at most ${periods.extensionMaxMonths} months: due no later than ${limit}`,
            ),
          );
        }
      }
      return ok('extend', {
        dueOn: input.dueOn,
        extensionReason: input.reason,
        extensionApprovedBy: input.approvedBy,
        extensionApprovedOn: approvedOn,
      });
    }
    case 'reply': {
      const since = facts.status === 'rehandling' ? facts.evaluatedOn : facts.assignedOn;
      problems.push(
        ...dateProblems(
          'repliedOn',
          on,
          since,
          facts.status === 'rehandling' ? '评价日期' : '交办日期',
          today,
        ),
      );
      if (!input.replyText) {
        problems.push(problem('replyText', '答复须填写答复内容', 'Replying needs the text'));
      }
      if (!input.replyClass) {
        problems.push(
          problem('replyClass', '答复须选择答复类别（A/B/C/D）', 'Replying needs a class A–D'),
        );
      }
      return ok('reply', {
        repliedOn: on,
        replyText: input.replyText,
        replyClass: input.replyClass,
      });
    }
    case 'evaluate': {
      problems.push(...dateProblems('evaluatedOn', on, facts.repliedOn, '答复日期', today));
      if (!input.evaluation) {
        problems.push(
          problem(
            'evaluation',
            '评价须选择满意、基本满意或不满意',
            'Evaluating needs an evaluation',
          ),
        );
        return { problems };
      }
      const outcome = evaluationOutcome(input.evaluation, facts.replyClass);
      const changes: Record<string, unknown> = { evaluation: input.evaluation, evaluatedOn: on };
      if (outcome === 'rehandling') {
        return ok('evaluateToRehandling', {
          ...changes,
          round: facts.round + 1,
          dueOn: rehandlingDue(on, periods, calendar),
        });
      }
      if (outcome === 'tracking') return ok('evaluateToTracking', changes);
      return ok('evaluate', { ...changes, closedOn: on });
    }
    case 'solve':
      problems.push(...dateProblems('solvedOn', on, facts.evaluatedOn, '评价日期', today));
      return ok('solve', { solvedOn: on, closedOn: on });
  }
}

/** The fields each step takes besides its note; any other field sent with it is refused (400). */
export const STEP_FIELDS: Readonly<Record<SuggestionAction, readonly string[]>> = {
  assign: ['assignedOn', 'leadUnitId', 'coUnitIds'],
  return: ['returnedOn', 'reason'],
  extend: ['dueOn', 'reason', 'approvedBy', 'approvedOn'],
  reply: ['repliedOn', 'replyText', 'replyClass'],
  evaluate: ['evaluation', 'evaluatedOn'],
  solve: ['solvedOn'],
};
