import type AdminJS from 'adminjs';
import type { NextFunction, Request, Response } from 'express';
import type { AuditTrail } from '../platform/audit/audit-trail.service.js';
import { can, type Action } from '../platform/access/permissions.js';
import { BUILT_IN_ACTIONS, permissionResource } from './admin-access.js';
import { refuse } from './admin-guards.js';
import { auditDenial } from './admin-page.js';
import { ScopedResource } from './service-resource.js';

type Route = { resourceId: string; action: string; recordIds: string[] };

/** The fixed words of AdminJS's API paths, which Express would also match in another case. */
const API_WORDS = new Set([
  'api',
  'resources',
  'actions',
  'records',
  'bulk',
  'search',
  'dashboard',
  'pages',
]);

/**
 * Which AdminJS API route this is: the resource, the action and the records it touches;
 * 'miscased' for an API path written in another case (`/API/…`, `/api/RESOURCES/…`), which the
 * case-sensitive router would not serve and the guard refuses outright.
 */
function adminApiRoute(req: Request): Route | 'other' | 'miscased' | null {
  const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0]?.toLowerCase() !== 'api') return null;
  const [, area, resourceId, kind, third, fourth] = parts;
  const miscased = [parts[0], area, kind].some(
    (word) =>
      word !== undefined && API_WORDS.has(word.toLowerCase()) && word !== word.toLowerCase(),
  );
  if (miscased) return 'miscased';
  if (area !== 'resources') return 'other';
  if (kind === 'search') return { resourceId, action: 'search', recordIds: [] };
  if (kind === 'actions') return { resourceId, action: third ?? '', recordIds: [] };
  if (kind === 'records') return { resourceId, action: fourth ?? '', recordIds: [third] };
  if (kind === 'bulk') {
    const ids = typeof req.query.recordIds === 'string' ? req.query.recordIds.split(',') : [];
    return { resourceId, action: third ?? '', recordIds: ids.filter(Boolean) };
  }
  return { resourceId, action: '', recordIds: [] };
}

type Decorated = ReturnType<NonNullable<ReturnType<AdminJS['findResource']>>['decorate']>;

/**
 * The first field a query filters, searches or sorts by that the resource does not offer for
 * it: only the listed filter fields filter, only listed fields sort, and a search looks in a
 * filter field, a listed one or the shown title. Anything else (a password hash, a phone's
 * search hash, raw session data) would be an oracle, even with the column never displayed.
 */
function unofferedField(
  decorated: Decorated,
  hidden: (field: string) => boolean,
  action: string,
  query: Request['query'],
) {
  const paths = (where: 'filter' | 'list' | 'show') =>
    new Set(
      decorated
        .getProperties({ where })
        .map((property) => property.propertyPath)
        .filter((path) => !hidden(path)),
    );
  const filterable = paths('filter');
  const listed = paths('list');
  for (const key of Object.keys(query)) {
    if (!key.startsWith('filters.')) continue;
    const path = key.slice('filters.'.length).split('~~')[0];
    if (!filterable.has(path)) return path;
  }
  const { sortBy, searchProperty } = query;
  if (sortBy !== undefined && sortBy !== decorated.options.sort?.sortBy) {
    if (typeof sortBy !== 'string') return 'sortBy';
    if (!listed.has(sortBy)) return sortBy;
  }
  if (action === 'search') {
    const title = decorated.titleProperty();
    const searched = searchProperty ?? title.name();
    const shownTitle = searched === title.name() && paths('show').has(searched);
    if (typeof searched !== 'string') return 'searchProperty';
    if (!filterable.has(searched) && !listed.has(searched) && !shownTitle) return searched;
  }
  return null;
}

/**
 * The first query parameter AdminJS would choke on (500): a repeated one (an array, e.g.
 * `recordIds=1&recordIds=2`), or a page or page size that is not a positive integer in range.
 */
function malformedQuery(query: Request['query']): string | null {
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') return key.slice(0, 40);
  }
  const { page, perPage } = query as Record<string, string | undefined>;
  if (page !== undefined && !(/^\d{1,6}$/.test(page) && Number(page) >= 1)) return 'page';
  if (perPage !== undefined && !(/^\d{1,3}$/.test(perPage) && Number(perPage) >= 1)) {
    return 'perPage';
  }
  return null;
}

/** AdminJS's own actions; every other (custom) action is a command, run by POST only. */
const READ_CAPABLE = new Set<string>(BUILT_IN_ACTIONS);

/**
 * The permission table applied to AdminJS's own API, before AdminJS runs: a forbidden action is
 * a 403 without record data (AdminJS itself answers 200 with a notice), and a record outside
 * the user's committees a 404 (the scoped resource cannot load it). A custom action changes
 * state, so it answers GET with 405 (a link or a cross-site top-level navigation, which carries
 * the SameSite=Lax cookie, cannot run it); its POST is held to the same origin by
 * sameOriginWrites. Denials are audited.
 */
export function adminApiAccess(admin: AdminJS, audit: AuditTrail) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const route = adminApiRoute(req);
      if (route === null || route === 'other') return next();
      const user = req.session?.adminUser;
      if (!user) return next();
      const denied = (objectType: string, objectId: string | null, action: string) =>
        auditDenial(audit, req, { objectType, objectId, action });
      if (route === 'miscased') {
        await denied('adminApi', null, 'miscasedPath');
        return refuse(res, 404, '页面不存在', 'Not found');
      }
      const resource = permissionResource(route.resourceId, route.action);
      const adminResource = resource ? admin.findResource(route.resourceId) : undefined;
      const decorated = adminResource?.decorate();
      const known = decorated?.actions[route.action];
      if (!resource || !known || !can(user.role, resource, route.action as Action)) {
        await denied(
          resource ?? route.resourceId.slice(0, 32),
          route.recordIds.join(',').slice(0, 64) || null,
          route.action,
        );
        return refuse(res, 403, '当前角色无权执行此操作', 'Your role may not do this');
      }
      if (!READ_CAPABLE.has(route.action) && req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return refuse(res, 405, '此操作只接受 POST 请求', 'This action accepts POST only');
      }
      const malformed = malformedQuery(req.query);
      if (malformed !== null) {
        return refuse(
          res,
          400,
          `查询参数 ${malformed} 无效（页码与每页条数须为正整数，参数不能重复）`,
          `Query parameter ${malformed} is invalid (page and perPage are positive integers; no repeats)`,
        );
      }
      const hidden = (field: string) =>
        adminResource instanceof ScopedResource && adminResource.isHidden(field);
      const unoffered = decorated
        ? unofferedField(decorated, hidden, route.action, req.query)
        : null;
      if (unoffered !== null) {
        await denied(resource, null, `${route.action}:${unoffered.slice(0, 40)}`);
        return refuse(
          res,
          400,
          `字段 ${unoffered} 不能用于筛选、搜索或排序`,
          `${unoffered} cannot be filtered, searched or sorted by`,
        );
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
