import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What everything below a request (services, the audit trail, the logger) may ask about it.
 * The platform's access layer adds who is acting (`actor`, platform/access/actor.ts).
 */
export interface RequestContext {
  requestId?: string;
  ip: string | null;
  /** The admin session (shared store), for values shown once on the next page (one-time-values). */
  session?: { oneTimeValues?: Record<string, string> };
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `work` with a request context that everything below it can read. Middleware opens one
 * per request; guards and the admin session fill in the actor.
 */
export function runInContext<R>(context: RequestContext, work: () => R): R {
  return storage.run(context, work);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}
