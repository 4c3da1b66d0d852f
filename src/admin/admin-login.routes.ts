import type AdminJS from 'adminjs';
import type { Request, Response, Router } from 'express';
import type { Clock } from '../common/clock.js';
import { loginRateLimit } from '../common/rate-limits.js';
import type { AppConfig } from '../config/app.config.js';
import type { AuditTrail } from '../platform/audit/audit-trail.service.js';
import type { LoginService } from '../modules/auth/login.service.js';
import { regenerateSession, saveSession, startSession } from './admin-session.middleware.js';
import { SECOND_FACTOR_PATH } from './second-factor.routes.js';

/** A refused login's status and the login page's message (a locale key), by LoginService's reason. */
const REFUSALS = {
  invalid: [401, 'invalidCredentials'],
  // A name no account can have: refused before any lookup.
  malformed: [400, 'invalidCredentials'],
  locked: [429, 'accountLocked'],
  ipLimited: [429, 'tooManyRequests'],
  // The attempt could not be recorded: refused whatever the password (fail closed).
  unavailable: [429, 'loginUnavailable'],
} as const;

/** The login page with a message (a locale key), never cached. */
export async function loginPage(
  admin: AdminJS,
  res: Response,
  status: number,
  errorMessage: string,
): Promise<Response> {
  return res
    .status(status)
    .setHeader('Cache-Control', 'no-store')
    .send(await admin.renderLogin({ action: admin.options.loginPath, errorMessage }));
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

export interface LoginRoutes {
  admin: AdminJS;
  logins: LoginService;
  audit: AuditTrail;
  clock: Clock;
  config: AppConfig;
}

/**
 * The login form posts here (before AdminJS's own handler): lockout and the login log
 * (LoginService), a new session id at login (no session fixation), the user's epoch and times.
 * Logging out changes state, so it is a POST (a link or image cannot log anyone out).
 */
export function addLoginRoutes(router: Router, deps: LoginRoutes): void {
  const { admin, logins, clock } = deps;
  const { rootPath, loginPath } = admin.options;
  const rateLimited = loginRateLimit(deps.config, (_req, res) => {
    loginPage(admin, res, 429, 'loginRateLimited').catch((error: unknown) =>
      res.destroy(error as Error),
    );
  });
  router.post('/login', rateLimited, async (req, res) => {
    const fields = (req as Request & { fields?: Record<string, unknown> }).fields ?? {};
    const field = (name: string) => (typeof fields[name] === 'string' ? fields[name] : '');
    const result = await logins.login(field('email'), field('password'), {
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
    });
    if (!result.ok) {
      const [status, message] = REFUSALS[result.reason];
      return await loginPage(admin, res, status, message);
    }
    if (result.secondFactor === 'verify') {
      // The password was right; the login completes only with the code (second-factor.routes).
      await regenerateSession(req);
      req.session.pendingLogin = { userId: result.user.id, at: clock.now().getTime() };
      await saveSession(req);
      return res.redirect(302, `${rootPath}${SECOND_FACTOR_PATH}`);
    }
    return startSession(req, res, result, clock, rootPath);
  });
  router.get('/logout', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.send(logoutPage(`${rootPath}/logout`, rootPath));
  });
  router.post('/logout', (req, res, next) => {
    const user = req.session.adminUser;
    const finish = () =>
      req.session.destroy((error) => (error ? next(error) : res.redirect(302, loginPath)));
    if (!user) return finish();
    deps.audit
      .recordAlone({ action: 'logout', objectType: 'adminUser', objectId: user.id })
      .then(finish, next);
  });
}
