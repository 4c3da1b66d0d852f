import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import type { AdminUser } from './admin-user.entity.js';
import { AdminUsersService } from './admin-users.service.js';
import { SecondFactorService } from './second-factor.service.js';
import { lockedUntil, type LockoutPolicy } from './lockout.rules.js';
import { LoginAttempt, type LoginOutcome } from './login-attempt.entity.js';

/**
 * After the password: `verify` = enter the code from the authenticator app (the login is not
 * complete, nothing is logged as a success yet); `enroll` = the role requires a second factor the
 * user has not set up, so the session may do nothing but set it up; `none` = logged in.
 */
export type SecondFactorStep = 'verify' | 'enroll' | 'none';

export type LoginResult =
  | { ok: true; user: AdminUser; mustChangePassword: boolean; secondFactor: SecondFactorStep }
  | { ok: false; reason: 'invalid' | 'locked' | 'ipLimited' };

export interface LoginClient {
  ip: string | null;
  userAgent: string | null;
}

/**
 * 身份鉴别 at the admin login: lockout per username (known or not, so the answer never tells
 * whether a user exists) and per IP address, counted from the login log in the database so the
 * limits hold across instances; every attempt is logged and audited.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly users: AdminUsersService,
    private readonly secondFactor: SecondFactorService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private get policy(): LockoutPolicy {
    const { loginMaxFailures, loginLockMinutes } = this.config.security;
    return {
      maxFailures: loginMaxFailures,
      windowMs: loginLockMinutes * 60_000,
      lockMs: loginLockMinutes * 60_000,
    };
  }

  async login(rawUsername: string, password: string, client: LoginClient): Promise<LoginResult> {
    const username = rawUsername.trim().slice(0, 100);
    const now = this.clock.now();
    const attempts = this.dataSource.getRepository(LoginAttempt);
    if (client.ip) {
      const fromIp = await attempts.countBy({
        ip: client.ip,
        outcome: 'failure',
        attemptedAt: MoreThan(new Date(now.getTime() - this.policy.windowMs)),
      });
      if (fromIp >= this.config.security.loginIpMaxFailures) {
        await this.log(username, null, client, 'ipLimited');
        return { ok: false, reason: 'ipLimited' };
      }
    }
    if (await this.lockedUntil(username, now)) {
      await this.log(username, null, client, 'locked');
      return { ok: false, reason: 'locked' };
    }
    const user = await this.users.authenticate(username, password);
    if (!user) return this.failed(username, client, now);
    if (this.secondFactor.isEnrolled(user)) {
      return { ok: true, user, mustChangePassword: false, secondFactor: 'verify' };
    }
    await this.log(username, user, client, 'success');
    return {
      ok: true,
      user,
      mustChangePassword: this.mustChangePassword(user, now),
      secondFactor: this.secondFactor.isRequired(user) ? 'enroll' : 'none',
    };
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
    const now = this.clock.now();
    const user = await this.users.findById(userId);
    if (!user?.enabled) return { ok: false, reason: 'invalid' };
    if (await this.lockedUntil(user.username, now)) {
      await this.log(user.username, null, client, 'locked');
      return { ok: false, reason: 'locked' };
    }
    if (!(await this.secondFactor.verify(user.id, code.trim()))) {
      return this.failed(user.username, client, now);
    }
    await this.log(user.username, user, client, 'success');
    return {
      ok: true,
      user,
      mustChangePassword: this.mustChangePassword(user, now),
      secondFactor: 'none',
    };
  }

  private mustChangePassword(user: AdminUser, now: Date): boolean {
    const maxAgeDays = this.config.security.passwordMaxAgeDays;
    const changedAt = user.passwordChangedAt ?? user.createdAt;
    const expired = maxAgeDays > 0 && now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
    return user.mustChangePassword || expired;
  }

  private async failed(username: string, client: LoginClient, now: Date): Promise<LoginResult> {
    await this.log(username, null, client, 'failure');
    if (await this.lockedUntil(username, now)) {
      await this.audit.recordAlone({
        action: 'lockout',
        objectType: 'adminUser',
        objectId: username,
        outcome: 'failure',
        actor: { kind: 'anonymous', name: username },
      });
    }
    return { ok: false, reason: 'invalid' };
  }

  /** The end of the lock in force for a username, or null. */
  async lockedUntil(username: string, now = this.clock.now()): Promise<Date | null> {
    const { windowMs, lockMs } = this.policy;
    const history = await this.dataSource.getRepository(LoginAttempt).find({
      select: { attemptedAt: true, outcome: true },
      where: { username, attemptedAt: MoreThan(new Date(now.getTime() - windowMs - lockMs)) },
    });
    return lockedUntil(
      history.map((row) => ({ at: row.attemptedAt, outcome: row.outcome })),
      this.policy,
      now,
    );
  }

  /** The login log row and its audit row, in one transaction. */
  private async log(
    username: string,
    user: AdminUser | null,
    client: LoginClient,
    outcome: LoginOutcome,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(LoginAttempt, {
        attemptedAt: this.clock.now(),
        username,
        userId: user?.id ?? null,
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        outcome,
      });
      await this.audit.record(manager, {
        action: outcome === 'success' ? 'login' : 'loginFailed',
        objectType: 'adminUser',
        objectId: user?.id ?? username,
        outcome: outcome === 'success' ? 'success' : 'failure',
        detail: outcome === 'success' || outcome === 'failure' ? undefined : { reason: outcome },
        actor: user
          ? {
              kind: 'user',
              id: user.id,
              name: user.username,
              role: user.role,
              committeeId: user.committeeId,
              committeeIds: null,
            }
          : { kind: 'anonymous', name: username },
      });
    });
  }
}
