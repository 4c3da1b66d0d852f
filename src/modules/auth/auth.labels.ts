import type { AreaLabels } from '../../platform/areas/area.js';

const ADMIN_USER_FIELDS = {
  id: '编号',
  username: '用户名',
  displayName: '姓名',
  email: '邮箱（接收提醒）',
  mustChangePassword: '须修改密码',
  enabled: '启用',
  role: '角色',
  committeeId: '所属人大工委',
  sessionEpoch: '会话代次',
  lastLoginAt: '最近登录',
  passwordChangedAt: '密码修改时间',
  oneTimeValue: '临时密码（只显示一次）',
  totpEnabledAt: '双因素启用时间',
  createdAt: '创建时间',
  updatedAt: '更新时间',
};

/**
 * How the accounts and security records are called: accounts, keys, sessions, and the two logs
 * the security auditor reads (the audit trail itself is the platform's; its screen is here).
 */
export const AUTH_LABELS = {
  records: {
    apiKey: { zh: 'API 密钥', en: 'API key' },
    adminUser: { zh: '管理员', en: 'Admin user' },
    adminSession: { zh: '在线会话', en: 'Admin session' },
  },
  resources: {
    AdminUser: { name: '管理员', properties: ADMIN_USER_FIELDS },
    ApiKey: {
      name: 'API 密钥',
      properties: {
        id: '编号',
        name: '名称',
        prefix: '前缀',
        scopes: '权限范围',
        role: '角色',
        committeeId: '所属人大工委',
        expiresAt: '过期时间',
        revokedAt: '吊销时间',
        lastUsedAt: '最近使用',
        createdAt: '创建时间',
        oneTimeValue: '完整密钥（只显示一次）',
      },
    },
    AdminSession: {
      name: '在线会话',
      properties: {
        username: '用户名',
        role: '角色',
        ip: '登录地址',
        loginAt: '登录时间',
        lastSeenAt: '最近活动',
        expiredAt: '空闲到期',
      },
    },
    AuditLog: {
      name: '操作日志',
      properties: {
        id: '编号',
        occurredAt: '时间',
        actorKind: '操作者类型',
        actorId: '操作者编号',
        actorName: '操作者',
        actorCommitteeId: '操作者所属工委',
        ip: 'IP 地址',
        requestId: '请求编号',
        action: '操作',
        objectType: '对象类型',
        objectId: '对象编号',
        outcome: '结果',
        detail: '详情',
      },
    },
    LoginAttempt: {
      name: '登录日志',
      properties: {
        id: '编号',
        attemptedAt: '时间',
        username: '用户名',
        userId: '用户编号',
        ip: 'IP 地址',
        userAgent: '浏览器',
        outcome: '结果',
      },
    },
    // The key-holder picker (admin/auth.admin.ts): the accounts it offers, renamed.
    KeyHolder: { name: '密钥持有人', properties: ADMIN_USER_FIELDS },
  },
  actions: {
    unlock: '解除锁定',
    resetPassword: '重置密码',
    revoke: '吊销',
    endSession: '结束会话',
  },
} as const satisfies AreaLabels;
