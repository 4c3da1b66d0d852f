import type { Message } from '../../common/errors.js';
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
