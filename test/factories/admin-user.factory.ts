import type { INestApplication } from '@nestjs/common';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { Role } from '../../src/common/roles.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { SecondFactorService } from '../../src/modules/auth/second-factor.service.js';
import { TEST_PASSWORD } from '../support/admin-login.js';
import { uniqueUsername } from './unique.js';

export interface AdminUserOverrides {
  username?: string;
  password?: string;
  /** None (an account without a grant) unless given; a business role needs `committeeId`. */
  role?: Role | null;
  committeeId?: number | null;
  displayName?: string | null;
  email?: string | null;
  mustChangePassword?: boolean;
  /** Enrol a TOTP second factor (as the setup page does), at the app's clock. */
  secondFactor?: boolean;
}

export interface CreatedAdminUser {
  user: AdminUser;
  username: string;
  password: string;
  /** The TOTP secret when `secondFactor` was asked for; the enrolment used the current step. */
  totpSecret?: string;
}

/**
 * An account of the admin panel, created as `cli admin:create` and the system administrator's
 * form create it (AdminUsersService: username rules, password policy, argon2), with a unique
 * username and TEST_PASSWORD unless overridden.
 */
export async function createAdminUser(
  app: INestApplication,
  overrides: AdminUserOverrides = {},
): Promise<CreatedAdminUser> {
  const password = overrides.password ?? TEST_PASSWORD;
  const user = await app.get(AdminUsersService).create({
    username: overrides.username ?? uniqueUsername(overrides.role ?? 'user'),
    password,
    role: overrides.role ?? null,
    committeeId: overrides.committeeId ?? null,
    displayName: overrides.displayName ?? null,
    mustChangePassword: overrides.mustChangePassword ?? false,
  });
  if (overrides.email !== undefined) {
    // The panel's edit form keeps the address; the service that creates accounts takes none.
    await app.get(DataSource).getRepository(AdminUser).update(user.id, { email: overrides.email });
    user.email = overrides.email;
  }
  const created: CreatedAdminUser = { user, username: user.username, password };
  if (overrides.secondFactor) {
    const factor = app.get(SecondFactorService);
    const { secret } = factor.beginEnrollment(user.username);
    await runAsSystem('test', async () =>
      factor.completeEnrollment(user.id, secret, await totpCode(app, secret)),
    );
    created.totpSecret = secret;
  }
  return created;
}

/** The TOTP code for `secret` at the app's clock, `offsetSeconds` later (30 s a step). */
export async function totpCode(
  app: INestApplication,
  secret: string,
  offsetSeconds = 0,
): Promise<string> {
  const epoch = Math.floor(app.get(Clock).now().getTime() / 1000) + offsetSeconds;
  return generate({ secret, epoch });
}
