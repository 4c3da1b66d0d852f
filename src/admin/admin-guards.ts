import { unlink } from 'node:fs';
import type AdminJS from 'adminjs';
import type { NextFunction, Request, Response } from 'express';
import formidable from 'express-formidable';
import { requestContext, runInContext } from '../common/request-context.js';
import type { AuditTrail } from '../platform/audit/audit-trail.service.js';
import { can, type Action } from '../platform/access/permissions.js';
import { BUILT_IN_ACTIONS, permissionResource } from './admin-access.js';
import { auditDenial } from './admin-page.js';
import { ScopedResource } from './service-resource.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CODES = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
} as const;

const refuse = (res: Response, status: keyof typeof CODES, zh: string, en: string): void => {
  res.status(status).json({ code: CODES[status], message: `${zh} / ${en}` });
};

/** The origin (scheme://host:port) of a Referer header, or null when it is not a URL. */
function refererOrigin(referer: string): string | null {
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF defence for the admin panel (等保2.0 访问控制): a state-changing request must come from
 * the panel's own pages. Browsers send Origin on every POST and Sec-Fetch-Site on every
 * request; a cross-site one is refused even with a valid session cookie. Older browsers that
 * send neither are judged by their Referer; a request with none of the three is not a browser's.
 */
export function sameOriginWrites(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  const referer = req.get('referer');
  const own = `${req.protocol}://${req.get('host')}`;
  // With `Referrer-Policy: no-referrer` a browser's form POST carries `Origin: null`; then
  // Sec-Fetch-Site (sent by every current browser) decides, and without it the request is refused.
  const crossSite =
    origin && origin !== 'null'
      ? origin !== own
      : site !== undefined
        ? site !== 'same-origin' && site !== 'none'
        : origin === 'null' || (referer !== undefined && refererOrigin(referer) !== own);
  if (crossSite) {
    return refuse(res, 403, '拒绝跨站请求', 'Cross-site request refused');
  }
  next();
}

/** Form posts answered before login: the login form and the second-factor code. */
export interface FormBodyOptions {
  /** Paths (within the panel) whose urlencoded form a visitor without a session may send. */
  openPaths: readonly string[];
  /** The largest body a logged-in user may send, files included. */
  maxBytes: number;
  /** Where uploaded files wait until the request ends. */
  uploadDir: string;
}

type Uploaded = { path?: string; name?: string; size?: number; type?: string };
type ParsedRequest = Request & {
  fields?: Record<string, unknown>;
  files?: Record<string, Uploaded | Uploaded[]>;
  express_formidable?: { parsed: boolean };
};

/** Formidable's refusal of a field or file past its cap. */
const tooLarge = (error: unknown): boolean =>
  error instanceof Error && /^max\w+\b.*exceeded/.test(error.message);

/** 413, closing the connection: the rest of the body is not worth reading. */
function tooLargeAnswer(res: Response): void {
  res.setHeader('Connection', 'close');
  refuse(res, 413, '上传内容过大', 'Upload too large');
}

/** Marks a body as handled, so AdminJS's own formidable never reads it. */
function skipBody(req: ParsedRequest): void {
  req.fields = {};
  req.files = {};
  req.express_formidable = { parsed: true };
}

/**
 * Parses admin form bodies before AdminJS does (it then skips its own parse), and continues in
 * the request's context: formidable's stream callbacks would otherwise lose the
 * AsyncLocalStorage that carries the actor to the services and the audit trail.
 *
 * Nothing is read before login (an anonymous multipart post could otherwise fill the disk): a
 * visitor without a session may send only the small urlencoded forms of `openPaths`, anything
 * else is refused unread. A logged-in user's body is capped (413 past `maxBytes`), its temp
 * files are deleted when the response ends, and their paths never reach AdminJS (whose answers
 * echo a form's values back).
 */
export function formBodyInContext(
  options: FormBodyOptions,
): (req: Request, res: Response, next: NextFunction) => void {
  const open = formidable({ maxFieldsSize: 64 * 1024, maxFileSize: 1, maxFields: 50 });
  const parse = formidable({
    maxFieldsSize: options.maxBytes,
    maxFileSize: options.maxBytes,
    uploadDir: options.uploadDir,
    multiples: true,
  });
  return (req: ParsedRequest, res, next) => {
    const context = requestContext();
    if (!context || SAFE_METHODS.has(req.method)) return next();
    const declared = Number(req.get('content-length') ?? 0);
    if (!req.session?.adminUser) {
      const form = req.is('application/x-www-form-urlencoded') !== false;
      if (!options.openPaths.includes(req.path) || (declared > 0 && !form) || req.is('multipart')) {
        skipBody(req);
        res.setHeader('Connection', 'close');
        if (req.path.startsWith('/api/')) {
          return refuse(res, 401, '请先登录', 'Log in first');
        }
        // The login and logout pages need no body; AdminJS sends every other path to login.
        return next();
      }
      void open(req, res, (error?: unknown) =>
        runInContext(context, () => (tooLarge(error) ? tooLargeAnswer(res) : next(error))),
      );
      return;
    }
    if (declared > options.maxBytes) {
      skipBody(req);
      return tooLargeAnswer(res);
    }
    void parse(req, res, (error?: unknown) =>
      runInContext(context, () => {
        const files = Object.values(req.files ?? {}).flat();
        res.on('close', () => {
          for (const file of files) if (file.path) unlink(file.path, () => undefined);
        });
        // What a handler may know of a file: never where it lies on the server.
        req.files = Object.fromEntries(
          Object.entries(req.files ?? {}).map(([name, value]) => [
            name,
            ([] as Uploaded[])
              .concat(value)
              .map((file) => ({ name: file.name, size: file.size, type: file.type })),
          ]),
        );
        return tooLarge(error) ? tooLargeAnswer(res) : next(error);
      }),
    );
  };
}

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

/** Where the panel's page loads commandsByPost's script from (within the admin path). */
export const COMMANDS_BY_POST_SCRIPT = '/commands-by-post.js';

/**
 * AdminJS 7's client calls an action without a form (a confirmed button: 吊销, 解除锁定, …) with
 * GET, which the server now refuses for every custom action. This script, loaded by the panel's
 * pages, turns those calls into POSTs (the client sends them through XMLHttpRequest); AdminJS's
 * own actions keep their methods.
 */
export function commandsByPost(): (req: Request, res: Response, next: NextFunction) => void {
  const script = `(function () {
  var reads = ${JSON.stringify(BUILT_IN_ACTIONS)};
  var command = /\\/api\\/resources\\/[^/]+\\/(?:records\\/[^/]+|actions|bulk)\\/([^/?#]+)/;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var match = String(method).toUpperCase() === 'GET' ? command.exec(String(url)) : null;
    if (match && reads.indexOf(decodeURIComponent(match[1])) < 0) args[0] = 'POST';
    return open.apply(this, args);
  };
})();
`;
  return (req, res, next) => {
    if (req.method !== 'GET' || req.path !== COMMANDS_BY_POST_SCRIPT) return next();
    res.type('application/javascript').send(script);
  };
}
