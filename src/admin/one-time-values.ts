import type { ActionRequest, ActionResponse, After } from 'adminjs';
import { openSecret, sealSecret } from '../common/personal-data.js';
import { requestContext } from '../common/request-context.js';

/** The virtual property a record's show page displays a one-time value in. */
export const ONE_TIME_VALUE = 'oneTimeValue';

const slot = (resourceId: string, recordId: string | number) => `${resourceId}:${recordId}`;

/**
 * Keeps a value to show once on the record's next show page: a new API key, a temporary
 * password, a revealed phone number. It waits in the admin session (the shared store, so any
 * instance can show it), encrypted, and is gone once shown. A notice would vanish in seconds.
 */
export function keepOneTimeValue(resourceId: string, recordId: string | number, value: string) {
  const session = requestContext()?.session;
  if (!session) throw new Error('one-time values need an admin session');
  session.oneTimeValues = {
    ...session.oneTimeValues,
    [slot(resourceId, recordId)]: sealSecret(value),
  };
}

function takeOneTimeValue(resourceId: string, recordId: string | number): string | undefined {
  const session = requestContext()?.session;
  const key = slot(resourceId, recordId);
  const sealed = session?.oneTimeValues?.[key];
  if (!session?.oneTimeValues || sealed === undefined) return undefined;
  const { [key]: _shown, ...rest } = session.oneTimeValues;
  session.oneTimeValues = rest;
  return openSecret(sealed);
}

/** `show` after-hook: puts a waiting one-time value into the record shown. */
export const showOneTimeValue: After<ActionResponse> = (
  response,
  _request: ActionRequest,
  context,
) => {
  const record = response.record as { id?: string; params: Record<string, unknown> } | undefined;
  const recordId = context.record?.id();
  if (record && recordId !== undefined) {
    const value = takeOneTimeValue(context.resource.id(), recordId);
    if (value !== undefined) record.params[ONE_TIME_VALUE] = value;
  }
  return response;
};
