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
