import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError, ErrorCode, invalidInput } from '../../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import type { AdminUser } from './admin-user.entity.js';
import { AdminUsersService } from './admin-users.service.js';
import { SecondFactorService } from './second-factor.service.js';
import {
  LoginAttemptsService,
  type AttemptStep,
  type LoginClient,
} from './login-attempts.service.js';
import { normalizeUsername } from './username.rules.js';

export type { LoginClient } from './login-attempts.service.js';

/**
 * After the password: `verify` = enter the code from the authenticator app (the login is not
 * complete, nothing is logged as a success yet); `enroll` = the role requires a second factor the
 * user has not set up, so the session may do nothing but set it up; `none` = logged in.
 */
export type SecondFactorStep = 'verify' | 'enroll' | 'none';

/**
 * `malformed`: a username no account can have (too long), refused before any lookup;
 * `unavailable`: the attempt could not be recorded, so it is refused (fail closed).
 */
export type LoginResult =
  | { ok: true; user: AdminUser; mustChangePassword: boolean; secondFactor: SecondFactorStep }
  | { ok: false; reason: 'invalid' | 'locked' | 'ipLimited' | 'malformed' | 'unavailable' };

/** What a logged-in user gives to prove it is them before changing a credential. */
export interface Reauthentication {
  password: string;
  /** A current code of the second factor, when one is enrolled. */
  code?: string;
}

/**
 * 身份鉴别 at the admin login: lockout per username (known or not, so the answer never tells
 * whether a user exists) and per IP address, counted from the login log in the database so the
 * limits hold across instances; every attempt is logged and audited, and one that cannot be
 * logged is refused. Credential changes from a session re-check the password the same way.
 */
@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);

  constructor(
    private readonly users: AdminUsersService,
    private readonly secondFactor: SecondFactorService,
    private readonly attempts: LoginAttemptsService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(rawUsername: string, password: string, client: LoginClient): Promise<LoginResult> {
    const username = normalizeUsername(rawUsername);
    if (username === null) {
      const typed = rawUsername.slice(0, 200);
      await this.audit
        .recordAlone({
          action: 'loginFailed',
          objectType: 'adminUser',
          objectId: typed,
          outcome: 'failure',
          detail: { reason: 'malformed' },
          actor: { kind: 'anonymous', name: typed },
        })
        .catch((error: unknown) => this.unrecorded(error));
      return { ok: false, reason: 'malformed' };
    }
    return this.failClosed(async () => {
      const now = this.clock.now();
      if (
        client.ip &&
        (await this.attempts.failuresFrom(client.ip, now)) >=
          this.config.security.loginIpMaxFailures
      ) {
        await this.attempts.refuse(username, client, 'ipLimited');
        return { ok: false, reason: 'ipLimited' };
      }
      const claim = await this.attempts.claim(username, null, client, 'login');
      if (!claim) return { ok: false, reason: 'locked' };
      const user = await this.users.authenticate(username, password);
      if (!user) {
        await this.attempts.settle(claim, 'failure', null);
        return { ok: false, reason: 'invalid' };
      }
      if (this.secondFactor.isEnrolled(user)) {
        await this.attempts.settle(claim, 'confirmed', user);
        return { ok: true, user, mustChangePassword: false, secondFactor: 'verify' };
      }
      await this.attempts.settle(claim, 'success', user);
      return {
        ok: true,
        user,
        mustChangePassword: this.mustChangePassword(user, now),
        secondFactor: this.secondFactor.isRequired(user) ? 'enroll' : 'none',
      };
    });
  }

  /**
   * The second step of a login whose password was right: the TOTP code. A wrong code is a failed
   * login (it counts toward the lockout like a wrong password).
   */
  async verifySecondFactor(
    userId: number,
    code: string,
    client: LoginClient,
  ): Promise<LoginResult> {
    return this.failClosed(async () => {
      const now = this.clock.now();
      const user = await this.users.findById(userId);
      if (!user?.enabled) return { ok: false, reason: 'invalid' };
      const claim = await this.attempts.claim(user.username, user, client, 'secondFactor');
      if (!claim) return { ok: false, reason: 'locked' };
      if (!(await this.secondFactor.verify(user.id, code.trim()))) {
        await this.attempts.settle(claim, 'failure', user);
        return { ok: false, reason: 'invalid' };
      }
      await this.attempts.settle(claim, 'success', user);
      return {
        ok: true,
        user,
        mustChangePassword: this.mustChangePassword(user, now),
        secondFactor: 'none',
      };
    });
  }

  /**
   * 修改密码 from a session: a wrong current password is a failed attempt like a wrong login
   * password (it counts toward the lockout and is audited, issue 10 #14). Returns the new epoch.
   */
  async changePassword(
    userId: number,
    currentPassword: string,
    newPassword: string,
    client: LoginClient,
  ): Promise<number> {
    await this.reauthenticate(userId, { password: currentPassword }, client, 'passwordChange');
    return this.users.replaceCheckedPassword(userId, currentPassword, newPassword);
  }

  /**
   * Stores a new TOTP secret (a first one or a replacement) for a logged-in user: only with the
   * current password, and a current code of the factor being replaced, so a session alone can
   * never take over the second factor (issue 10 #13).
   */
  async enrollSecondFactor(
    userId: number,
    proof: Reauthentication,
    enrollment: { secret: string; code: string },
    client: LoginClient,
  ): Promise<void> {
    await this.reauthenticate(userId, proof, client, 'secondFactorSetup');
    await this.secondFactor.completeEnrollment(userId, enrollment.secret, enrollment.code);
  }

  /** Throws unless the user proves it is them; wrong guesses count toward the lockout. */
  private async reauthenticate(
    userId: number,
    proof: Reauthentication,
    client: LoginClient,
    step: AttemptStep,
  ): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user?.enabled) throw wrongCredentials(step);
    const enrolled = this.secondFactor.isEnrolled(user);
    if (!proof.password || (enrolled && !proof.code)) throw missingCredentials(enrolled);
    const result = await this.failClosed(async () => {
      const claim = await this.attempts.claim(user.username, user, client, step);
      if (!claim) return 'locked' as const;
      const ok =
        (await this.users.passwordMatches(user, proof.password)) &&
        (!enrolled || (await this.secondFactor.verify(user.id, (proof.code ?? '').trim())));
      await this.attempts.settle(claim, ok ? 'confirmed' : 'failure', user);
      return ok ? ('ok' as const) : ('invalid' as const);
    });
    if (result === 'ok') return;
    if (result === 'invalid') throw wrongCredentials(step);
    throw refusedNow(typeof result === 'string' ? result : result.reason);
  }

  private mustChangePassword(user: AdminUser, now: Date): boolean {
    const maxAgeDays = this.config.security.passwordMaxAgeDays;
    const changedAt = user.passwordChangedAt ?? user.createdAt;
    const expired = maxAgeDays > 0 && now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
    return user.mustChangePassword || expired;
  }

  /** The end of the lock in force for a username, or null. */
  lockedUntil(username: string, now = this.clock.now()): Promise<Date | null> {
    return this.attempts.lockedUntil(username, now);
  }

  /**
   * 等保2.0 安全审计: an attempt that cannot be written to the login log and the audit trail is
   * refused (4xx), never answered as it would have been, and never a 500 that tells a right
   * password from a wrong one.
   */
  private async failClosed<T>(
    work: () => Promise<T>,
  ): Promise<T | { ok: false; reason: 'unavailable' }> {
    try {
      return await work();
    } catch (error) {
      this.unrecorded(error);
      return { ok: false, reason: 'unavailable' };
    }
  }

  private unrecorded(error: unknown): void {
    this.logger.error(
      `login attempt not recorded, refused: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}

const wrongCredentials = (step: AttemptStep): DomainError =>
  invalidInput([
    step === 'secondFactorSetup'
      ? {
          field: 'password',
          problem: '当前密码或当前验证码不正确 / the current password or the current code is wrong',
        }
      : { field: 'currentPassword', problem: '当前密码不正确 / current password is wrong' },
  ]);

const missingCredentials = (enrolled: boolean): DomainError =>
  invalidInput([
    {
      field: 'password',
      problem: enrolled
        ? '请输入当前密码和已绑定应用当前显示的验证码 / enter your password and a current code of your present app'
        : '请输入当前密码 / enter your current password',
    },
  ]);

const refusedNow = (reason: 'locked' | 'unavailable'): DomainError =>
  new DomainError(
    ErrorCode.TooManyRequests,
    reason === 'locked'
      ? {
          zh: '失败次数过多，账户已暂时锁定，请稍后再试或联系安全管理员',
          en: 'Too many failures: the account is locked for now',
        }
      : { zh: '暂时无法完成，请稍后再试', en: 'Cannot be done right now, try again later' },
  );
