import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import type { AuditAction } from '../../platform/audit/audit-log.entity.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import type { AdminUser } from './admin-user.entity.js';
import { AuthRepository, type AttemptRow } from './auth.repository.js';
import { lockedUntil, mayVerify, type LockoutPolicy } from './lockout.rules.js';
import { LoginAttempt, type LoginOutcome } from './login-attempt.entity.js';

export interface LoginClient {
  ip: string | null;
  userAgent: string | null;
}

/**
 * What a password or code is being checked for: a login (password, then second factor), or a
 * logged-in user proving it is them again before changing a credential. Wrong guesses count
 * toward the same lockout whatever the step.
 */
export type AttemptStep = 'login' | 'secondFactor' | 'passwordChange' | 'secondFactorSetup';

/** The audit action of a failed guess, per step. */
const FAILURE_ACTION: Record<AttemptStep, AuditAction> = {
  login: 'loginFailed',
  secondFactor: 'loginFailed',
  passwordChange: 'passwordChange',
  secondFactorSetup: 'mfaEnrolled',
};

/** An attempt written to the login log (as a failure until it is settled otherwise). */
export interface AttemptClaim {
  id: number;
  username: string;
  step: AttemptStep;
}

/**
 * 登录日志 and lockout (等保2.0 身份鉴别, 登录失败处理), counted in the database so the limits hold
 * across instances. Every guess is written as a failure *before* the secret is checked and
 * settled after, so parallel guesses cannot get more than the limit checked (issue 10 #11).
 */
@Injectable()
export class LoginAttemptsService {
  constructor(
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthRepository,
  ) {}

  get policy(): LockoutPolicy {
    const { loginMaxFailures, loginLockMinutes } = this.config.security;
    return {
      maxFailures: loginMaxFailures,
      windowMs: loginLockMinutes * 60_000,
      lockMs: loginLockMinutes * 60_000,
    };
  }

  /** Failures from an address within the window (the per-address limit). */
  failuresFrom(ip: string, now = this.clock.now()): Promise<number> {
    return this.auth.failuresFrom(ip, new Date(now.getTime() - this.policy.windowMs));
  }

  /** The end of the lock in force for a username, or null. */
  async lockedUntil(username: string, now = this.clock.now()): Promise<Date | null> {
    return lockedUntil(await this.history(username, now), this.policy, now);
  }

  /**
   * Writes the attempt as a failure, then checks, with every other attempt in view, that it may
   * be verified. Null when it may not (the username is locked): the row becomes `locked`, which
   * does not extend the lock, and the refusal is audited.
   */
  async claim(
    username: string,
    user: Pick<AdminUser, 'id'> | null,
    client: LoginClient,
    step: AttemptStep,
  ): Promise<AttemptClaim | null> {
    const now = this.clock.now();
    const inserted = await this.dataSource.getRepository(LoginAttempt).insert({
      ...this.row(username, user, client),
      attemptedAt: now,
      outcome: 'failure',
    });
    const id = Number((inserted.identifiers[0] as { id: number | string }).id);
    const others = (await this.history(username, now)).filter((row) => row.id !== id);
    const claim = { id, username, step };
    if (mayVerify(others, this.policy, now)) return claim;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(LoginAttempt, { id }, { outcome: 'locked' });
      await this.audit.record(manager, this.auditEntry(claim, user, 'locked'));
    });
    return null;
  }

  /**
   * The attempt's result: `success` (logged in; the failure count starts afresh), `confirmed`
   * (the password was right but logs nobody in: the first of two factors, or a re-check before
   * a credential change) or `failure` (audited; a lockout it causes is audited too).
   */
  async settle(
    claim: AttemptClaim,
    outcome: 'success' | 'confirmed' | 'failure',
    user: AdminUser | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        LoginAttempt,
        { id: claim.id },
        { outcome, ...(user ? { userId: user.id } : {}) },
      );
      if (outcome !== 'confirmed') {
        await this.audit.record(manager, this.auditEntry(claim, user, outcome));
      }
    });
    if (outcome === 'failure' && (await this.lockedUntil(claim.username))) {
      await this.audit.recordAlone({
        action: 'lockout',
        objectType: 'adminUser',
        objectId: claim.username,
        outcome: 'failure',
        actor: { kind: 'anonymous', name: claim.username },
      });
    }
  }

  /** An attempt refused before any check (the address is over its limit), with its audit row. */
  async refuse(username: string, client: LoginClient, outcome: 'ipLimited'): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.insert(LoginAttempt, {
        ...this.row(username, null, client),
        attemptedAt: this.clock.now(),
        outcome,
      });
      const id = Number((inserted.identifiers[0] as { id: number | string }).id);
      await this.audit.record(
        manager,
        this.auditEntry({ id, username, step: 'login' }, null, outcome),
      );
    });
  }

  private history(username: string, now: Date): Promise<AttemptRow[]> {
    const { windowMs, lockMs } = this.policy;
    return this.auth.attemptsOf(username, new Date(now.getTime() - windowMs - lockMs));
  }

  private row(username: string, user: Pick<AdminUser, 'id'> | null, client: LoginClient) {
    return {
      username,
      userId: user?.id ?? null,
      ip: client.ip?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    };
  }

  private auditEntry(
    claim: AttemptClaim,
    user: Pick<AdminUser, 'id'> | AdminUser | null,
    outcome: LoginOutcome,
  ) {
    const known = user && 'username' in user ? user : null;
    const step = claim.step === 'login' ? {} : { step: claim.step };
    return {
      action: outcome === 'success' ? ('login' as const) : FAILURE_ACTION[claim.step],
      objectType: 'adminUser',
      objectId: user?.id ?? claim.username,
      outcome: outcome === 'success' ? ('success' as const) : ('failure' as const),
      detail:
        outcome === 'success' || outcome === 'failure'
          ? claim.step === 'login'
            ? undefined
            : step
          : { reason: outcome, ...step },
      actor: known
        ? {
            kind: 'user' as const,
            id: known.id,
            name: known.username,
            role: known.role,
            committeeId: known.committeeId,
            committeeIds: null,
          }
        : { kind: 'anonymous' as const, name: claim.username },
    };
  }
}
