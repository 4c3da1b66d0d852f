import type { Message } from '../../common/errors.js';
import {
  allowedActions,
  defineWorkflow,
  transitionTarget,
} from '../../platform/records/workflow.js';

/**
 * 选民意见的办理 ([M2] 联系选民; DOMAIN.md "(六) 联系选民": one chain links voter issue →
 * suggestion → handling unit → reply → satisfaction → feedback to the voter, "so that collected /
 * resolved / escalated / open always add up").
 *
 * registered (登记) → answered (当场答复) | referred (转交办理: a handling unit and a due date;
 * referring again to another unit starts a new round) → resolved (解决) | escalated (转为代表建议:
 * a suggestion created or linked) | declined (不予采纳, with a reason). Each issue has exactly one
 * status, so the outcome counts are a partition:
 *
 *   collected = resolved (answered on the spot + resolved) + escalated + declined + open
 *               (registered + referred)
 *
 * 反馈选民 (feedback: date, satisfaction, note) is recorded once on an issue whose outcome is
 * reached, WITHOUT changing its status: the outcome stays countable and feedback is a second,
 * independent fact (`feedbackOn`). It is a step of its own (its own permission, a timeline
 * entry, 409 INVALID_TRANSITION when not open) — `openSteps` lists it beside the workflow's.
 */
export const VOTER_ISSUE_STATUSES = [
  'registered',
  'answered',
  'referred',
  'resolved',
  'escalated',
  'declined',
] as const;
export type VoterIssueStatus = (typeof VOTER_ISSUE_STATUSES)[number];

/** Where the issue came from (来源). */
export const VOTER_ISSUE_SOURCES = ['visit', 'forum', 'reception', 'phone', 'online'] as const;
export type VoterIssueSource = (typeof VOTER_ISSUE_SOURCES)[number];

/** The activity-kind category an issue's activity must be of, by source (none: no activity). */
export const SOURCE_ACTIVITY_CATEGORY: Readonly<
  Record<VoterIssueSource, 'outreach' | 'station' | null>
> = {
  visit: 'outreach',
  forum: 'outreach',
  reception: 'station',
  phone: null,
  online: null,
};

/** 满意 / 基本满意 / 不满意 (the voter's, at feedback). */
export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** How messages and the panel name each step. */
export const VOTER_ISSUE_STEP_LABELS = {
  answer: '当场答复',
  refer: '转交办理',
  resolve: '解决',
  escalate: '转为代表建议',
  decline: '不予采纳',
  feedback: '反馈选民',
} as const;

/** The status workflow (feedback, which keeps the status, is `FEEDBACK` below). */
export const VOTER_ISSUE_WORKFLOW = defineWorkflow<
  VoterIssueStatus,
  'answer' | 'refer' | 'resolve' | 'escalate' | 'decline'
>({
  field: 'status',
  states: VOTER_ISSUE_STATUSES,
  transitions: {
    answer: { from: ['registered'], to: 'answered' },
    // A unit may be changed (a new referral, a new round and due date).
    refer: { from: ['registered', 'referred'], to: 'referred' },
    resolve: { from: ['registered', 'referred'], to: 'resolved' },
    escalate: { from: ['registered', 'referred'], to: 'escalated' },
    decline: { from: ['registered', 'referred'], to: 'declined' },
  },
  labels: VOTER_ISSUE_STEP_LABELS,
});

export type VoterIssueWorkflowAction = keyof typeof VOTER_ISSUE_WORKFLOW.transitions;
export type VoterIssueStep = VoterIssueWorkflowAction | 'feedback';
export const VOTER_ISSUE_STEPS = [
  ...(Object.keys(VOTER_ISSUE_WORKFLOW.transitions) as VoterIssueWorkflowAction[]),
  'feedback',
] as VoterIssueStep[];

/** Statuses in which the outcome is reached (feedback may be given). */
export const CLOSED_STATUSES: readonly VoterIssueStatus[] = [
  'answered',
  'resolved',
  'escalated',
  'declined',
];

/** 反馈选民: once, from a reached outcome; the status stays. */
export const FEEDBACK = { from: CLOSED_STATUSES } as const;

/** The outcome a status counts under (answered on the spot counts as resolved). */
export const OUTCOMES = ['resolved', 'escalated', 'declined', 'open'] as const;
export type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_OF: Readonly<Record<VoterIssueStatus, Outcome>> = {
  registered: 'open',
  referred: 'open',
  answered: 'resolved',
  resolved: 'resolved',
  escalated: 'escalated',
  declined: 'declined',
};
export const outcomeOf = (status: VoterIssueStatus): Outcome => OUTCOME_OF[status];

/** What a step reads of an issue. */
export interface StepState {
  status: VoterIssueStatus;
  feedbackOn: string | null;
}

/** The steps open from an issue's state, in the workflow's order, feedback last. */
export function openSteps(issue: StepState): VoterIssueStep[] {
  const steps: VoterIssueStep[] = allowedActions(VOTER_ISSUE_WORKFLOW, issue.status);
  if (FEEDBACK.from.includes(issue.status) && issue.feedbackOn === null) steps.push('feedback');
  return steps;
}

/**
 * The state after `step` on day `on`, or null when the step may not start from it (the caller
 * answers 409 with `openSteps`). The one definition the service and the property test use.
 */
export function stepResult(issue: StepState, step: string, on: string): StepState | null {
  if (!(openSteps(issue) as string[]).includes(step)) return null;
  if (step === 'feedback') return { status: issue.status, feedbackOn: on };
  const to = transitionTarget(VOTER_ISSUE_WORKFLOW, issue.status, step);
  return to === null ? null : { status: to, feedbackOn: issue.feedbackOn };
}

/** The fields each step records besides its date (`on`) and note; any other is refused (400). */
export const STEP_FIELDS: Readonly<Record<VoterIssueStep, readonly string[]>> = {
  answer: ['resolution'],
  refer: ['handlingUnitId', 'dueOn'],
  resolve: ['resolution'],
  escalate: ['suggestionId', 'suggestion'],
  decline: ['reason'],
  feedback: ['satisfaction'],
};

/** A broken rule, naming the field to blame. */
export interface VoterIssueProblem {
  field: string;
  message: Message;
}

/** What the step rules read of the step's input and the issue (dates YYYY-MM-DD). */
export interface StepInput {
  on: string;
  receivedOn: string;
  /** The current referral's date (a step from `referred` is not dated before it). */
  referredOn?: string | null;
  /** When the outcome was reached (feedback is not dated before it). */
  closedOn?: string | null;
  today: string;
  resolution?: string | null;
  handlingUnitId?: number | null;
  dueOn?: string | null;
  suggestionId?: number | null;
  suggestion?: object | null;
  reason?: string | null;
  satisfaction?: string | null;
}

const blank = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value.trim() === '';

/**
 * What a step needs: its date not before the issue was received, nor before the current
 * referral (a step from 已转交: 解决, 不予采纳, 转为代表建议, a new referral), nor — feedback —
 * before the outcome was reached, nor after today; 当场答复 and
 * 解决 what was done; 转交办理 a unit and a due date not before the referral; 转为代表建议 either
 * an existing suggestion or a new one's fields (not both); 不予采纳 a reason; 反馈选民 the
 * voter's satisfaction.
 */
export function stepProblems(step: VoterIssueStep, input: StepInput): VoterIssueProblem[] {
  const problems: VoterIssueProblem[] = [];
  const need = (field: string, zh: string, en: string) =>
    problems.push({ field, message: { zh, en } });
  if (input.on < input.receivedOn) {
    need('on', '办理日期早于受理日期', 'The step is dated before the issue was received');
  } else if (step !== 'feedback' && input.referredOn && input.on < input.referredOn) {
    need('on', '办理日期早于转交日期', 'The step is dated before the issue was referred');
  } else if (step === 'feedback' && input.closedOn && input.on < input.closedOn) {
    need('on', '反馈日期早于办结日期', 'The feedback is dated before the outcome was reached');
  }
  if (input.on > input.today) need('on', '办理日期晚于今天', 'The step is dated in the future');
  switch (step) {
    case 'answer':
      if (blank(input.resolution)) {
        need('resolution', '当场答复须填写答复内容', 'An answer needs its content');
      }
      break;
    case 'resolve':
      if (blank(input.resolution)) {
        need('resolution', '解决须填写解决情况', 'Resolving needs what was done');
      }
      break;
    case 'refer':
      if (!input.handlingUnitId) {
        need('handlingUnitId', '转交办理须选择承办单位', 'Referring needs a handling unit');
      }
      if (!input.dueOn) need('dueOn', '转交办理须填写办理期限', 'Referring needs a due date');
      else if (input.dueOn < input.on) {
        need('dueOn', '办理期限早于转交日期', 'The due date is before the referral');
      }
      break;
    case 'escalate': {
      const linked = Boolean(input.suggestionId);
      const created = Boolean(input.suggestion);
      if (linked === created) {
        need(
          'suggestionId',
          '转为代表建议须关联一条已有建议（suggestionId）或填写新建议（suggestion），二者选一',
          'Escalating needs either an existing suggestion or a new one, not both',
        );
      }
      break;
    }
    case 'decline':
      if (blank(input.reason)) need('reason', '不予采纳须说明理由', 'Declining needs a reason');
      break;
    case 'feedback':
      if (!input.satisfaction) {
        need('satisfaction', '反馈选民须填写满意度', 'Feedback needs the satisfaction');
      }
      break;
  }
  return problems;
}

/** One issue as the summary reads it. */
export interface IssueFacts {
  id: number;
  status: VoterIssueStatus;
  feedbackOn: string | null;
  /** The category's key (code) and label. */
  category: { key: string; label: string };
  /** The community's key (id, or `none`) and name. */
  community: { key: string; label: string };
  source: VoterIssueSource;
}

/** A group of issue ids with its label. */
export interface IssueGroup {
  key: string;
  label: string;
  ids: number[];
}

/** The summary counts: each a list of ids, so a count never differs from its records. */
export interface IssueSummary {
  collected: number[];
  byOutcome: Record<Outcome, number[]>;
  byStatus: Record<VoterIssueStatus, number[]>;
  byCategory: IssueGroup[];
  byCommunity: IssueGroup[];
  bySource: Record<VoterIssueSource, number[]>;
  /** Issues whose voter has heard back (a subset of the closed ones, not a breakdown). */
  fedBack: number[];
}

function groupBy(
  issues: readonly IssueFacts[],
  key: (i: IssueFacts) => { key: string; label: string },
) {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const { key: k, label } = key(issue);
    const group = groups.get(k) ?? { key: k, label, ids: [] };
    group.ids.push(issue.id);
    groups.set(k, group);
  }
  return [...groups.values()];
}

/**
 * 收集整理问题 X 个，已解决 X 个 …: every issue counts once under its outcome, its status, its
 * category, its community and its source, so each breakdown adds up to `collected`.
 */
export function summarise(issues: readonly IssueFacts[]): IssueSummary {
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, [] as number[]])) as Record<
    Outcome,
    number[]
  >;
  const byStatus = Object.fromEntries(
    VOTER_ISSUE_STATUSES.map((s) => [s, [] as number[]]),
  ) as Record<VoterIssueStatus, number[]>;
  const bySource = Object.fromEntries(
    VOTER_ISSUE_SOURCES.map((s) => [s, [] as number[]]),
  ) as Record<VoterIssueSource, number[]>;
  for (const issue of issues) {
    byOutcome[outcomeOf(issue.status)].push(issue.id);
    byStatus[issue.status].push(issue.id);
    bySource[issue.source].push(issue.id);
  }
  return {
    collected: issues.map((issue) => issue.id),
    byOutcome,
    byStatus,
    byCategory: groupBy(issues, (issue) => issue.category),
    byCommunity: groupBy(issues, (issue) => issue.community),
    bySource,
    fedBack: issues.filter((issue) => issue.feedbackOn !== null).map((issue) => issue.id),
  };
}

/** The report's sentence (一(六)): "X 名代表走访联系 X 名选民，收集整理问题 X 个，已解决 X 个". */
export function outreachSentence(figures: {
  deputies: number;
  voters: number;
  collected: number;
  resolved: number;
}): string {
  return `${figures.deputies} 名代表走访联系 ${figures.voters} 名选民，收集整理问题 ${figures.collected} 个，已解决 ${figures.resolved} 个`;
}
