import type { FormidableOptions } from '@adminjs/express';
import type AdminJS from 'adminjs';
import type { NextFunction, Request, Response } from 'express';
import formidable from 'express-formidable';
import { requestContext, runInContext } from '../common/request-context.js';
import type { AuditTrail } from '../modules/audit/audit-trail.service.js';
import { can, type Action } from '../modules/auth/permissions.js';
import { ADMIN_RESOURCES } from './admin-access.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const refuse = (res: Response, status: 403 | 404, zh: string, en: string): void => {
  res.status(status).json({
    code: status === 403 ? 'FORBIDDEN' : 'NOT_FOUND',
    message: `${zh} / ${en}`,
  });
};

/**
 * CSRF defence for the admin panel (等保2.0 访问控制): a state-changing request must come from
 * the panel's own pages. Browsers send Origin on every POST and Sec-Fetch-Site on every
 * request; a cross-site one is refused even with a valid session cookie.
 */
export function sameOriginWrites(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  const own = `${req.protocol}://${req.get('host')}`;
  // With `Referrer-Policy: no-referrer` a browser's form POST carries `Origin: null`; then
  // Sec-Fetch-Site (sent by every current browser) decides, and without it the request is refused.
  const crossSite =
    origin && origin !== 'null'
      ? origin !== own
      : site !== undefined
        ? site !== 'same-origin' && site !== 'none'
        : origin === 'null';
  if (crossSite) {
    return refuse(res, 403, '拒绝跨站请求', 'Cross-site request refused');
  }
  next();
}

/**
 * Parses admin form bodies before AdminJS does (it then skips its own parse), and continues in
 * the request's context: formidable's stream callbacks would otherwise lose the
 * AsyncLocalStorage that carries the actor to the services and the audit trail.
 */
export function formBodyInContext(
  options: FormidableOptions | undefined,
): (req: Request, res: Response, next: NextFunction) => void {
  const parse = formidable(options);
  return (req, res, next) => {
    const context = requestContext();
    if (!context || SAFE_METHODS.has(req.method)) return next();
    void parse(req, res, (error?: unknown) => runInContext(context, () => next(error)));
  };
}

type Route = { resourceId: string; action: string; recordIds: string[] };

/** Which AdminJS API route this is: the resource, the action and the records it touches. */
function adminApiRoute(req: Request): Route | 'other' | null {
  const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'api') return null;
  if (parts[1] !== 'resources') return 'other';
  const [, , resourceId, kind, third, fourth] = parts;
  if (kind === 'search') return { resourceId, action: 'search', recordIds: [] };
  if (kind === 'actions') return { resourceId, action: third ?? '', recordIds: [] };
  if (kind === 'records') return { resourceId, action: fourth ?? '', recordIds: [third] };
  if (kind === 'bulk') {
    const ids = typeof req.query.recordIds === 'string' ? req.query.recordIds.split(',') : [];
    return { resourceId, action: third ?? '', recordIds: ids.filter(Boolean) };
  }
  return { resourceId, action: '', recordIds: [] };
}

/**
 * The permission table applied to AdminJS's own API, before AdminJS runs: a forbidden action is
 * a 403 without record data (AdminJS itself answers 200 with a notice), and a record outside
 * the user's committees a 404 (the scoped resource cannot load it).
 */
export function adminApiAccess(admin: AdminJS, audit: AuditTrail) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const route = adminApiRoute(req);
      if (route === null || route === 'other') return next();
      const user = req.session?.adminUser;
      if (!user) return next();
      const resource = ADMIN_RESOURCES[route.resourceId];
      const adminResource = resource ? admin.findResource(route.resourceId) : undefined;
      const decorated = adminResource?.decorate();
      const known = decorated?.actions[route.action];
      if (!resource || !known || !can(user.role, resource, route.action as Action)) {
        await audit.recordAlone({
          action: 'denied',
          outcome: 'denied',
          objectType: resource ?? route.resourceId.slice(0, 32),
          objectId: route.recordIds.join(',').slice(0, 64) || null,
          detail: { action: route.action, method: req.method, path: req.path },
        });
        return refuse(res, 403, '当前角色无权执行此操作', 'Your role may not do this');
      }
      for (const id of route.recordIds) {
        if (!adminResource || !(await adminResource.findOne(id))) {
          return refuse(res, 404, `记录 ${id} 不存在`, `Record ${id} not found`);
        }
      }
      return next();
    } catch (error) {
      return next(error);
    }
  };
}

/** The logout confirmation: a POST form, since a GET must not change state. */
export function logoutPage(action: string, back: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>退出登录 / Log out</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, 'WenQuanYi Micro Hei', sans-serif; max-width: 28rem; margin: 4rem auto;">
<h1 style="font-size: 1.4rem">退出登录 / Log out</h1>
<form method="post" action="${action}"><button type="submit">确认退出 / Log out</button></form>
<p><a href="${back}">返回 / Back</a></p>
</body></html>`;
}
