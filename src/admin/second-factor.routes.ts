import type { Request, Response, Router } from 'express';
import QRCode from 'qrcode';
import { DomainError } from '../common/errors.js';
import { openSecret, sealSecret } from '../common/personal-data.js';
import type { LoginResult, LoginService } from '../modules/auth/login.service.js';
import type { SecondFactorService } from '../modules/auth/second-factor.service.js';
import type { Clock } from '../common/clock.js';
import { adminPage, type AdminPage } from './admin-page.js';
import type { AdminSessionUser } from './admin-session-user.js';
import { saveSession } from './admin-session.middleware.js';
import { errorBlock, escapeHtml, formProblems, plainPage } from './change-password.page.js';

/** How long after the password the code may be entered. */
const PENDING_LOGIN_MS = 5 * 60_000;

export const SECOND_FACTOR_PATH = '/second-factor';
export const SECOND_FACTOR_SETUP_PATH = '/second-factor/setup';

declare module 'express-session' {
  interface SessionData {
    /** The password was right; the TOTP code is still due. No adminUser until it is. */
    pendingLogin?: { userId: number; at: number };
    /** The secret shown on the setup page, sealed, until the first code confirms it. */
    pendingEnrollment?: string;
  }
}

const codeField = `<label for="code">验证码 / Code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>`;

function verifyPage(action: string, error?: string): string {
  return plainPage(
    '双因素验证',
    `<h1>双因素验证 / Second factor</h1>
<p class="hint">请打开身份验证器应用，输入“人大工委工作平台”当前显示的 6 位数字。每个验证码只能使用一次。<br>
Enter the 6-digit code your authenticator app shows now.</p>
${errorBlock(error)}
<form method="post" action="${escapeHtml(action)}">${codeField}
<button type="submit">验证并登录 / Verify</button></form>`,
  );
}

/** Who sets up a second factor proves it is them: the password, and the old app's code. */
const proofFields = (replacing: boolean): string =>
  `<label for="password">当前密码 / Current password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>${
    replacing
      ? `
<label for="currentCode">原验证器当前验证码 / Code from your present app</label>
<input id="currentCode" name="currentCode" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>`
      : ''
  }`;

async function setupPage(input: {
  action: string;
  secret: string;
  /** otpauth:// URI, drawn as the QR code. */
  uri: string;
  /** A second factor is enrolled already: this replaces it. */
  replacing: boolean;
  error?: string;
}): Promise<string> {
  const qrSvg = await QRCode.toString(input.uri, { type: 'svg', margin: 1 });
  return plainPage(
    '设置双因素验证',
    `<h1>设置双因素验证 / Set up a second factor</h1>
<p class="hint">您的角色须使用双因素登录。请用身份验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP）扫描二维码，或手动输入密钥，然后填写应用显示的 6 位数字。<br>
Scan the code with an authenticator app, or type the key, then enter the 6-digit code.</p>
<div class="qr">${qrSvg}</div>
<p class="hint">密钥 / Key：<code>${escapeHtml(input.secret)}</code></p>
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}">${proofFields(input.replacing)}
${codeField.replace(' autofocus', '')}
<button type="submit">确认启用 / Turn on</button></form>`,
  );
}

const noStore = (res: Response): Response => res.setHeader('Cache-Control', 'no-store');

export interface SecondFactorLogin {
  rootPath: string;
  logins: LoginService;
  clock: Clock;
  /** Completes a login: a fresh session id and the session user. */
  startSession(req: Request, res: Response, result: LoginResult): Promise<void>;
  /** Answers a refused login with the login page. */
  refuseLogin(res: Response, status: number, message: string): Promise<unknown>;
}

/**
 * 等保2.0 身份鉴别, two factors: after the password, users with a second factor enter a TOTP
 * code. Part of the login, so answered before there is a session user.
 */
export function addSecondFactorLogin(router: Router, routes: SecondFactorLogin): void {
  const { rootPath, logins, clock } = routes;
  const verifyAction = `${rootPath}${SECOND_FACTOR_PATH}`;
  const pending = (req: Request) => {
    const login = req.session.pendingLogin;
    return login && clock.now().getTime() - login.at <= PENDING_LOGIN_MS ? login : undefined;
  };

  router.get(SECOND_FACTOR_PATH, (req, res) => {
    if (!pending(req)) return res.redirect(`${rootPath}/login`);
    return noStore(res).send(verifyPage(verifyAction));
  });

  router.post(SECOND_FACTOR_PATH, async (req, res) => {
    const login = pending(req);
    if (!login) return res.redirect(`${rootPath}/login`);
    const fields = (req as Request & { fields?: Record<string, unknown> }).fields ?? {};
    const code = typeof fields.code === 'string' ? fields.code : '';
    const result = await logins.verifySecondFactor(login.userId, code, {
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
    });
    if (result.ok) return routes.startSession(req, res, result);
    if (result.reason === 'locked') {
      delete req.session.pendingLogin;
      return await routes.refuseLogin(res, 429, 'accountLocked');
    }
    return noStore(res)
      .status(401)
      .send(verifyPage(verifyAction, '验证码不正确或已使用过 / Wrong or already used code'));
  });
}

export interface SecondFactorSetup {
  rootPath: string;
  loginPath: string;
  logins: LoginService;
  secondFactor: SecondFactorService;
}

/**
 * 设置双因素验证: users whose role requires a second factor and who have none set it up before
 * anything else (admin-session.middleware's credentialsDue); anyone may replace theirs.
 */
export function secondFactorSetup(deps: SecondFactorSetup): AdminPage[] {
  const { logins, secondFactor } = deps;
  const setupAction = `${deps.rootPath}${SECOND_FACTOR_SETUP_PATH}`;
  const renderSetup = async (
    res: Response,
    user: AdminSessionUser,
    secret: string,
    error?: string,
  ) =>
    res.send(
      await setupPage({
        action: setupAction,
        secret,
        uri: secondFactor.enrollmentUri(user.email, secret),
        replacing: await secondFactor.hasFactor(Number(user.id)),
        error,
      }),
    );
  return [
    adminPage({
      method: 'get',
      path: SECOND_FACTOR_SETUP_PATH,
      kind: 'page',
      access: 'anyLoggedInUser',
      handle: async ({ req, res, user }) => {
        let secret = req.session.pendingEnrollment
          ? openSecret(req.session.pendingEnrollment)
          : undefined;
        if (!secret) {
          secret = secondFactor.beginEnrollment(user.email).secret;
          req.session.pendingEnrollment = sealSecret(secret);
        }
        return renderSetup(res, user, secret);
      },
    }),
    adminPage({
      method: 'post',
      path: SECOND_FACTOR_SETUP_PATH,
      kind: 'page',
      access: 'anyLoggedInUser',
      handle: async ({ req, res, user }) => {
        const sealed = req.session.pendingEnrollment;
        if (!sealed) return res.redirect(deps.loginPath);
        const fields = (req as Request & { fields?: Record<string, unknown> }).fields ?? {};
        const text = (name: string) => (typeof fields[name] === 'string' ? fields[name] : '');
        const secret = openSecret(sealed);
        try {
          await logins.enrollSecondFactor(
            Number(user.id),
            { password: text('password'), code: text('currentCode') },
            { secret, code: text('code').trim() },
            { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
          );
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          res.status(error.status);
          return renderSetup(res, user, secret, formProblems(error));
        }
        delete req.session.pendingEnrollment;
        req.session.adminUser = { ...user, secondFactorSetupRequired: false };
        await saveSession(req);
        return res.redirect(deps.rootPath);
      },
    }),
  ];
}
