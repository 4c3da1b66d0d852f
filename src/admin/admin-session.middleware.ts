import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Clock } from '../common/clock.js';
import { requestContext } from '../common/request-context.js';
import type { AppConfig } from '../config/app.config.js';
import { setActor } from '../platform/access/actor.js';
import type { AdminUsersService } from '../modules/auth/admin-users.service.js';
import { actorFor } from '../platform/access/actors.js';
import type { CommitteeTree } from '../platform/access/committee-tree.js';
import type { LoginResult } from '../modules/auth/login.service.js';

/** express-session's callbacks as promises, so a route can await its session's steps. */
export const regenerateSession = (req: Request): Promise<void> =>
  new Promise((resolve, reject) =>
    req.session.regenerate((error) => (error ? reject(error as Error) : resolve())),
  );
export const saveSession = (req: Request): Promise<void> =>
  new Promise((resolve, reject) =>
    req.session.save((error) => (error ? reject(error as Error) : resolve())),
  );

/** A completed login: a new session id (no fixation) holding the user, epoch and times. */
export async function startSession(
  req: Request,
  res: Response,
  result: LoginResult,
  clock: Clock,
  rootPath: string,
): Promise<void> {
  if (!result.ok) throw new Error('startSession needs a successful login');
  const { user } = result;
  const now = clock.now().getTime();
  await regenerateSession(req);
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
  await saveSession(req);
  res.redirect(302, rootPath);
}

export interface SessionCheck {
  users: AdminUsersService;
  clock: Clock;
  config: Pick<AppConfig, 'session'>;
  committees: CommitteeTree;
  loginPath: string;
}

/**
 * Every admin request with a session: the user must still be enabled, in the same epoch (no
 * role, committee, status or password change since login), within the idle timeout and the
 * absolute lifetime. Then the request acts as that user, within their committees.
 */
export function adminSession(check: SessionCheck): RequestHandler {
  const verify = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const sessionUser = req.session?.adminUser;
    if (!sessionUser) return next();
    const user = await check.users.findById(Number(sessionUser.id));
    const now = check.clock.now().getTime();
    const { idleMinutes, absoluteHours } = check.config.session;
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
        res.redirect(302, check.loginPath);
      });
      return;
    }
    sessionUser.lastSeenAt = now;
    const context = requestContext();
    if (context) context.session = req.session;
    setActor(
      await actorFor(check.committees, {
        kind: 'user',
        id: user.id,
        name: user.username,
        role: user.role,
        committeeId: user.committeeId,
      }),
    );
    return next();
  };
  return (req, res, next) => void verify(req, res, next).catch(next);
}

/** Where each due step is done, within the panel. */
export interface DueSteps {
  rootPath: string;
  changePasswordPath: string;
  secondFactorSetupPath: string;
}

/**
 * First the password, then the second factor: until both are in order, a logged-in user reaches
 * nothing but the page that puts them in order (and logging out). A page is redirected there,
 * an API call answered 403 with the step's code.
 */
export function credentialsDue(steps: DueSteps): RequestHandler {
  const due = (req: Request, res: Response, to: string, code: string, message: string) =>
    req.path.startsWith('/api/')
      ? res.status(403).json({ code, message })
      : res.redirect(`${steps.rootPath}${to}`);
  return (req, res, next) => {
    const user = req.session?.adminUser;
    const open =
      req.path === '/logout' || req.path === '/login' || req.path.startsWith('/frontend/');
    if (!user || open) return next();
    if (user.mustChangePassword && req.path !== steps.changePasswordPath) {
      return due(
        req,
        res,
        steps.changePasswordPath,
        'PASSWORD_CHANGE_REQUIRED',
        '请先修改密码 / Change your password first',
      );
    }
    if (
      !user.mustChangePassword &&
      user.secondFactorSetupRequired &&
      req.path !== steps.secondFactorSetupPath
    ) {
      return due(
        req,
        res,
        steps.secondFactorSetupPath,
        'SECOND_FACTOR_SETUP_REQUIRED',
        '请先设置双因素验证 / Set up your second factor first',
      );
    }
    return next();
  };
}
