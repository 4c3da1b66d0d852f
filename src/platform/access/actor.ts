import type { Role } from '../../common/roles.js';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { requestContext, runInContext } from '../../common/request-context.js';

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

declare module '../../common/request-context.js' {
  interface RequestContext {
    /** Who is acting, set by the API-key guard, the admin session or runAsSystem. */
    actor?: Actor;
  }
}

export function setActor(actor: Actor): void {
  const context = requestContext();
  if (!context) throw new Error('setActor outside a request context');
  context.actor = actor;
}

/**
 * The current actor. Fails closed: code that reaches a service without an authenticated actor
 * is a bug, answered 401 rather than served.
 */
export function currentActor(): Actor {
  const actor = requestContext()?.actor;
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
  return runInContext({ ip: null, actor: systemActor(name) }, work);
}
