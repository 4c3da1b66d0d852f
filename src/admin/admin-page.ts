import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { Clock } from '../common/clock.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { currentActor, type Actor } from '../platform/access/actor.js';
import { can, type Action, type ResourceId } from '../platform/access/permissions.js';
import type { AuditTrail } from '../platform/audit/audit-trail.service.js';
import type { AdminSessionUser } from './admin-session-user.js';

/**
 * Who may open a custom page: the holders of one permission of the table, or any logged-in user
 * for what is their own (their password, their second factor).
 */
export type PageAccess = { resource: ResourceId; action: Action } | 'anyLoggedInUser';

/** What a custom page's handler is given: the request already admitted. */
export interface PageRequest {
  req: Request;
  res: Response;
  user: AdminSessionUser;
  actor: Actor;
  /** The Clock's time, read once for the request: a page never reads the system clock. */
  now: Date;
}

/**
 * A server-rendered screen or report of the panel, outside AdminJS's own routes. `page` is
 * opened by the browser (no session → the login page; errors as text), `data` is fetched by a
 * script (no session → 401 JSON; errors as JSON).
 */
export interface AdminPage {
  method: 'get' | 'post';
  /** Within the panel, e.g. `/compliance-grid`. */
  path: string;
  kind: 'page' | 'data';
  access: PageAccess;
  /** What a refused user reads, Chinese first, naming what they may not see (a default otherwise). */
  refusal?: string;
  /** Answers the request; a DomainError it throws is answered for it (a Forbidden is audited). */
  handle(page: PageRequest): Promise<unknown>;
}

/** Where a page is mounted: the panel's paths, the audit trail for refusals and the Clock. */
export interface PageEnvironment {
  loginPath: string;
  audit: AuditTrail;
  clock: Clock;
}

/** What a refusal names in the audit trail: the permission's resource, the record, the action. */
export interface DenialTarget {
  objectType: string | null;
  objectId?: string | null;
  action: string;
}

/**
 * The one audit row of an admin refusal (等保2.0 安全审计), for AdminJS's API (adminApiAccess) and
 * the custom pages alike: who (the request's actor), what they tried, and where.
 */
export function auditDenial(audit: AuditTrail, req: Request, target: DenialTarget): Promise<void> {
  return audit.recordAlone({
    action: 'denied',
    outcome: 'denied',
    objectType: target.objectType,
    objectId: target.objectId ?? null,
    detail: { action: target.action, method: req.method, path: req.path.slice(0, 200) },
  });
}

/** The handlers adminPage() made, so a test can tell a wrapped route from a hand-written one. */
const PAGE_HANDLERS = new WeakSet<RequestHandler>();

/** Whether an Express handler is a custom page's wrapper (admin-express.loader's route listing). */
export const isAdminPageHandler = (handler: unknown): boolean =>
  typeof handler === 'function' && PAGE_HANDLERS.has(handler as RequestHandler);

/** Paths AdminJS or the login answer: its API, assets, resource and page screens; login, logout. */
const RESERVED = /^\/(api|frontend|resources|pages|login|logout)(\/|$)/;

/**
 * Declares a custom page. Checked at start-up: a path of its own, within the panel (AdminJS's
 * API has its own guard, adminApiAccess).
 */
export function adminPage(page: AdminPage): AdminPage {
  if (!page.path.startsWith('/') || RESERVED.test(page.path)) {
    throw new Error(`adminPage ${page.path}: a path of its own, starting with /, is needed`);
  }
  return page;
}

const CODES: Readonly<Record<number, string>> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN' };

/** An answer in the page's kind: text for the browser, `{ code, message }` for a script. */
function answer(
  res: Response,
  kind: AdminPage['kind'],
  status: number,
  message: string,
  code?: string,
): void {
  res.status(status);
  if (kind === 'data') {
    res.json({ code: code ?? CODES[status] ?? 'ERROR', message });
    return;
  }
  res.type('text/plain; charset=utf-8').send(message);
}

/** A DomainError's message with its details (which field, what is wrong), Chinese first. */
const described = (error: DomainError): string => {
  const problems = error.details.map((detail) => detail.problem).join('；');
  return problems ? `${error.message}：${problems}` : error.message;
};

/**
 * The wrapper every custom page runs in: never cached; no session → the login page (or 401);
 * the permission checked against the table, a refusal (here or by the service) audited once and
 * answered 403; the handler given the session user, the actor and the Clock's now.
 */
function serve(page: AdminPage, env: PageEnvironment): RequestHandler {
  const handler = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    const user = req.session?.adminUser;
    if (!user) {
      if (page.kind === 'page') return res.redirect(302, env.loginPath);
      return answer(res, page.kind, 401, '请先登录 / Log in first');
    }
    const { access } = page;
    const refuse = async (message: string): Promise<void> => {
      await auditDenial(env.audit, req, {
        objectType: access === 'anyLoggedInUser' ? null : access.resource,
        action: access === 'anyLoggedInUser' ? page.path : access.action,
      });
      answer(res, page.kind, 403, message);
    };
    try {
      if (access !== 'anyLoggedInUser' && !can(user.role, access.resource, access.action)) {
        return await refuse(
          page.refusal ?? '当前角色无权访问此页面 / Your role may not open this page',
        );
      }
      await page.handle({ req, res, user, actor: currentActor(), now: env.clock.now() });
    } catch (error) {
      if (!(error instanceof DomainError) || res.headersSent) return next(error);
      try {
        if (error.code === ErrorCode.Forbidden) return await refuse(error.message);
        answer(res, page.kind, error.status, described(error), error.code);
      } catch (auditError) {
        next(auditError);
      }
    }
  };
  const wrapped: RequestHandler = (req, res, next) => void handler(req, res, next);
  PAGE_HANDLERS.add(wrapped);
  return wrapped;
}

/** Mounts the custom pages on the panel's router, each inside the wrapper. */
export function mountAdminPages(
  router: Router,
  pages: readonly AdminPage[],
  env: PageEnvironment,
): void {
  for (const page of pages) router[page.method](page.path, serve(page, env));
}
