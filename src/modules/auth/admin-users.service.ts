import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { conflict, invalidInput } from '../../common/errors.js';
import { AdminUser } from './admin-user.entity.js';

/** A hash to verify against when the user does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;

@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger(AdminUsersService.name);

  constructor(
    @InjectRepository(AdminUser) private readonly users: Repository<AdminUser>,
    private readonly clock: Clock,
  ) {}

  static hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  static checkPassword(password: string, username?: string): void {
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) =>
      re.test(password),
    ).length;
    if (
      password.length < 10 ||
      classes < 3 ||
      (username && password.toLowerCase().includes(username.toLowerCase()))
    ) {
      throw invalidInput([
        {
          field: 'password',
          problem:
            '密码至少 10 位，包含大写、小写、数字、符号中的至少三类，且不含用户名 / at least 10 characters from 3 of 4 classes, not containing the username',
        },
      ]);
    }
  }

  async create(input: {
    username: string;
    password: string;
    mustChangePassword?: boolean;
  }): Promise<AdminUser> {
    const username = input.username.trim();
    if (!/^[A-Za-z0-9_.-]{3,50}$/.test(username)) {
      throw invalidInput([
        { field: 'username', problem: '3–50 个字母、数字或 _.- / 3–50 letters, digits or _.-' },
      ]);
    }
    AdminUsersService.checkPassword(input.password, username);
    if (await this.users.existsBy({ username })) {
      throw conflict(
        { zh: `用户名 ${username} 已存在`, en: `Username ${username} already exists` },
        'username',
      );
    }
    return this.users.save(
      this.users.create({
        username,
        passwordHash: await AdminUsersService.hash(input.password),
        mustChangePassword: input.mustChangePassword ?? false,
        passwordChangedAt: this.clock.now(),
      }),
    );
  }

  /**
   * First start: with no admin user at all, create `admin` with a random password printed once,
   * to be changed at first login. There is no default password anywhere.
   */
  async ensureFirstAdmin(): Promise<{ username: string; password: string } | null> {
    if ((await this.users.count()) > 0) return null;
    const password = `${randomBytes(12).toString('base64url')}aA1!`;
    const user = await this.users.save(
      this.users.create({
        username: 'admin',
        displayName: '系统管理员',
        passwordHash: await AdminUsersService.hash(password),
        mustChangePassword: true,
      }),
    );
    return { username: user.username, password };
  }

  /** The user if the password is right and the account enabled; null otherwise, in equal time. */
  async authenticate(username: string, password: string): Promise<AdminUser | null> {
    const user = await this.users.findOneBy({ username: username.trim() });
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

  async changePassword(
    userId: number,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: userId });
    if (!(await argon2.verify(user.passwordHash, currentPassword))) {
      throw invalidInput([
        { field: 'currentPassword', problem: '当前密码不正确 / current password is wrong' },
      ]);
    }
    if (currentPassword === newPassword) {
      throw invalidInput([
        { field: 'password', problem: '新密码不能与旧密码相同 / must differ from the old one' },
      ]);
    }
    AdminUsersService.checkPassword(newPassword, user.username);
    await this.users.update(
      { id: user.id },
      {
        passwordHash: await AdminUsersService.hash(newPassword),
        mustChangePassword: false,
        passwordChangedAt: this.clock.now(),
      },
    );
  }

  async findById(id: number): Promise<AdminUser | null> {
    return this.users.findOneBy({ id });
  }
}
