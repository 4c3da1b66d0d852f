import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DomainError, ErrorCode, invalidInput, notFound } from '../../common/errors.js';
import {
  loadInScope,
  RecordWrites,
  useCase,
  type Write,
} from '../../platform/records/write-use-case.js';
import { currentActor, type Actor } from '../../platform/access/actor.js';
import { ownedByCommittee } from '../../platform/access/record-scope.js';
import { auditDiff, auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { AdminUser } from './admin-user.entity.js';
import { AdminUsersService } from './admin-users.service.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { temporaryPassword } from './password-policy.js';
import { ADMINISTRATOR_ROLES, can, type Action } from '../../platform/access/permissions.js';
import { isRole, type Role } from '../../common/roles.js';
import { requireCommittee } from '../committees/committee-references.js';
import { AUTH_LABELS } from './auth.labels.js';

/** What the panel's "new user" form sends: no role (a security admin grants it), no password. */
export interface RegisterUserInput {
  username: string;
  displayName?: string | null;
  committeeId?: number | null;
  email?: string | null;
  /** Refused unless the actor may assign roles (no role that registers users may). */
  role?: Role | null;
}

/** What the panel's edit form sends; each field needs the permission FIELD_ACTIONS names. */
export interface EditUserInput {
  /** Never changes; the form sends it back. */
  username?: string;
  displayName?: string | null;
  enabled?: boolean;
  email?: string | null;
  role?: Role | null;
  committeeId?: number | null;
}

/** A new or reset account with its temporary password, to show once. */
export interface AccountWithPassword {
  user: AdminUser;
  temporaryPassword: string;
}

/**
 * 三员分立 at field level: the profile is the system administrator's; the grant (role and
 * committee) only the security administrator's, never on their own account.
 */
const FIELD_ACTIONS: Readonly<Record<Exclude<keyof EditUserInput, 'username'>, Action>> = {
  displayName: 'edit',
  enabled: 'edit',
  email: 'edit',
  role: 'assignRole',
  committeeId: 'assignRole',
};

/** The permission (permissions.ts) each audited use case exercises, as refusals name it. */
type AuditedUseCase = 'create' | 'roleChange' | 'update' | 'unlock' | 'passwordReset';
const AUDITED_ACTIONS: Readonly<Record<AuditedUseCase, Action>> = {
  create: 'new',
  roleChange: 'assignRole',
  update: 'edit',
  unlock: 'unlock',
  passwordReset: 'resetPassword',
};

/** Changes that end every session of the user (the session epoch moves on). */
const SESSION_ENDING: readonly (keyof AdminUser)[] = ['enabled', 'role', 'committeeId'];

const userUseCase = (action: Action) => useCase('adminUser', AUTH_LABELS.records.adminUser, action);

/** An account is its committee's; the three administrators (no committee) only the district's. */
const USER_SCOPE = ownedByCommittee<AdminUser>();

const refuse = (field: string, zh: string, en: string): DomainError =>
  new DomainError(ErrorCode.Forbidden, { zh, en }, [{ field, problem: `${zh} / ${en}` }]);

/**
 * Managing admin accounts from the panel: registering, editing profile and grant, unlocking,
 * resetting passwords. Every use case checks the permission table and the actor's committee
 * scope, and writes its audit row in the same transaction as the change.
 */
@Injectable()
export class UserAdministrationService {
  constructor(
    @InjectRepository(AdminUser) private readonly users: Repository<AdminUser>,
    private readonly accounts: AdminUsersService,
    private readonly writes: RecordWrites,
    private readonly clock: Clock,
  ) {}

  /** 新建账号: a temporary password to change at first login; no role until one is assigned. */
  async register(input: RegisterUserInput): Promise<AccountWithPassword> {
    const actor = this.authorize('new');
    if (input.role) {
      const role = input.role;
      await this.auditingRefusals('create', input.username, async () => {
        this.checkRoleAtRegistration(actor);
        await this.checkGrant(actor, { role, committeeId: input.committeeId ?? null }, {});
      });
    }
    if (input.committeeId) await this.checkCommittee(actor, input.committeeId);
    const password = temporaryPassword();
    const user = await this.writes.run(userUseCase('new'), async (write) => {
      const { manager } = write;
      const created = await this.accounts.create(
        {
          username: input.username,
          password,
          mustChangePassword: true,
          displayName: input.displayName ?? null,
          committeeId: input.committeeId ?? null,
          role: input.role ?? null,
        },
        manager,
      );
      if (input.email) {
        await manager.update(AdminUser, { id: created.id }, { email: input.email });
        created.email = input.email;
      }
      await write.audit({ action: 'create', objectId: created.id, detail: auditSnapshot(created) });
      return created;
    });
    return { user, temporaryPassword: password };
  }

  /**
   * The edit form's use case needs only `show`: each changed field is then checked against the
   * permission FIELD_ACTIONS names (profile `edit`, grant `assignRole`), refusals audited.
   */
  async edit(id: number, input: EditUserInput): Promise<AdminUser> {
    this.authorize('show');
    const grant = input.role !== undefined || input.committeeId !== undefined;
    return this.auditingRefusals(grant ? 'roleChange' : 'update', id, () =>
      this.writes.run(userUseCase('show'), (write) => this.applyEdit(write, id, input)),
    );
  }

  private async applyEdit(write: Write, id: number, input: EditUserInput): Promise<AdminUser> {
    const { manager, actor } = write;
    const current = await write.load(AdminUser, id, USER_SCOPE);
    if (input.username !== undefined && input.username !== current.username) {
      throw invalidInput([
        { field: 'username', problem: '用户名不能修改 / usernames never change' },
      ]);
    }
    const changes: Partial<AdminUser> = {};
    for (const field of Object.keys(FIELD_ACTIONS) as (keyof typeof FIELD_ACTIONS)[]) {
      const value = input[field];
      if (value === undefined || value === current[field]) continue;
      this.checkField(actor, current, field);
      Object.assign(changes, { [field]: value });
    }
    if (Object.keys(changes).length === 0) return current;
    const next = { ...current, ...changes };
    await this.checkGrant(actor, next, changes);
    const grantChanged = 'role' in changes || 'committeeId' in changes;
    if (SESSION_ENDING.some((field) => field in changes)) {
      changes.sessionEpoch = current.sessionEpoch + 1;
    }
    await manager.update(AdminUser, { id }, changes);
    const saved = await manager.findOneByOrFail(AdminUser, { id });
    await write.audit({
      action: grantChanged ? 'roleChange' : 'update',
      objectId: id,
      detail: auditDiff(current, saved),
    });
    return saved;
  }

  /** 解锁: an `unlocked` row in the login log starts the failure count afresh on every instance. */
  async unlock(id: number): Promise<void> {
    this.authorize('unlock');
    await this.auditingRefusals('unlock', id, () =>
      this.writes.run(userUseCase('unlock'), (write) => this.applyUnlock(write, id)),
    );
  }

  private async applyUnlock(write: Write, id: number): Promise<void> {
    const user = await write.load(AdminUser, id, USER_SCOPE);
    await write.manager.insert(LoginAttempt, {
      attemptedAt: this.clock.now(),
      username: user.username,
      userId: user.id,
      ip: null,
      userAgent: null,
      outcome: 'unlocked',
    });
    await write.audit({ action: 'unlock', objectId: id });
  }

  /**
   * 重置密码 in the panel: a temporary password, changed at next login; the user's sessions end
   * and their second factor is set up again. Never for one of the three administrators (三员分立:
   * one must not be able to take over another's account): those are reset on the server with
   * `resetAdministratorPassword` (CLI `admin:reset-password`). Each refusal is audited.
   */
  async resetPassword(id: number): Promise<AccountWithPassword> {
    const actor = this.authorize('resetPassword');
    return this.auditingRefusals('passwordReset', id, async () => {
      const current = await loadInScope(
        this.users.manager,
        AdminUser,
        id,
        USER_SCOPE,
        actor,
        AUTH_LABELS.records.adminUser,
      );
      if (actor.kind === 'user' && actor.id === id) {
        throw refuse(
          'id',
          '不能重置自己的密码，请使用“修改密码”',
          'You cannot reset your own password; change it instead',
        );
      }
      if (current.role && ADMINISTRATOR_ROLES.includes(current.role) && actor.kind !== 'system') {
        throw refuse(
          'id',
          '三员（系统管理员、安全管理员、审计管理员）的密码不能在后台重置，只能由运维人员在服务器上用命令行重置：npm run cli -- admin:reset-password --username 用户名',
          "The three administrators' passwords are reset only on the server, with the CLI (admin:reset-password)",
        );
      }
      return this.reset(id, { clearSecondFactor: true, channel: 'panel' });
    });
  }

  /**
   * 重置密码 on the server (CLI `admin:reset-password`), the only way for the three
   * administrators' accounts. The second factor is kept unless the operator clears it on purpose
   * (a lost device); either way the audit row says so.
   */
  async resetAdministratorPassword(
    username: string,
    options: { clearSecondFactor?: boolean } = {},
  ): Promise<AccountWithPassword> {
    const actor = currentActor();
    const user = await this.users.findOneBy({ username });
    const id = user?.id ?? username;
    return this.auditingRefusals('passwordReset', id, () => {
      if (actor.kind !== 'system') {
        throw new DomainError(ErrorCode.Forbidden, {
          zh: '只能在服务器上用命令行重置三员密码',
          en: 'Administrator passwords are reset on the server only',
        });
      }
      if (!user) throw notFound(AUTH_LABELS.records.adminUser, username);
      return this.reset(user.id, {
        clearSecondFactor: options.clearSecondFactor ?? false,
        channel: 'cli',
      });
    });
  }

  private async reset(
    id: number,
    options: { clearSecondFactor: boolean; channel: 'panel' | 'cli' },
  ): Promise<AccountWithPassword> {
    const password = temporaryPassword();
    const passwordHash = await AdminUsersService.hash(password);
    const user = await this.writes.run(userUseCase('resetPassword'), async (write) => {
      const { manager } = write;
      const current = await manager.findOneByOrFail(AdminUser, { id });
      const enrolled = current.totpEnabledAt !== null;
      await manager.update(
        AdminUser,
        { id },
        {
          passwordHash,
          mustChangePassword: true,
          passwordChangedAt: this.clock.now(),
          sessionEpoch: current.sessionEpoch + 1,
          // A panel reset is for someone who lost their way in: their second factor is set up
          // again. A server reset of an administrator keeps it unless the operator says otherwise.
          ...(options.clearSecondFactor
            ? { totpSecret: null, totpEnabledAt: null, totpLastStep: null }
            : {}),
        },
      );
      await write.audit({
        action: 'passwordReset',
        objectId: id,
        detail: {
          channel: options.channel,
          administrator: current.role !== null && ADMINISTRATOR_ROLES.includes(current.role),
          secondFactorCleared: enrolled && options.clearSecondFactor,
          secondFactorKept: enrolled && !options.clearSecondFactor,
        },
      });
      return manager.findOneByOrFail(AdminUser, { id });
    });
    return { user, temporaryPassword: password };
  }

  /**
   * Runs a use case on account `id`; a refusal (a DomainError) is written to the audit trail
   * before it reaches the form — `denied` for a permission refusal, the intended action with
   * outcome `failure` otherwise — so refusals shown as form errors are never silent (等保2.0).
   */
  private async auditingRefusals<R>(
    action: AuditedUseCase,
    id: number | string,
    work: () => Promise<R>,
  ): Promise<R> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) {
        const field = error.details[0]?.field;
        const forbidden = error.code === ErrorCode.Forbidden;
        const attempted =
          field && field in FIELD_ACTIONS
            ? FIELD_ACTIONS[field as keyof typeof FIELD_ACTIONS]
            : AUDITED_ACTIONS[action];
        await this.writes.auditRefusal(userUseCase(attempted), {
          action: forbidden ? 'denied' : action,
          outcome: forbidden ? 'denied' : 'failure',
          objectId: String(id).slice(0, 64),
          detail: {
            action: attempted,
            field: field ?? null,
            reason: error.details[0]?.problem ?? error.bilingual.zh,
          },
        });
      }
      throw error;
    }
  }

  private authorize(action: Action): Actor {
    return this.writes.permit(userUseCase(action));
  }

  private checkField(actor: Actor, current: AdminUser, field: keyof typeof FIELD_ACTIONS): void {
    const action = FIELD_ACTIONS[field];
    if (actor.kind !== 'system' && !can(actor.role, 'adminUser', action)) {
      throw refuse(
        field,
        action === 'assignRole' ? '只有安全管理员可以分配角色和所属工委' : '当前角色不能修改此项',
        action === 'assignRole'
          ? 'Only a security administrator assigns roles and committees'
          : 'Your role may not change this field',
      );
    }
    if (action === 'assignRole' && actor.kind === 'user' && actor.id === current.id) {
      throw refuse(field, '不能给自己分配角色', 'You cannot change your own role or committee');
    }
    if (field === 'enabled' && actor.kind === 'user' && actor.id === current.id) {
      throw refuse(field, '不能停用自己的账号', 'You cannot disable your own account');
    }
  }

  /**
   * A role given with a new account: only by whoever may assign roles (三员分立: the system
   * administrator registers accounts, the security administrator grants them).
   */
  private checkRoleAtRegistration(actor: Actor): void {
    if (actor.kind !== 'system' && !can(actor.role, 'adminUser', 'assignRole')) {
      throw refuse(
        'role',
        '新建账号时不能分配角色：请先保存账号，再由安全管理员授予角色',
        'A new account gets no role here: a security administrator grants it once the account exists',
      );
    }
  }

  /** A business role needs a committee inside the actor's scope; roles must exist. */
  private async checkGrant(
    actor: Actor,
    next: Pick<AdminUser, 'role' | 'committeeId'>,
    changes: Partial<AdminUser>,
  ): Promise<void> {
    if (next.role !== null && !isRole(next.role)) {
      throw invalidInput([{ field: 'role', problem: '未知角色 / unknown role' }]);
    }
    if (next.role && !ADMINISTRATOR_ROLES.includes(next.role) && next.committeeId === null) {
      throw invalidInput([
        {
          field: 'committeeId',
          problem: '业务角色必须属于一个人大工委 / a business role needs a committee',
        },
      ]);
    }
    if (changes.committeeId) await this.checkCommittee(actor, changes.committeeId);
  }

  private async checkCommittee(actor: Actor, committeeId: number): Promise<void> {
    if (actor.committeeIds && !actor.committeeIds.includes(committeeId)) {
      throw invalidInput([
        { field: 'committeeId', problem: '超出您的管理范围 / outside your committees' },
      ]);
    }
    await requireCommittee(this.users.manager, committeeId);
  }
}
