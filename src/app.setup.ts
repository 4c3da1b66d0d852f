import { randomBytes } from 'node:crypto';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import session, { type SessionOptions } from 'express-session';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { ShutdownGate } from './common/graceful-shutdown.js';
import { HttpExceptionFilter } from './platform/http/http-exception.filter.js';
import { requestLogging } from './common/logger.js';
import { apiRateLimit } from './common/rate-limits.js';
import { formatInstant } from './common/period.js';
import { createValidationPipe } from './common/validation.js';
import { completeDocument } from './common/openapi.js';
import type { AppConfig } from './config/app.config.js';
import { ADMIN_SESSION_OPTIONS } from './modules/auth/admin-session.options.js';
import { AuditTrail } from './platform/audit/audit-trail.service.js';
import { identifyApiKey, type ApiRequest } from './modules/auth/api-key.guard.js';
import { ApiKeysService } from './modules/auth/api-keys.service.js';

export const API_PREFIX = 'api/v1';

/** A fresh nonce per response, for the Content-Security-Policy and the page's inline scripts. */
function cspNonce(_req: Request, res: Response, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}

/**
 * API answers and admin pages may carry personal data: no cache (browser, proxy) keeps them.
 * The admin's static bundles and fonts stay cacheable.
 */
function noStore(req: Request, res: Response, next: NextFunction): void {
  const path = req.path;
  if (
    (path.startsWith('/api/') || path === '/admin' || path.startsWith('/admin/')) &&
    !path.startsWith('/admin/frontend/assets/') &&
    !path.startsWith('/admin/fonts/') &&
    !path.startsWith('/api/docs')
  ) {
    res.setHeader('Cache-Control', 'no-store');
  }
  next();
}

/**
 * HSTS only where HTTPS is in use: a request that came over HTTPS (`req.secure`, which believes
 * X-Forwarded-Proto only from a proxy TRUST_PROXY trusts), or every answer when the session
 * cookie is Secure (the deployment declares itself HTTPS-only). Over plain HTTP the header is
 * ignored by browsers at best, and a development server on localhost would pin HTTPS for a year.
 */
function strictTransportSecurity(config: AppConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (config.session.secureCookie || req.secure) {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    next();
  };
}

/**
 * Everything global about the HTTP app, shared by main.ts and the e2e tests. Call before
 * `app.init()`: the admin router is mounted at init, after these middlewares. Returns the gate
 * that main.ts drains on SIGTERM.
 */
export function setupApp(app: INestApplication, config: AppConfig, logger: Logger): ShutdownGate {
  const express = (app as NestExpressApplication).getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  // Which proxy's X-Forwarded-For/-Proto to believe: client addresses in logs, audit and lockout.
  express.set('trust proxy', config.trustProxy);
  // Instants leave the API as ISO 8601 with the committee's offset: 2020-03-31T23:30:00.000+08:00.
  express.set(
    'json replacer',
    function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      return raw instanceof Date ? formatInstant(raw, config.timeZone) : value;
    },
  );

  const shutdownGate = new ShutdownGate();
  app.use(requestLogging(logger));
  app.use(shutdownGate.middleware);
  app.use(cspNonce);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // AdminJS pages carry inline bootstrap scripts: each page's own nonce admits them,
          // and nothing injected. Styles stay inline-capable (the design system injects them).
          scriptSrc: [
            "'self'",
            (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`,
          ],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // Sent by strictTransportSecurity() below, only where HTTPS is in use.
      strictTransportSecurity: false,
    }),
  );
  app.use(strictTransportSecurity(config));
  app.use(noStore);
  // Before the key check, so guessing keys is limited too: a genuine key counts in its own
  // bucket, anything else in its address's.
  app.use(
    `/${API_PREFIX}`,
    identifyApiKey(app.get(ApiKeysService)),
    apiRateLimit(config, (req) => (req as ApiRequest).apiKey?.id),
  );
  app.use(session(app.get<SessionOptions>(ADMIN_SESSION_OPTIONS)));

  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter(app.get(AuditTrail)));

  const document = completeDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('人大工委工作平台 API / Renda Workbench API')
        .setDescription(
          '街道人大工委的代表、活动、出席与统计数据接口。使用 API 密钥：`Authorization: Bearer rw_…`；' +
            '每个操作所需的作用域见其 x-required-scope：读取 records:read，写入 records:write，' +
            '导出 records:export，查看完整个人信息 personal:reveal，统计 reports:read。' +
            '时间为带时区偏移的 ISO 8601，日期为 YYYY-MM-DD。' +
            '列表均返回 `{items,total,page,pageSize}`，筛选参数名为 `<名称>Id`。\n\n' +
            "Records of a subdistrict people's congress working committee. Send an API key as a Bearer token; " +
            'each operation names the scope it needs in x-required-scope. ' +
            'Every list answers `{items,total,page,pageSize}`; filters are named `<name>Id`.',
        )
        .setVersion('1')
        .build(),
    ),
    app.get(DataSource),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return shutdownGate;
}
