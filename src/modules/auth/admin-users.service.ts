import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { Repository, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { conflict, invalidInput } from '../../common/errors.js';
import { AdminUser } from './admin-user.entity.js';
import type { Role } from '../../common/roles.js';
import { auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { OWN_ACCOUNT, RecordWrites, useCase } from '../../platform/records/write-use-case.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { checkPassword, temporaryPassword } from './password-policy.js';
import { isUsernameShape, normalizeUsername } from './username.rules.js';
import { AUTH_LABELS } from './auth.labels.js';

const ADMINISTRATOR_ACCOUNTS: readonly [Role, string, string][] = [
  ['systemAdmin', 'admin', '系统管理员'],
  ['securityAdmin', 'security', '安全管理员'],
  ['auditor', 'auditor', '审计管理员'],
];

const CREATE_ACCOUNT = useCase('adminUser', AUTH_LABELS.records.adminUser, 'new');
/** A user's own new password, once they re-entered the current one. */
const CHANGE_OWN_PASSWORD = useCase('adminUser', AUTH_LABELS.records.adminUser, OWN_ACCOUNT);

/** A hash to verify against when the user does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;

@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger(AdminUsersService.name);

  constructor(
    @InjectRepository(AdminUser) private readonly users: Repository<AdminUser>,
    private readonly clock: Clock,
    private readonly writes: RecordWrites,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async create(
    input: {
      username: string;
      password: string;
      mustChangePassword?: boolean;
      displayName?: string | null;
      role?: Role | null;
      committeeId?: number | null;
    },
    manager: EntityManager = this.users.manager,
  ): Promise<AdminUser> {
    // Stored in the one form that logins look up and the lockout counts (username.rules.ts).
    const username = normalizeUsername(input.username) ?? '';
    if (!isUsernameShape(username)) {
      throw invalidInput([
        { field: 'username', problem: '3–50 个字母、数字或 _.- / 3–50 letters, digits or _.-' },
      ]);
    }
    checkPassword(input.password, this.config.security.passwordPolicy, username);
    if (await manager.existsBy(AdminUser, { username })) {
      throw conflict(
        { zh: `用户名 ${username} 已存在`, en: `Username ${username} already exists` },
        'username',
      );
    }
    return manager.save(
      manager.create(AdminUser, {
        username,
        passwordHash: await AdminUsersService.hash(input.password),
        mustChangePassword: input.mustChangePassword ?? false,
        passwordChangedAt: this.clock.now(),
        displayName: input.displayName ?? null,
        role: input.role ?? null,
        committeeId: input.committeeId ?? null,
      }),
    );
  }

  /**
   * 新建账号 at the server's console (`cli admin:create`): the operator sets the password and the
   * role; written and audited in one transaction, the actor being the CLI (issue 10 #9c).
   */
  async createAtConsole(input: {
    username: string;
    password: string;
    role?: Role | null;
    committeeId?: number | null;
  }): Promise<AdminUser> {
    return this.writes.run(CREATE_ACCOUNT, async (write) => {
      const user = await this.create(input, write.manager);
      await write.audit({ action: 'create', objectId: user.id, detail: auditSnapshot(user) });
      return user;
    });
  }

  /**
   * 三员分立: the system, security and audit administrators. At start, each of these roles that no
   * enabled user holds gets an account (`admin`, `security`, `auditor`) with a random password
   * printed once, to be changed at first login. There is no default password anywhere.
   */
  async ensureAdministrators(): Promise<{ username: string; password: string; role: Role }[]> {
    const created: { username: string; password: string; role: Role }[] = [];
    for (const [role, username, displayName] of ADMINISTRATOR_ACCOUNTS) {
      if (await this.users.existsBy({ role, enabled: true })) continue;
      let name = username;
      for (let n = 2; await this.users.existsBy({ username: name }); n += 1) {
        name = `${username}${n}`;
      }
      const password = temporaryPassword();
      await this.users.save(
        this.users.create({
          username: name,
          displayName,
          role,
          passwordHash: await AdminUsersService.hash(password),
          mustChangePassword: true,
        }),
      );
      created.push({ username: name, password, role });
    }
    return created;
  }

  /** The user if the password is right and the account enabled; null otherwise, in equal time. */
  async authenticate(username: string, password: string): Promise<AdminUser | null> {
    // A name no account can have is never looked up: MariaDB's collation would match it anyway.
    const user = isUsernameShape(username) ? await this.users.findOneBy({ username }) : null;
    if (!user) {
      dummyHash ??= AdminUsersService.hash(randomBytes(16).toString('hex'));
      await argon2.verify(await dummyHash, password).catch(() => false);
      return null;
    }
    const ok = await argon2.verify(user.passwordHash, password).catch((error: unknown) => {
      this.logger.error(`argon2 verify failed for user id ${user.id}: ${String(error)}`);
      return false;
    });
    if (!ok || !user.enabled) return null;
    user.lastLoginAt = this.clock.now();
    await this.users.update({ id: user.id }, { lastLoginAt: user.lastLoginAt });
    return user;
  }

  /** Whether `password` is the user's; no side effects (the caller counts wrong ones). */
  async passwordMatches(user: AdminUser, password: string): Promise<boolean> {
    return argon2.verify(user.passwordHash, password).catch((error: unknown) => {
      this.logger.error(`argon2 verify failed for user id ${user.id}: ${String(error)}`);
      return false;
    });
  }

  /**
   * A user's own new password, once the caller has checked `currentPassword` through the lockout
   * (LoginService.changePassword: wrong guesses are counted and audited there). Returns the
   * user's new session epoch: every other session of theirs has ended.
   */
  async replaceCheckedPassword(
    userId: number,
    currentPassword: string,
    newPassword: string,
  ): Promise<number> {
    const user = await this.users.findOneByOrFail({ id: userId });
    if (currentPassword === newPassword) {
      throw invalidInput([
        { field: 'password', problem: '新密码不能与旧密码相同 / must differ from the old one' },
      ]);
    }
    checkPassword(newPassword, this.config.security.passwordPolicy, user.username);
    const passwordHash = await AdminUsersService.hash(newPassword);
    const sessionEpoch = user.sessionEpoch + 1;
    await this.writes.run(CHANGE_OWN_PASSWORD, async (write) => {
      // A new epoch ends every other session of the user (the caller renews its own).
      await write.manager.update(
        AdminUser,
        { id: user.id },
        {
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: this.clock.now(),
          sessionEpoch,
        },
      );
      await write.audit({ action: 'passwordChange', objectId: user.id });
    });
    return sessionEpoch;
  }

  async findById(id: number): Promise<AdminUser | null> {
    return this.users.findOneBy({ id });
  }
}
