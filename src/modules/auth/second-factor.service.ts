import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { generateSecret, generateURI, verify } from 'otplib';
import { Brackets, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { invalidInput } from '../../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { OWN_ACCOUNT, RecordWrites, useCase } from '../../platform/records/write-use-case.js';
import { AdminUser } from './admin-user.entity.js';
import { AUTH_LABELS } from './auth.labels.js';

const ISSUER = '人大工委工作平台';
/** One step either side: a phone clock 30 s off still works. */
const TOLERANCE_SECONDS = 30;

/** A user's own second factor, once they proved who they are (password and the old factor). */
const SET_UP_OWN_FACTOR = useCase('adminUser', AUTH_LABELS.records.adminUser, OWN_ACCOUNT);

export interface Enrollment {
  /** Base32, for typing into an authenticator app by hand. */
  secret: string;
  /** otpauth:// URI, for the QR code. */
  uri: string;
}

/**
 * TOTP second factor (RFC 6238, 6 digits, 30 s, SHA-1 as authenticator apps expect) for admin
 * logins. The secret is stored encrypted; each code is accepted once (the last accepted time step
 * is kept and the update is conditional on it, so two instances cannot both accept one code).
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectRepository(AdminUser) private readonly users: Repository<AdminUser>,
    private readonly writes: RecordWrites,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isRequired(user: Pick<AdminUser, 'role'>): boolean {
    return user.role !== null && this.config.security.mfaRequiredRoles.includes(user.role);
  }

  isEnrolled(user: Pick<AdminUser, 'totpEnabledAt'>): boolean {
    return user.totpEnabledAt !== null;
  }

  /** Whether the user has a second factor now (read afresh, not from the session). */
  async hasFactor(userId: number): Promise<boolean> {
    const user = await this.users.findOneBy({ id: userId });
    return user !== null && this.isEnrolled(user);
  }

  /** A fresh secret to show while the user sets up their app; nothing is stored yet. */
  beginEnrollment(username: string): Enrollment {
    const secret = generateSecret();
    return { secret, uri: this.enrollmentUri(username, secret) };
  }

  enrollmentUri(username: string, secret: string): string {
    return generateURI({ issuer: ISSUER, label: username, secret });
  }

  /**
   * Stores the secret once the user proves their app has it with a current code. The user's own
   * identity is checked before (LoginService.enrollSecondFactor: password, and the old factor).
   */
  async completeEnrollment(userId: number, secret: string, code: string): Promise<void> {
    const step = await this.acceptedStep(secret, code, null);
    if (step === null) throw wrongCode();
    await this.writes.run(SET_UP_OWN_FACTOR, async (write) => {
      await write.manager.update(
        AdminUser,
        { id: userId },
        { totpSecret: secret, totpEnabledAt: this.clock.now(), totpLastStep: step },
      );
      await write.audit({ action: 'mfaEnrolled', objectId: userId });
    });
  }

  /** True when `code` is current for the user and has not been used before; consumes it. */
  async verify(userId: number, code: string): Promise<boolean> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user?.totpSecret) return false;
    const step = await this.acceptedStep(user.totpSecret, code, user.totpLastStep);
    if (step === null) return false;
    const result = await this.users
      .createQueryBuilder()
      .update(AdminUser)
      .set({ totpLastStep: step })
      .where('id = :id', { id: userId })
      .andWhere(
        new Brackets((q) =>
          q.where('totp_last_step IS NULL').orWhere('totp_last_step < :step', { step }),
        ),
      )
      .execute();
    return result.affected === 1;
  }

  private async acceptedStep(
    secret: string,
    code: string,
    lastStep: number | null,
  ): Promise<number | null> {
    if (!/^\d{6}$/.test(code)) return null;
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(this.clock.now().getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    }).catch(() => null);
    return result?.valid ? (result as { timeStep: number }).timeStep : null;
  }
}

const wrongCode = () =>
  invalidInput([
    {
      field: 'code',
      problem: '验证码不正确或已过期，请输入应用中当前显示的 6 位数字 / wrong or expired code',
    },
  ]);
