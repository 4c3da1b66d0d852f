import { unlink } from 'node:fs';
import type { NextFunction, Request, Response } from 'express';
import formidable from 'express-formidable';
import { requestContext, runInContext } from '../common/request-context.js';
import { BUILT_IN_ACTIONS } from './admin-access.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CODES = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
} as const;

/** A guard's refusal as JSON, `{ code, message }`, the message Chinese first. */
export const refuse = (res: Response, status: keyof typeof CODES, zh: string, en: string): void => {
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
  /** Pages that take bigger files than `maxBytes` (the attachments' upload), by path. */
  largeUploads?: Readonly<Record<string, number>>;
}

/** Where each uploaded file of a request waits, for the custom pages that store it (attachments). */
const UPLOADED = new WeakMap<Request, Record<string, Uploaded[]>>();

/**
 * The temp file of a form's file field, for a custom page (never for AdminJS, whose answers echo
 * a form's values): its path, the name the uploader gave it, its size. Deleted after the response.
 */
export function uploadedFile(
  req: Request,
  field: string,
): { path: string; name: string; size: number } | undefined {
  const file = UPLOADED.get(req)?.[field]?.[0];
  return file?.path ? { path: file.path, name: file.name ?? '', size: file.size ?? 0 } : undefined;
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
  const parser = (maxBytes: number, maxFieldsBytes = maxBytes) =>
    formidable({
      maxFieldsSize: maxFieldsBytes,
      maxFileSize: maxBytes,
      uploadDir: options.uploadDir,
      multiples: true,
    });
  const parse = parser(options.maxBytes);
  const large = new Map(
    Object.entries(options.largeUploads ?? {}).map(([path, max]) => [
      path,
      { max, parse: parser(max, options.maxBytes) },
    ]),
  );
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
    const cap = large.get(req.path);
    if (declared > (cap?.max ?? options.maxBytes)) {
      skipBody(req);
      return tooLargeAnswer(res);
    }
    void (cap?.parse ?? parse)(req, res, (error?: unknown) =>
      runInContext(context, () => {
        const files = Object.values(req.files ?? {}).flat();
        res.on('close', () => {
          for (const file of files) if (file.path) unlink(file.path, () => undefined);
        });
        UPLOADED.set(
          req,
          Object.fromEntries(
            Object.entries(req.files ?? {}).map(([name, value]) => [
              name,
              ([] as Uploaded[]).concat(value),
            ]),
          ),
        );
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
