import {
  DomainError,
  ErrorCode,
  invalidInput,
  type Message,
  type RecordName,
} from '../../common/errors.js';

/**
 * A record's workflow: the states of the field it owns (`status`) and the named transitions
 * between them. The owned field changes only through a transition, never through a generic
 * update (STYLE.md: "A workflow's status changes only through its transitions"), so every change
 * of state is one audited use case whose rules can be checked.
 */
export interface Workflow<S extends string = string, A extends string = string> {
  /** The field the workflow owns. */
  field: string;
  states: readonly S[];
  /** Each action: the states it may start from, and the state it leads to. */
  transitions: Readonly<Record<A, { from: readonly S[]; to: S }>>;
  /** How messages name each action (`提交 / submit`); the action's own name otherwise. */
  labels?: Readonly<Partial<Record<A, string>>>;
}

export function defineWorkflow<S extends string, A extends string>(
  workflow: Workflow<S, A>,
): Workflow<S, A> {
  for (const [action, { from, to }] of Object.entries<{ from: readonly S[]; to: S }>(
    workflow.transitions,
  )) {
    const unknown = [...from, to].filter((state) => !workflow.states.includes(state));
    if (unknown.length > 0) {
      throw new Error(
        `workflow transition '${action}' names unknown states: ${unknown.join(', ')}`,
      );
    }
  }
  return workflow;
}

/** The actions that may start from `state`, in the order the workflow declares them. */
export function allowedActions<S extends string, A extends string>(
  workflow: Workflow<S, A>,
  state: unknown,
): A[] {
  return (Object.keys(workflow.transitions) as A[]).filter((action) =>
    (workflow.transitions[action].from as readonly unknown[]).includes(state),
  );
}

/** The state `action` leads to from `state`, or null when it may not start there (or is unknown). */
export function transitionTarget<S extends string, A extends string>(
  workflow: Workflow<S, A>,
  state: unknown,
  action: string,
): S | null {
  if (!Object.hasOwn(workflow.transitions, action)) return null;
  const transition = workflow.transitions[action as A];
  return (transition.from as readonly unknown[]).includes(state) ? transition.to : null;
}

/** The actions as messages list them: `submit（提交）, withdraw`. */
export function actionList(workflow: Workflow, actions: readonly string[]): string {
  if (actions.length === 0) return '-';
  const labels = workflow.labels;
  return actions
    .map((action) => (labels?.[action] ? `${action}（${labels[action]}）` : action))
    .join(', ');
}

/** A workflow refusal: 409 with the actions open from `state` (in `allowed` and in details). */
function refusal(
  code: ErrorCode.WorkflowField | ErrorCode.InvalidTransition,
  workflow: Workflow,
  state: unknown,
  field: string,
  message: (actions: string, allowed: string) => Message,
): DomainError {
  const allowed = allowedActions(workflow, state);
  const actions = actionList(workflow, allowed);
  const en = allowed.join(', ') || '-';
  return new DomainError(
    code,
    message(actions, en),
    [{ field, problem: `可执行：${actions} / allowed: ${en}` }],
    undefined,
    allowed,
  );
}

/** 409 `WORKFLOW_FIELD`: a generic update would change the field the workflow owns. */
export function workflowFieldRefusal(
  name: RecordName,
  workflow: Workflow,
  state: unknown,
): DomainError {
  return refusal(ErrorCode.WorkflowField, workflow, state, workflow.field, (actions, allowed) => ({
    zh: `${name.zh}的“${workflow.field}”只能通过流转操作修改，当前可执行：${actions}`,
    en: `${name.en}'s ${workflow.field} changes only through a transition; allowed now: ${allowed}`,
  }));
}

/** 409 `INVALID_TRANSITION`: the action may not start from the record's state. */
export function invalidTransition(
  name: RecordName,
  workflow: Workflow,
  state: unknown,
  action: string,
): DomainError {
  return refusal(ErrorCode.InvalidTransition, workflow, state, 'action', (actions, allowed) => ({
    zh: `${name.zh}当前状态（${String(state)}）不能执行“${action}”，可执行：${actions}`,
    en: `${name.en} in state ${String(state)} cannot ${action}; allowed: ${allowed}`,
  }));
}

/**
 * 400 naming each field sent with a step that is not one of the step's own (`stepFields`);
 * `action` and absent (undefined) fields are ignored.
 */
export function refuseForeignStepFields(
  fields: Readonly<Record<string, unknown>>,
  stepFields: readonly string[],
  action: string,
  label: string = action,
): void {
  const foreign = Object.entries(fields)
    .filter(([field, value]) => field !== 'action' && value !== undefined)
    .map(([field]) => field)
    .filter((field) => !stepFields.includes(field));
  if (foreign.length > 0) {
    throw invalidInput(
      foreign.map((field) => ({
        field,
        problem: `不适用于“${label}”操作 / not a field of ${action}`,
      })),
    );
  }
}
