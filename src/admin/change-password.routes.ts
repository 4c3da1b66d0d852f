import type { Request } from 'express';
import { DomainError } from '../common/errors.js';
import type { LoginService } from '../modules/auth/login.service.js';
import { adminPage, type AdminPage } from './admin-page.js';
import { regenerateSession, saveSession } from './admin-session.middleware.js';
import { changePasswordPage, formProblems } from './change-password.page.js';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * 修改密码: first login with a generated password (or a reset one): change it before anything
 * else (admin-session.middleware's credentialsDue sends the user here). Through the login
 * service, so wrong current passwords count toward the lockout.
 */
export function changePassword(deps: { rootPath: string; logins: LoginService }): AdminPage[] {
  const action = `${deps.rootPath}${CHANGE_PASSWORD_PATH}`;
  return [
    adminPage({
      method: 'get',
      path: CHANGE_PASSWORD_PATH,
      kind: 'page',
      access: 'anyLoggedInUser',
      handle: ({ res, user }) =>
        Promise.resolve(res.send(changePasswordPage({ action, username: user.email }))),
    }),
    adminPage({
      method: 'post',
      path: CHANGE_PASSWORD_PATH,
      kind: 'page',
      access: 'anyLoggedInUser',
      handle: async ({ req, res, user }) => {
        const body =
          (req as Request & { fields?: Record<string, string | undefined> }).fields ?? {};
        const refuse = (error: string, status = 400) =>
          res.status(status).send(changePasswordPage({ action, username: user.email, error }));
        if ((body.password ?? '') !== (body.confirmPassword ?? '')) {
          return refuse('两次输入的新密码不一致 / The new passwords do not match');
        }
        let epoch: number;
        try {
          epoch = await deps.logins.changePassword(
            Number(user.id),
            body.currentPassword ?? '',
            body.password ?? '',
            { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
          );
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return refuse(formProblems(error), error.status);
        }
        // A new session id after the credential change, carrying the epoch the change bumped.
        await regenerateSession(req);
        req.session.adminUser = { ...user, mustChangePassword: false, epoch };
        await saveSession(req);
        return res.redirect(deps.rootPath);
      },
    }),
  ];
}
