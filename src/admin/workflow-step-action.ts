import type { ActionContext, ActionRequest } from 'adminjs';
import { DomainError } from '../common/errors.js';
import type { Action, ResourceId } from '../platform/access/permissions.js';
import { allowed, showPageOf, type AdminActions } from './admin-access.js';
import { COMPONENTS } from './components/components.js';

/** One workflow step's form: what it says, its fields, its button and its success notice. */
export interface StepForm {
  intro: string;
  fields: object[];
  submitLabel: string;
  done: string;
  icon: string;
}

/**
 * A workflow step as a record action with a form (WorkflowStep, docs/areas/supervision.md): shown
 * and open only for a role with the step's permission and from a state the step may start from
 * (`isOpen` on the record's params). Loading the form (the panel's first call, without `step`)
 * only returns the record; sending it runs `run` — the API's use case — with what the form sent,
 * and a refusal comes back as an error notice naming the fields.
 */
export function workflowStepAction(options: {
  resource: ResourceId;
  step: Action;
  form: StepForm;
  isOpen: (params: Record<string, unknown>) => boolean;
  run: (id: number, payload: Record<string, unknown>) => Promise<unknown>;
}): AdminActions[string] {
  const { step, form } = options;
  const mayAct = allowed(options.resource, step);
  return {
    actionType: 'record',
    component: COMPONENTS.WorkflowStep,
    icon: form.icon,
    custom: { intro: form.intro, fields: form.fields, submitLabel: form.submitLabel },
    isAccessible: (context: ActionContext) =>
      mayAct(context) && (!context.record || options.isOpen(context.record.params)),
    handler: async (request: ActionRequest, _response, context) => {
      const record = context.record;
      if (!record) throw new Error(`${step} needs a record`);
      const payload = request.payload as Record<string, unknown> | undefined;
      if (payload?.step !== step) return { record: record.toJSON(context.currentAdmin) };
      try {
        await options.run(Number(record.id()), payload);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const problems = error.details.map((d) => `${d.field}：${d.problem}`).join('；');
        return {
          record: record.toJSON(context.currentAdmin),
          notice: {
            message: `${error.bilingual.zh}${problems ? `（${problems}）` : ''}`,
            type: 'error',
          },
        };
      }
      return {
        record: record.toJSON(context.currentAdmin),
        redirectUrl: showPageOf(context, record.id()),
        notice: { message: form.done, type: 'success' },
      };
    },
  };
}
