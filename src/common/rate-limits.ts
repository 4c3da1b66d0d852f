import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../config/app.config.js';
import { ErrorCode } from './errors.js';

const MINUTE = 60_000;

/** The caller's address, IPv6 grouped by /56 so one host cannot rotate through its subnet. */
const addressOf = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * Request rate limits (等保2.0 资源控制) on the REST API: one bucket per API key (keyed by a hash
 * of the header, never the key itself), or per address without one; health checks are not
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

export function apiRateLimit(config: AppConfig): RequestHandler {
  return rateLimit({
    ...PER_MINUTE,
    limit: config.security.apiRatePerMinute,
    keyGenerator: (req) => {
      const authorization = req.headers.authorization;
      return authorization
        ? `key:${createHash('sha256').update(authorization).digest('hex').slice(0, 32)}`
        : `ip:${addressOf(req)}`;
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
