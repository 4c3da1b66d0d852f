import AdminJSExpress from '@adminjs/express';
import type { AdminModuleOptions } from '@adminjs/nestjs';
import { AbstractLoader } from '@adminjs/nestjs';
import { Injectable } from '@nestjs/common';
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

export interface AdminSessionUser {
  /** AdminJS's CurrentAdmin wants a string id. */
  id: string;
  email: string;
  title: string;
  mustChangePassword: boolean;
}

declare module 'express-session' {
  interface SessionData {
    adminUser?: AdminSessionUser;
  }
}

const GOOGLE_FONTS = /<link[^>]+fonts\.(googleapis|gstatic)\.com[^>]*>/g;

/**
 * AdminJS's page templates link Google Fonts (STACK.md pitfall 7); nothing may load from other
 * hosts, so the links are removed and the pages use the system's Chinese fonts.
 */
function withoutExternalFonts(_req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) =>
    send(typeof body === 'string' ? body.replace(GOOGLE_FONTS, '') : body);
  next();
}

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
  constructor(private readonly users: AdminUsersService) {
    super();
  }

  register(
    admin: AdminJS,
    httpAdapter: AbstractHttpAdapter,
    options: AdminModuleOptions,
  ): Promise<void> {
    const app = httpAdapter.getInstance<Application>();
    const predefined = express.Router();
    predefined.use(withoutExternalFonts);
    this.addPasswordChange(predefined, admin.options.rootPath);
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

  /** First login with a generated password (or a reset one): change it before anything else. */
  private addPasswordChange(router: Router, rootPath: string): void {
    const path = '/change-password';
    router.get(path, (req, res) => {
      if (!req.session.adminUser) return res.redirect(`${rootPath}/login`);
      res.setHeader('Cache-Control', 'no-store');
      return res.send(
        changePasswordPage({ action: `${rootPath}${path}`, username: req.session.adminUser.email }),
      );
    });
    router.post(
      path,
      express.urlencoded({ extended: false, limit: '10kb' }),
      async (req, res, next) => {
        const user = req.session.adminUser;
        if (!user) return res.redirect(`${rootPath}/login`);
        const body = req.body as Record<string, string | undefined>;
        const render = (error: string): Response =>
          res
            .status(400)
            .send(
              changePasswordPage({ action: `${rootPath}${path}`, username: user.email, error }),
            );
        if ((body.password ?? '') !== (body.confirmPassword ?? '')) {
          return render('两次输入的新密码不一致 / The new passwords do not match');
        }
        try {
          await this.users.changePassword(
            Number(user.id),
            body.currentPassword ?? '',
            body.password ?? '',
          );
        } catch (error) {
          if (error instanceof DomainError) {
            return render(
              error.details.map((detail) => detail.problem).join('；') || error.message,
            );
          }
          return next(error);
        }
        // A new session id after the credential change.
        req.session.regenerate((error) => {
          if (error) return next(error);
          req.session.adminUser = { ...user, mustChangePassword: false };
          req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(rootPath)));
        });
      },
    );
    router.use((req, res, next) => {
      const user = req.session?.adminUser;
      const open =
        req.path === path ||
        req.path === '/logout' ||
        req.path === '/login' ||
        req.path.startsWith('/frontend/');
      if (!user?.mustChangePassword || open) return next();
      if (req.path.startsWith('/api/')) {
        return res.status(403).json({
          code: 'PASSWORD_CHANGE_REQUIRED',
          message: '请先修改密码 / Change your password first',
        });
      }
      return res.redirect(`${rootPath}${path}`);
    });
  }
}
