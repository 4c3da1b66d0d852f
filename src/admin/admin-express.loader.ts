import AdminJSExpress from '@adminjs/express';
import type { AdminModuleOptions } from '@adminjs/nestjs';
import { AbstractLoader } from '@adminjs/nestjs';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { requestContext } from '../common/request-context.js';
import { setActor } from '../platform/access/actor.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { AuditTrail } from '../platform/audit/audit-trail.service.js';
import { actorFor } from '../modules/auth/actors.js';
import { LoginService, type LoginResult } from '../modules/auth/login.service.js';
import { loginRateLimit } from '../common/rate-limits.js';
import { CommitteesService } from '../modules/committees/committees.service.js';
import { ComplianceService } from '../modules/compliance/compliance.service.js';
import { NotificationsRepository } from '../modules/notifications/notifications.repository.js';
import { addComplianceGrid } from './compliance-grid.page.js';
import { addExports } from './exports.route.js';
import { DeputiesService } from '../modules/deputies/deputies.service.js';
import { FONT_STYLESHEET, selfHostedFonts } from './self-hosted-fonts.js';
import { SecondFactorService } from '../modules/auth/second-factor.service.js';
import {
  addSecondFactorRoutes,
  SECOND_FACTOR_PATH,
  SECOND_FACTOR_SETUP_PATH,
} from './second-factor.routes.js';
import {
  adminApiAccess,
  commandsByPost,
  formBodyInContext,
  logoutPage,
  sameOriginWrites,
} from './admin-guards.js';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type AdminJS from 'adminjs';
import express, {
  type Application,
  type NextFunction,
  type Request,
  type Response,
  type Router,
} from 'express';
import { AdminUsersService } from '../modules/auth/admin-users.service.js';
import { DomainError } from '../common/errors.js';
import { changePasswordPage } from './change-password.page.js';

const GOOGLE_FONTS = /<link[^>]+fonts\.(googleapis|gstatic)\.com[^>]*>/g;
/**
 * The inline scripts AdminJS's layout and login templates write, by how each one starts: the
 * state, the login page's attributes and the render call. Only these, once each, get the nonce.
 */
const OWN_INLINE_SCRIPTS = [
  /^\s*window\.REDUX_STATE = /,
  /^\s*try \{\s*window\.__APP_STATE__ = /,
  /^\s*var app = document\.getElementById\('app'\);/,
];
/** The state lines of those scripts: JSON.stringify output, one line each (it escapes newlines). */
const STATE_LINE = /(\n[ \t]*window\.(?:REDUX_STATE|THEME) = )([^\n]*)(;\n)/g;
/** Characters that end a script or an HTML comment inside one, as JSON string escapes. */
const SCRIPT_UNSAFE: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The inline state as JSON that cannot end its script: AdminJS writes it with JSON.stringify,
 * so the session user's display name `</script><script>…` would close the script and start
 * another. In JSON these characters occur only inside strings, where the escape means the same.
 */
function escapeInlineState(page: string): string {
  return page.replace(
    STATE_LINE,
    (_match, start: string, json: string, end: string) =>
      `${start}${json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c])}${end}`,
  );
}

/**
 * The nonce on the scripts the server itself writes, and on nothing else: each known inline
 * script once (by how it starts), and script files served from the panel's own path. A script
 * tag injected anywhere else stays without it, and the Content-Security-Policy blocks it.
 */
function stampOwnScripts(page: string, nonce: string, rootPath: string): string {
  const pending = [...OWN_INLINE_SCRIPTS];
  return page.replace(
    /<script(\s[^>]*)?>/g,
    (tag: string, attributes: string | undefined, offset: number) => {
      const attrs = attributes ?? '';
      if (/\bnonce=/.test(attrs)) return tag;
      const src = /^\s+src="([^"]+)"\s*$/.exec(attrs)?.[1];
      if (src !== undefined) {
        const own = src.startsWith(`${rootPath}/`) && !src.startsWith('//');
        return own ? `<script nonce="${nonce}"${attrs}>` : tag;
      }
      if (attrs !== '') return tag;
      const body = page.slice(offset + tag.length, offset + tag.length + 200);
      const index = pending.findIndex((start) => start.test(body));
      if (index < 0) return tag;
      pending.splice(index, 1);
      return `<script nonce="${nonce}">`;
    },
  );
}

/**
 * The admin pages as AdminJS renders them, made fit for our Content-Security-Policy: the Google
 * Fonts link its templates carry points at our own copy instead (STACK.md pitfall 7: nothing may
 * load from other hosts); the inline state is escaped so user text cannot end its script; and
 * only the server's own scripts get this response's nonce. Only pages: the admin API's JSON
 * (res.json sets its type before sending) carries records' text untouched.
 */
const fitForPolicy =
  (rootPath: string) =>
  (_req: Request, res: Response, next: NextFunction): void => {
    const send = res.send.bind(res);
    const nonce = res.locals.cspNonce as string | undefined;
    const fonts = `<link rel="stylesheet" href="${rootPath}/${FONT_STYLESHEET}" type="text/css">`;
    res.send = (body?: unknown) => {
      const type = res.get('Content-Type');
      const page = typeof body === 'string' && (!type || type.startsWith('text/html'));
      if (!page) return send(body);
      const fitted = escapeInlineState(body.replace(GOOGLE_FONTS, fonts));
      return send(nonce ? stampOwnScripts(fitted, nonce, rootPath) : fitted);
    };
    next();
  };

interface RouterLayer {
  name: string;
}

/**
 * Mounts AdminJS like @adminjs/nestjs's ExpressLoader, but keeps our global middlewares
 * (request log, helmet, shared session) in front of it: the stock loader moves the admin router
 * to the top of the stack, past them. The admin router goes just before Nest's body parsers,
 * which AdminJS's formidable must not follow. It also adds the forced password change.
 */
@Injectable()
export class AdminExpressLoader extends AbstractLoader {
  /** The registered panel (its resources and actions), once mounted. */
  admin!: AdminJS;

  constructor(
    private readonly users: AdminUsersService,
    private readonly logins: LoginService,
    private readonly secondFactor: SecondFactorService,
    private readonly compliance: ComplianceService,
    private readonly committees: CommitteesService,
    private readonly notifications: NotificationsRepository,
    private readonly deputies: DeputiesService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  register(
    admin: AdminJS,
    httpAdapter: AbstractHttpAdapter,
    options: AdminModuleOptions,
  ): Promise<void> {
    this.admin = admin;
    const app = httpAdapter.getInstance<Application>();
    // Case-sensitive like the guards that read req.path: `/API/…` must not reach AdminJS's `/api/…`.
    const predefined = express.Router({ caseSensitive: true });
    predefined.use(selfHostedFonts());
    predefined.use(fitForPolicy(admin.options.rootPath));
    predefined.use(sameOriginWrites);
    predefined.use(commandsByPost());
    predefined.use(
      formBodyInContext({
        openPaths: ['/login', SECOND_FACTOR_PATH],
        maxBytes: this.config.adminUploads.maxBytes,
        uploadDir: this.config.adminUploads.dir,
      }),
    );
    this.addLogin(predefined, admin);
    predefined.use((req, res, next) => void this.checkSession(req, res, next, admin));
    addSecondFactorRoutes(predefined, {
      rootPath: admin.options.rootPath,
      logins: this.logins,
      secondFactor: this.secondFactor,
      clock: this.clock,
      startSession: (req, res, next, result) =>
        this.startSession(req, res, next, result, admin.options.rootPath),
      refuseLogin: (res, status, message) => this.loginPage(admin, res, status, message),
    });
    this.addPasswordChange(predefined, admin.options.rootPath);
    addComplianceGrid(predefined, {
      rootPath: admin.options.rootPath,
      timeZone: this.config.timeZone,
      compliance: this.compliance,
      committees: this.committees,
      notifications: this.notifications,
      audit: this.audit,
      clock: this.clock,
    });
    addExports(predefined, {
      deputies: this.deputies,
      audit: this.audit,
      timeZone: this.config.timeZone,
      clock: this.clock,
    });
    predefined.use(adminApiAccess(admin, this.audit));
    const router = options.auth
      ? AdminJSExpress.buildAuthenticatedRouter(
          admin,
          options.auth,
          predefined,
          options.sessionOptions,
          options.formidableOptions,
        )
      : AdminJSExpress.buildRouter(admin, predefined, options.formidableOptions);
    app.use(
      admin.options.rootPath,
      function admin(req: Request, res: Response, next: NextFunction) {
        return router(req, res, next);
      },
    );
    const stack = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
    const adminIndex = stack.findIndex((layer) => layer.name === 'admin');
    const parserIndex = stack.findIndex(
      (layer) => layer.name === 'jsonParser' || layer.name === 'urlencodedParser',
    );
    if (adminIndex >= 0 && parserIndex >= 0 && parserIndex < adminIndex) {
      const [adminLayer] = stack.splice(adminIndex, 1);
      stack.splice(parserIndex, 0, adminLayer);
    }
    return Promise.resolve();
  }

  /** The login page with a message (a locale key), never cached. */
  private async loginPage(
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

  /**
   * The login form posts here (before AdminJS's own handler): lockout and the login log
   * (LoginService), a new session id at login (no session fixation), the user's epoch and times.
   */
  private addLogin(router: Router, admin: AdminJS): void {
    const { rootPath, loginPath } = admin.options;
    const page = (status: number, errorMessage: string, res: Response) =>
      this.loginPage(admin, res, status, errorMessage);
    const rateLimited = loginRateLimit(this.config, (_req, res) => {
      page(429, 'loginRateLimited', res).catch((error: unknown) => res.destroy(error as Error));
    });
    router.post('/login', rateLimited, async (req, res, next) => {
      try {
        const fields = (req as Request & { fields?: Record<string, unknown> }).fields ?? {};
        const field = (name: string) => (typeof fields[name] === 'string' ? fields[name] : '');
        const result = await this.logins.login(field('email'), field('password'), {
          ip: req.ip ?? null,
          userAgent: req.get('user-agent') ?? null,
        });
        if (!result.ok) {
          const [status, message] = (
            {
              invalid: [401, 'invalidCredentials'],
              // A name no account can have: refused before any lookup.
              malformed: [400, 'invalidCredentials'],
              locked: [429, 'accountLocked'],
              ipLimited: [429, 'tooManyRequests'],
              // The attempt could not be recorded: refused whatever the password (fail closed).
              unavailable: [429, 'loginUnavailable'],
            } as const
          )[result.reason];
          return await page(status, message, res);
        }
        if (result.secondFactor === 'verify') {
          // The password was right; the login completes only with the code (second-factor.routes).
          const userId = result.user.id;
          return req.session.regenerate((error) => {
            if (error) return next(error);
            req.session.pendingLogin = { userId, at: this.clock.now().getTime() };
            req.session.save((saveError) =>
              saveError ? next(saveError) : res.redirect(302, `${rootPath}${SECOND_FACTOR_PATH}`),
            );
          });
        }
        this.startSession(req, res, next, result, rootPath);
      } catch (error) {
        next(error);
      }
    });
    // Logging out changes state, so it is a POST (a link or image cannot log anyone out).
    router.get('/logout', (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.send(logoutPage(`${rootPath}/logout`, rootPath));
    });
    router.post('/logout', (req, res, next) => {
      const user = req.session.adminUser;
      const finish = () =>
        req.session.destroy((error) => (error ? next(error) : res.redirect(302, loginPath)));
      if (!user) return finish();
      this.audit
        .recordAlone({ action: 'logout', objectType: 'adminUser', objectId: user.id })
        .then(finish, next);
    });
  }

  /** A completed login: a new session id (no fixation) holding the user, epoch and times. */
  private startSession(
    req: Request,
    res: Response,
    next: NextFunction,
    result: LoginResult,
    rootPath: string,
  ): void {
    if (!result.ok) throw new Error('startSession needs a successful login');
    const { user } = result;
    const now = this.clock.now().getTime();
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.adminUser = {
        id: String(user.id),
        email: user.username,
        title: user.displayName ?? user.username,
        mustChangePassword: result.mustChangePassword,
        secondFactorSetupRequired: result.secondFactor === 'enroll',
        role: user.role,
        committeeId: user.committeeId,
        epoch: user.sessionEpoch,
        loginAt: now,
        lastSeenAt: now,
        ip: req.ip ?? null,
      };
      req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(302, rootPath)));
    });
  }

  /**
   * Every admin request with a session: the user must still be enabled, in the same epoch (no
   * role, committee, status or password change since login), within the idle timeout and the
   * absolute lifetime. Then the request acts as that user, within their committees.
   */
  private async checkSession(
    req: Request,
    res: Response,
    next: NextFunction,
    admin: AdminJS,
  ): Promise<void> {
    try {
      const sessionUser = req.session?.adminUser;
      if (!sessionUser) return next();
      const user = await this.users.findById(Number(sessionUser.id));
      const now = this.clock.now().getTime();
      const { idleMinutes, absoluteHours } = this.config.session;
      const valid =
        user !== null &&
        user.enabled &&
        user.sessionEpoch === sessionUser.epoch &&
        now - sessionUser.loginAt <= absoluteHours * 3_600_000 &&
        now - sessionUser.lastSeenAt <= idleMinutes * 60_000;
      if (!valid) {
        req.session.destroy((error) => {
          if (error) return next(error);
          if (req.path.startsWith('/api/')) {
            res.status(401).json({
              code: 'SESSION_ENDED',
              message: '会话已结束，请重新登录 / Your session has ended, log in again',
            });
            return;
          }
          res.redirect(302, admin.options.loginPath);
        });
        return;
      }
      sessionUser.lastSeenAt = now;
      const context = requestContext();
      if (context) context.session = req.session;
      setActor(
        await actorFor(this.dataSource.manager, {
          kind: 'user',
          id: user.id,
          name: user.username,
          role: user.role,
          committeeId: user.committeeId,
        }),
      );
      return next();
    } catch (error) {
      return next(error);
    }
  }

  /** First login with a generated password (or a reset one): change it before anything else. */
  private addPasswordChange(router: Router, rootPath: string): void {
    const due = (req: Request, res: Response, to: string, code: string, message: string) =>
      req.path.startsWith('/api/')
        ? res.status(403).json({ code, message })
        : res.redirect(`${rootPath}${to}`);
    const path = '/change-password';
    router.get(path, (req, res) => {
      if (!req.session.adminUser) return res.redirect(`${rootPath}/login`);
      res.setHeader('Cache-Control', 'no-store');
      return res.send(
        changePasswordPage({ action: `${rootPath}${path}`, username: req.session.adminUser.email }),
      );
    });
    router.post(path, async (req, res, next) => {
      const user = req.session.adminUser;
      if (!user) return res.redirect(`${rootPath}/login`);
      const body = (req as Request & { fields?: Record<string, string | undefined> }).fields ?? {};
      const render = (error: string, status = 400): Response =>
        res
          .status(status)
          .send(changePasswordPage({ action: `${rootPath}${path}`, username: user.email, error }));
      if ((body.password ?? '') !== (body.confirmPassword ?? '')) {
        return render('两次输入的新密码不一致 / The new passwords do not match');
      }
      let epoch: number;
      try {
        // Through the login service: wrong current passwords count toward the lockout.
        epoch = await this.logins.changePassword(
          Number(user.id),
          body.currentPassword ?? '',
          body.password ?? '',
          { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
        );
      } catch (error) {
        if (error instanceof DomainError) {
          return render(
            error.details.map((detail) => detail.problem).join('；') || error.message,
            error.status,
          );
        }
        return next(error);
      }
      // A new session id after the credential change.
      req.session.regenerate((error) => {
        if (error) return next(error);
        // The password change bumped the epoch: carry the new one into the new session.
        req.session.adminUser = { ...user, mustChangePassword: false, epoch };
        req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(rootPath)));
      });
    });
    router.use((req, res, next) => {
      const user = req.session?.adminUser;
      const open =
        req.path === '/logout' || req.path === '/login' || req.path.startsWith('/frontend/');
      if (!user || open) return next();
      // First the password, then the second factor: until both are in order, nothing else.
      if (user.mustChangePassword && req.path !== path) {
        return due(
          req,
          res,
          path,
          'PASSWORD_CHANGE_REQUIRED',
          '请先修改密码 / Change your password first',
        );
      }
      if (
        !user.mustChangePassword &&
        user.secondFactorSetupRequired &&
        req.path !== SECOND_FACTOR_SETUP_PATH
      ) {
        return due(
          req,
          res,
          SECOND_FACTOR_SETUP_PATH,
          'SECOND_FACTOR_SETUP_REQUIRED',
          '请先设置双因素验证 / Set up your second factor first',
        );
      }
      return next();
    });
  }
}
