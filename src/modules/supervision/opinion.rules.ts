import type { Message } from '../../common/errors.js';
import { defineWorkflow } from '../../platform/records/workflow.js';

/**
 * 意见建议的办理: an opinion raised in supervision is followed to the end, as the issue ([M1]
 * 监督) and DOMAIN.md ("二 监督 … the suggestions they produced, and their follow-up") ask —
 * open (提出) → assigned (交办 to a responsible unit with a due date) → inProgress (办理中) →
 * done (办结, with the completion date), or closed (关闭, with a reason) before it is done.
 * A done opinion is final: closing it would rewrite a finished record.
 */
export const OPINION_STATUSES = ['open', 'assigned', 'inProgress', 'done', 'closed'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** How messages and the panel name each step. */
export const OPINION_STEP_LABELS = {
  assign: '交办',
  start: '开始办理',
  finish: '办结',
  close: '关闭',
} as const;

export const OPINION_WORKFLOW = defineWorkflow({
  field: 'status',
  states: OPINION_STATUSES,
  transitions: {
    assign: { from: ['open'], to: 'assigned' },
    start: { from: ['assigned'], to: 'inProgress' },
    finish: { from: ['inProgress'], to: 'done' },
    close: { from: ['open', 'assigned', 'inProgress'], to: 'closed' },
  },
  labels: OPINION_STEP_LABELS,
});

export type OpinionAction = keyof typeof OPINION_WORKFLOW.transitions;
export const OPINION_ACTIONS = Object.keys(OPINION_WORKFLOW.transitions) as OpinionAction[];

/** States in which an opinion is still being handled (counts as overdue past its due date). */
export const UNFINISHED: readonly OpinionStatus[] = ['open', 'assigned', 'inProgress'];

/** What the rules read of an opinion as it will be after a write (dates are YYYY-MM-DD). */
export interface OpinionFacts {
  status: OpinionStatus;
  raisedOn: string;
  dueOn: string | null;
  completedOn: string | null;
  responsibleUnit: string | null;
  closeReason: string | null;
}

/** A broken rule, naming the field to blame. */
export interface OpinionProblem {
  field: string;
  message: Message;
}

const blank = (value: string | null): boolean => value === null || value.trim() === '';

/**
 * The date order every write keeps: raised no earlier than the supervision activity's day, due
 * and completed no earlier than raised, completed no later than today.
 */
export function dateProblems(
  opinion: OpinionFacts,
  activityDay: string,
  today: string,
): OpinionProblem[] {
  const problems: OpinionProblem[] = [];
  if (opinion.raisedOn < activityDay) {
    problems.push({
      field: 'raisedOn',
      message: {
        zh: `提出日期早于监督活动日期（${activityDay}）`,
        en: `The opinion is raised before its supervision activity (${activityDay})`,
      },
    });
  }
  if (opinion.dueOn !== null && opinion.dueOn < opinion.raisedOn) {
    problems.push({
      field: 'dueOn',
      message: { zh: '办理期限早于提出日期', en: 'The due date is before the raise date' },
    });
  }
  if (opinion.completedOn !== null && opinion.completedOn < opinion.raisedOn) {
    problems.push({
      field: 'completedOn',
      message: { zh: '办结日期早于提出日期', en: 'The completion date is before the raise date' },
    });
  }
  if (opinion.completedOn !== null && opinion.completedOn > today) {
    problems.push({
      field: 'completedOn',
      message: { zh: '办结日期晚于今天', en: 'The completion date is in the future' },
    });
  }
  return problems;
}

/**
 * What a step needs of the opinion as it will be: 交办 a responsible unit and a due date (sent
 * with the step or recorded before), 办结 a completion date, 关闭 a reason.
 */
export function stepProblems(action: OpinionAction, opinion: OpinionFacts): OpinionProblem[] {
  const missing = (field: string, zh: string, en: string): OpinionProblem => ({
    field,
    message: { zh, en },
  });
  switch (action) {
    case 'assign':
      return [
        ...(blank(opinion.responsibleUnit)
          ? [missing('responsibleUnit', '交办须填写责任单位', 'Assigning needs a responsible unit')]
          : []),
        ...(opinion.dueOn === null
          ? [missing('dueOn', '交办须填写办理期限', 'Assigning needs a due date')]
          : []),
      ];
    case 'start':
      return [];
    case 'finish':
      return opinion.completedOn === null
        ? [missing('completedOn', '办结须填写办结日期', 'Finishing needs the completion date')]
        : [];
    case 'close':
      return blank(opinion.closeReason)
        ? [missing('reason', '关闭须填写关闭原因', 'Closing needs a reason')]
        : [];
  }
}

/** Done in time: completed on or before the due date (an opinion without one is not "on time"). */
export function doneOnTime(opinion: Pick<OpinionFacts, 'status' | 'dueOn' | 'completedOn'>) {
  return (
    opinion.status === 'done' &&
    opinion.completedOn !== null &&
    opinion.dueOn !== null &&
    opinion.completedOn <= opinion.dueOn
  );
}

/** Overdue on `today`: still being handled and past its due date. */
export function overdue(opinion: Pick<OpinionFacts, 'status' | 'dueOn'>, today: string): boolean {
  return UNFINISHED.includes(opinion.status) && opinion.dueOn !== null && opinion.dueOn < today;
}

/** The fields each step records besides its note; any other field sent with it is refused. */
export const STEP_FIELDS: Readonly<Record<OpinionAction, readonly string[]>> = {
  assign: ['responsibleUnit', 'dueOn'],
  start: [],
  finish: ['completedOn'],
  close: ['reason'],
};
