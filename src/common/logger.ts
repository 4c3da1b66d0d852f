import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../config/app.config.js';
import { requestContext, runInContext } from './request-context.js';

/** Never log these, whatever the log level (personal data and secrets). */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.phone',
  '*.idNumber',
  '*.email',
  '*.address',
  // A failed query carries the row's values (TypeORM's QueryFailedError, mysql2's SQL text).
  'err.parameters',
  'err.sql',
  'err.driverError.parameters',
  'err.driverError.sql',
];

/**
 * Query parameters whose values are personal data or secrets, matched anywhere in the decoded key
 * and ignoring case, so `phone`, `filters.phone`, `filters[phoneHash]` and `IDNumber` all count
 * (PIPL: collect and keep only what is needed; a log is not where a phone number belongs).
 */
const PERSONAL_QUERY_KEY = /(phone|mobile|idnumber|idcard|address|email|password|secret|token)/i;

/** The URL with the values of personal query parameters replaced, for log lines. */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const query = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawKey = equals < 0 ? pair : pair.slice(0, equals);
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      } catch {
        // A malformed escape stays as sent; the key is still matched as it is.
      }
      return equals >= 0 && PERSONAL_QUERY_KEY.test(key) ? `${rawKey}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, question)}?${query}`;
}

/** The root logger; `destination` (tests) replaces stdout. */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.log.level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: 'renda-workbench' },
    mixin: () => {
      const requestId = requestContext()?.requestId;
      return requestId ? { requestId } : {};
    },
    transport:
      config.log.format === 'pretty'
        ? {
            target: 'pino-pretty',
            options: {
              colorize: true,
              singleLine: true,
              translateTime: 'SYS:HH:MM:ss.l',
              ignore: 'pid,hostname,service',
            },
          }
        : undefined,
  };
  return destination ? pino({ ...options, transport: undefined }, destination) : pino(options);
}

/** Nest's logger interface over pino: structured JSON, with the request id of the current request. */
const START_UP_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    rest: unknown[],
  ): void {
    const context =
      rest.length > 0 && typeof rest[rest.length - 1] === 'string'
        ? (rest[rest.length - 1] as string)
        : undefined;
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      const [text] = rest;
      this.logger[level](
        { context, ...message },
        typeof text === 'string' && text !== context ? text : undefined,
      );
      return;
    }
    if (level === 'error' && rest.length > 1 && typeof rest[0] === 'string') {
      this.logger.error({ context, stack: rest[0] }, String(message));
      return;
    }
    this.logger[level]({ context }, message instanceof Error ? message.message : String(message));
  }

  log(message: unknown, ...rest: unknown[]): void {
    // Nest's start-up chatter (every module and route, ~90 lines) is debug detail, not news.
    const context = rest[rest.length - 1];
    const chatter = typeof context === 'string' && START_UP_CHATTER.has(context);
    this.write(chatter ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
}

/** Gives each request an id (kept from X-Request-Id when sane), echoes it, and logs the request. */
export function requestLogging(
  logger: Logger,
): (req: Request, res: Response, next: NextFunction) => void {
  const http = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(incoming)
          ? incoming
          : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req, res, next) => {
    http(req, res);
    runInContext({ requestId: String(req.id as string), ip: req.ip ?? null }, next);
  };
}
