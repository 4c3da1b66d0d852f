import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../config/app.config.js';
import { ErrorCode } from './errors.js';

const MINUTE = 60_000;

/** The caller's address, IPv6 grouped by /56 so one host cannot rotate through its subnet. */
const addressOf = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * Request rate limits (等保2.0 资源控制) on the REST API: one bucket per verified API key (its id,
 * never the key itself), and one per address for everything else — no key, a malformed header or
 * a wrong key — so varying a junk header never opens a fresh bucket; health checks are not
 * under /api/v1 and never limited. Counters live in each instance's memory, so N instances allow
 * up to N times the limit; the login lockout itself is counted in the database (LoginService).
 */
/** Per minute, standard RateLimit headers. */
const PER_MINUTE = {
  windowMs: MINUTE,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  // TRUST_PROXY is an explicit choice; the library's guess about the header would be noise.
  validate: { xForwardedForHeader: false },
} as const;

/**
 * `verifiedKeyOf` names the request's genuine API key (set by a middleware that verified it
 * before this one), or nothing.
 */
export function apiRateLimit(
  config: AppConfig,
  verifiedKeyOf: (req: Request) => string | number | null | undefined,
): RequestHandler {
  return rateLimit({
    ...PER_MINUTE,
    limit: config.security.apiRatePerMinute,
    keyGenerator: (req) => {
      const key = verifiedKeyOf(req);
      return key === null || key === undefined ? `ip:${addressOf(req)}` : `key:${key}`;
    },
    handler: (_req: Request, res: Response) => {
      const retry = res.getHeader('Retry-After') ?? '60';
      res.status(429).json({
        code: ErrorCode.TooManyRequests,
        message: `请求过于频繁，请 ${String(retry)} 秒后再试 / Too many requests, retry in ${String(retry)} s`,
        details: [],
      });
    },
  });
}

/**
 * Login form posts per address and minute, whatever their outcome: a flood is refused before any
 * password is hashed. `refuse` renders the answer (the login page with a message).
 */
export function loginRateLimit(
  config: AppConfig,
  refuse: (req: Request, res: Response) => void,
): RequestHandler {
  return rateLimit({
    ...PER_MINUTE,
    limit: config.security.loginRatePerMinute,
    keyGenerator: (req) => addressOf(req),
    handler: refuse,
  });
}
