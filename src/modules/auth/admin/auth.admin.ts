import type {
  ActionRequest,
  ActionResponse,
  After,
  ResourceOptions,
  ResourceWithOptions,
} from 'adminjs';
import { In, IsNull, MoreThan, Not } from 'typeorm';
import { DomainError } from '../../../common/errors.js';
import { AdminSession } from '../../../database/session.entity.js';
import { AuditLog } from '../../../platform/audit/audit-log.entity.js';
import { AdminSessionsService, sessionDigest, sessionHolder } from '../admin-sessions.service.js';
import { AdminUser } from '../admin-user.entity.js';
import { ApiKey } from '../api-key.entity.js';
import { ApiKeysService } from '../api-keys.service.js';
import { EditUserDto, IssueApiKeyDto, RegisterUserDto } from '../dto/accounts.dto.js';
import { LoginAttempt } from '../login-attempt.entity.js';
import {
  API_KEY_ROLES,
  ROLE_LABELS,
  type Action,
  type ResourceId,
} from '../../../platform/access/permissions.js';
import { UserAdministrationService } from '../user-administration.service.js';
import {
  actionsFor,
  allowed,
  showPageOf,
  scopeByColumn,
  scopeWholeSystemOnly,
  type AdminActions,
  NO_GENERIC_WRITES,
} from '../../../admin/admin-access.js';
import { NAVIGATION, availableValues } from '../../../admin/locale/zh-CN.js';
import {
  keepOneTimeValue,
  ONE_TIME_VALUE,
  showOneTimeValue,
} from '../../../admin/one-time-values.js';
import {
  ScopedResource,
  ServiceResource,
  type ReadBinding,
} from '../../../admin/service-resource.js';
import { CHOICE_REFERENCES, choices } from '../../../admin/reference-choices.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { Clock } from '../../../common/clock.js';

/**
 * How the panel reads admin accounts (and the key-holder picker): within the actor's committees,
 * never their secrets.
 */
const ADMIN_USER_READ = {
  scope: scopeByColumn('committeeId'),
  hiddenFields: ['passwordHash', 'totpSecret', 'totpLastStep'],
} satisfies Pick<ReadBinding, 'scope' | 'hiddenFields'>;

/** What an audit row is found and listed by. */
const AUDIT_COLUMNS = [
  'occurredAt',
  'actorName',
  'ip',
  'action',
  'objectType',
  'objectId',
  'outcome',
];

/** Accounts and keys are disabled or revoked, never deleted: the audit trail names them. */
const NO_DELETES = ['delete', 'bulkDelete'] as const;

/**
 * The "new user" form: only what registering sets. The role and the enabled flag are not
 * offered there (三员分立: a security administrator grants the role once the account exists;
 * a new account is enabled); a role sent anyway is refused with a message (UserAdministration).
 */
const REGISTER_FIELDS = ['username', 'displayName', 'email', 'committeeId'];

const roleLabels = (roles: readonly (keyof typeof ROLE_LABELS)[]) =>
  Object.fromEntries(roles.map((role) => [role, ROLE_LABELS[role]]));

/** A record's show page, after a create or an action that left a one-time value there. */
const toShowPage: After<ActionResponse> = (response, _request: ActionRequest, context) => {
  const record = response.record as { id?: string } | undefined;
  if (response.redirectUrl && record?.id) {
    response.redirectUrl = showPageOf(context, record.id);
  }
  return response;
};

/** After a create, the panel shows the new record, where its one-time value waits. */
const withOneTimeValues = (actions: AdminActions): AdminActions => ({
  ...actions,
  new: { ...actions.new, after: toShowPage },
  show: { ...actions.show, after: showOneTimeValue },
});

/** A one-time value's place on the show page: only there, only when present. */
const oneTimeProperty = (label: string): NonNullable<ResourceOptions['properties']> => ({
  [ONE_TIME_VALUE]: {
    type: 'string',
    isVisible: { list: false, filter: false, show: true, edit: false },
    description: label,
  },
});

/**
 * A record action without a form: confirm, call the use case, then show the record (with a
 * one-time value when the use case produced one).
 */
function recordCommand(
  resource: ResourceId,
  action: Action,
  options: {
    icon: string;
    guard: string;
    run: (id: string) => Promise<string>;
    /** Where the panel goes afterwards: the record (default) or, when it is gone, the list. */
    then?: 'show' | 'list';
  },
): AdminActions[string] {
  return {
    actionType: 'record',
    component: false,
    icon: options.icon,
    guard: options.guard,
    isAccessible: allowed(resource, action),
    handler: async (_request, _response, context) => {
      const record = context.record;
      if (!record) throw new Error(`${action} needs a record`);
      let notice: { message: string; type: 'success' | 'error' };
      try {
        notice = { message: await options.run(String(record.id())), type: 'success' };
      } catch (error) {
        // A refusal by the use case (already audited there) is shown, in Chinese, as the answer.
        if (!(error instanceof DomainError)) throw error;
        notice = { message: error.bilingual.zh, type: 'error' };
      }
      const resourceId = context.resource.id();
      return {
        record: record.toJSON(context.currentAdmin),
        redirectUrl:
          options.then === 'list' && notice.type === 'success'
            ? context.h.resourceUrl({ resourceId })
            : showPageOf(context, record.id()),
        notice,
      };
    },
  };
}

/**
 * 系统设置 › 管理员 and API 密钥, 安全审计 › 在线会话, 操作日志 and 登录日志, and the key-holder
 * picker.
 */
export const adminArea = defineAdminArea({
  inject: {
    userAdministration: UserAdministrationService,
    apiKeys: ApiKeysService,
    adminSessions: AdminSessionsService,
    clock: Clock,
  },
  resources: ({ userAdministration, apiKeys, adminSessions, clock }): ResourceWithOptions[] => {
    const userActions = withOneTimeValues(actionsFor('adminUser', NO_DELETES));
    return [
      {
        resource: new ServiceResource(AdminUser, {
          ...ADMIN_USER_READ,
          createDto: RegisterUserDto,
          updateDto: EditUserDto,
          create: async (input) => {
            const { user, temporaryPassword } = await userAdministration.register(
              input as RegisterUserDto,
            );
            keepOneTimeValue('AdminUser', user.id, temporaryPassword);
            return user;
          },
          update: (id, input) => userAdministration.edit(id, input),
          remove: () => Promise.reject(new Error('accounts are disabled, never deleted')),
        }),
        options: {
          navigation: NAVIGATION.system,
          actions: {
            ...userActions,
            new: { ...userActions.new, layout: REGISTER_FIELDS },
            unlock: recordCommand('adminUser', 'unlock', {
              icon: 'Unlock',
              guard: '确定解除该账号的登录锁定？',
              run: async (id) => {
                await userAdministration.unlock(Number(id));
                return '已解除锁定';
              },
            }),
            resetPassword: recordCommand('adminUser', 'resetPassword', {
              icon: 'Key',
              guard: '确定重置该账号的密码？其所有会话将结束，首次登录须修改密码。',
              run: async (id) => {
                const { temporaryPassword } = await userAdministration.resetPassword(Number(id));
                keepOneTimeValue('AdminUser', id, temporaryPassword);
                return '密码已重置，临时密码见下方（只显示一次）';
              },
            }),
          },
          listProperties: [
            'id',
            'username',
            'displayName',
            'role',
            'committeeId',
            'enabled',
            'lastLoginAt',
          ],
          filterProperties: ['username', 'displayName', 'role', 'committeeId', 'enabled'],
          editProperties: ['username', 'displayName', 'email', 'enabled', 'role', 'committeeId'],
          showProperties: [
            ONE_TIME_VALUE,
            'id',
            'username',
            'displayName',
            'email',
            'role',
            'committeeId',
            'enabled',
            'mustChangePassword',
            'lastLoginAt',
            'passwordChangedAt',
            'totpEnabledAt',
            'createdAt',
            'updatedAt',
          ],
          properties: {
            ...oneTimeProperty('临时密码，只显示这一次，请当面或以安全方式交给本人'),
            role: { availableValues: availableValues(ROLE_LABELS) },
            passwordHash: { isVisible: false },
            sessionEpoch: { isVisible: false },
            totpSecret: { isVisible: false },
            totpLastStep: { isVisible: false },
          },
        },
      },
      {
        resource: new ServiceResource(ApiKey, {
          scope: scopeByColumn('committeeId'),
          hiddenFields: ['secretHash'],
          createDto: IssueApiKeyDto,
          updateDto: IssueApiKeyDto,
          create: async (input) => {
            const dto = input as IssueApiKeyDto;
            const { apiKey, key } = await apiKeys.issue({
              name: dto.name,
              scopes: dto.scopes.split(/[\s,]+/).filter(Boolean),
              role: dto.role,
              committeeId: dto.committeeId,
              holderId: dto.holderId ?? null,
              expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
            });
            keepOneTimeValue('ApiKey', apiKey.id, key);
            return apiKey;
          },
          update: () => Promise.reject(new Error('API keys are revoked and reissued, not edited')),
          remove: () => Promise.reject(new Error('API keys are revoked, never deleted')),
        }),
        options: {
          navigation: NAVIGATION.system,
          actions: {
            ...withOneTimeValues(actionsFor('apiKey', ['edit', ...NO_DELETES])),
            revoke: recordCommand('apiKey', 'revoke', {
              icon: 'XCircle',
              guard: '确定吊销该 API 密钥？所有实例立即拒绝使用它，且不能恢复。',
              run: async (id) => {
                await apiKeys.revoke(Number(id));
                return '已吊销';
              },
            }),
          },
          listProperties: [
            'id',
            'name',
            'prefix',
            'role',
            'committeeId',
            'holderId',
            'expiresAt',
            'revokedAt',
            'lastUsedAt',
          ],
          editProperties: ['name', 'scopes', 'role', 'committeeId', 'holderId', 'expiresAt'],
          showProperties: [
            ONE_TIME_VALUE,
            'id',
            'name',
            'prefix',
            'scopes',
            'role',
            'committeeId',
            'holderId',
            'expiresAt',
            'revokedAt',
            'lastUsedAt',
            'createdAt',
          ],
          properties: {
            ...oneTimeProperty('完整密钥，只显示这一次，请立即复制到对接系统'),
            role: { availableValues: availableValues(roleLabels(API_KEY_ROLES)) },
            scopes: {
              description:
                '逗号分隔：records:read, records:write, records:export（导出）, personal:reveal（查看完整个人信息）, reports:read',
            },
            holderId: {
              ...CHOICE_REFERENCES.keyHolder,
              description:
                '密钥持有人：该工委已启用的业务账号或对接账号（不能是签发人或三员）；密钥的角色不能超出持有人的角色',
            },
            secretHash: { isVisible: false },
          },
        },
      },
      {
        resource: new ScopedResource(AdminSession, {
          // Live sessions only; the session data itself never leaves the server.
          scope: (_actor, where) => ({
            ...where,
            destroyedAt: IsNull(),
            expiredAt: MoreThan(clock.now().getTime()),
          }),
          hiddenFields: ['json', 'destroyedAt'],
          // The session id is the cookie's credential: the panel shows and acts on its digest.
          storedId: (shownId) => adminSessions.liveSessionId(shownId),
          derive: (params) => {
            const holder = sessionHolder(typeof params.json === 'string' ? params.json : '');
            return {
              id: sessionDigest(String(params.id)),
              username: holder.username,
              role: holder.role ? (ROLE_LABELS as Record<string, string>)[holder.role] : null,
              ip: holder.ip,
              loginAt: holder.loginAt?.toISOString() ?? null,
              lastSeenAt: holder.lastSeenAt?.toISOString() ?? null,
              // The store keeps epoch milliseconds; the panel shows a time.
              expiredAt: new Date(Number(params.expiredAt)).toISOString(),
            };
          },
        }),
        options: {
          navigation: NAVIGATION.audit,
          actions: {
            ...actionsFor('adminSession', NO_GENERIC_WRITES),
            endSession: recordCommand('adminSession', 'endSession', {
              icon: 'LogOut',
              guard: '确定结束该会话？对方需重新登录。',
              run: async (id) => {
                await adminSessions.end(id);
                return '会话已结束';
              },
              then: 'list',
            }),
          },
          sort: { sortBy: 'expiredAt', direction: 'desc' },
          listProperties: ['username', 'role', 'ip', 'loginAt', 'lastSeenAt', 'expiredAt'],
          showProperties: ['username', 'role', 'ip', 'loginAt', 'lastSeenAt', 'expiredAt'],
          filterProperties: [],
          properties: {
            // An empty filter list means "every visible field" to AdminJS: these are not visible.
            json: { isVisible: false },
            destroyedAt: { isVisible: false },
            username: { type: 'string', isSortable: false },
            role: { type: 'string', isSortable: false },
            ip: { type: 'string', isSortable: false },
            loginAt: { type: 'datetime', isSortable: false },
            lastSeenAt: { type: 'datetime', isSortable: false },
            expiredAt: { type: 'datetime' },
          },
        },
      },
      {
        resource: new ScopedResource(AuditLog, { scope: scopeByColumn('actorCommitteeId') }),
        options: {
          navigation: NAVIGATION.audit,
          actions: actionsFor('auditLog', NO_GENERIC_WRITES),
          sort: { sortBy: 'id', direction: 'desc' },
          listProperties: ['id', ...AUDIT_COLUMNS],
          filterProperties: [...AUDIT_COLUMNS],
          properties: { detail: { type: 'textarea' } },
        },
      },
      {
        resource: new ScopedResource(LoginAttempt, { scope: scopeWholeSystemOnly }),
        options: {
          navigation: NAVIGATION.audit,
          actions: actionsFor('loginAttempt', NO_GENERIC_WRITES),
          sort: { sortBy: 'id', direction: 'desc' },
          listProperties: ['id', 'attemptedAt', 'username', 'ip', 'outcome'],
          filterProperties: ['attemptedAt', 'username', 'ip', 'outcome'],
        },
      },
      choices(
        CHOICE_REFERENCES.keyHolder.reference,
        AdminUser,
        ADMIN_USER_READ,
        { enabled: true, committeeId: Not(IsNull()), role: In([...API_KEY_ROLES]) },
        { property: 'username' },
      ),
    ];
  },
});
