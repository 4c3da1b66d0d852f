import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from './roles.js';
import { DomainError, ErrorCode } from './errors.js';

/** Who is acting: a logged-in user, an external system's API key, or the system itself (jobs, CLI). */
export interface Actor {
  kind: 'user' | 'apiKey' | 'system';
  id: number | null;
  /** Username, API key name or job name, as the audit trail shows it. */
  name: string;
  /** null only for the system itself, which may do everything. */
  role: Role | null;
  committeeId: number | null;
  /** The committees whose records the actor sees (its committee's subtree); null = all. */
  committeeIds: readonly number[] | null;
}

export interface RequestContext {
  requestId?: string;
  ip: string | null;
  actor?: Actor;
  /** The admin session (shared store), for values shown once on the next page (one-time-values). */
  session?: { oneTimeValues?: Record<string, string> };
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `work` with a request context that everything below it (services, the audit trail, the
 * logger) can read. Middleware opens one per request; guards and the admin session fill in the
 * actor.
 */
export function runInContext<R>(context: RequestContext, work: () => R): R {
  return storage.run(context, work);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function setActor(actor: Actor): void {
  const context = storage.getStore();
  if (!context) throw new Error('setActor outside a request context');
  context.actor = actor;
}

/**
 * The current actor. Fails closed: code that reaches a service without an authenticated actor
 * is a bug, answered 401 rather than served.
 */
export function currentActor(): Actor {
  const actor = storage.getStore()?.actor;
  if (!actor) {
    throw new DomainError(ErrorCode.Unauthorized, {
      zh: '未登录或未认证',
      en: 'Not authenticated',
    });
  }
  return actor;
}

export const systemActor = (name: string): Actor => ({
  kind: 'system',
  id: null,
  name,
  role: null,
  committeeId: null,
  committeeIds: null,
});

/** Runs scheduled jobs, the CLI and seeding as the system (all committees, every permission). */
export function runAsSystem<R>(name: string, work: () => R): R {
  return storage.run({ ip: null, actor: systemActor(name) }, work);
}
