import type { LocaleTranslations } from 'adminjs';

/** Navigation groups by business area. */
export const NAVIGATION = {
  organisation: { name: '组织机构', icon: 'Home' },
  deputies: { name: '代表管理', icon: 'Users' },
  activities: { name: '代表活动', icon: 'Calendar' },
  compliance: { name: '履职督促', icon: 'CheckSquare' },
  system: { name: '系统设置', icon: 'Settings' },
  audit: { name: '安全审计', icon: 'Shield' },
} as const;

export { VALUE_LABELS } from '../../common/value-labels.js';

export const availableValues = (
  labels: Record<string, string>,
): { value: string; label: string }[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const RESOURCES: Record<string, { name: string; properties: Record<string, string> }> = {
  Committee: {
    name: '人大工委/常委会',
    properties: {
      id: '编号',
      name: '名称',
      kind: '类型',
      parentId: '上级',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  Community: {
    name: '社区/村',
    properties: {
      id: '编号',
      name: '名称',
      kind: '类型',
      committeeId: '所属人大工委',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  Term: {
    name: '届次',
    properties: {
      id: '编号',
      name: '名称',
      level: '级别',
      ordinal: '届数',
      startsOn: '开始日期',
      endsOn: '结束日期',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  DeputyGroup: {
    name: '代表小组',
    properties: {
      id: '编号',
      name: '名称',
      committeeId: '所属人大工委',
      note: '备注',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  Deputy: {
    name: '代表',
    properties: {
      id: '编号',
      name: '姓名',
      gender: '性别',
      ethnicity: '民族',
      birthDate: '出生日期',
      party: '党派',
      level: '代表级别',
      constituency: '选区',
      occupation: '职业',
      workplace: '工作单位及职务',
      phone: '电话',
      phoneHash: '电话检索码',
      oneTimeValue: '完整信息（本次查看已记入审计，只显示一次）',
      email: '电子邮箱',
      committeeId: '所属人大工委',
      communityId: '社区/村',
      termId: '届次',
      groupId: '代表小组',
      status: '状态',
      endedReason: '终止原因',
      endedOn: '终止日期',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  Dictionary: {
    name: '数据字典',
    properties: {
      id: '编号',
      code: '编码',
      name: '名称',
      nameEn: '英文名称',
      description: '说明',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  DictionaryItem: {
    name: '字典项',
    properties: {
      id: '编号',
      dictionaryId: '所属字典',
      code: '编码',
      label: '名称',
      labelEn: '英文名称',
      category: '统计类别',
      sortOrder: '排序',
      enabled: '启用',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  Activity: {
    name: '代表活动',
    properties: {
      id: '编号',
      committeeId: '人大工委',
      kindId: '活动类型',
      title: '标题',
      startsAt: '开始时间',
      endsAt: '结束时间',
      location: '地点',
      status: '状态',
      summary: '内容纪要',
      organiser: '组织者',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  Attendance: {
    name: '出席记录',
    properties: {
      id: '编号',
      activityId: '活动',
      deputyId: '代表',
      status: '出席情况',
      note: '备注',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  AdminUser: {
    name: '管理员',
    properties: {
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
    },
  },
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
  CadenceRule: {
    name: '活动频次规则',
    properties: {
      id: '编号',
      name: '名称',
      subject: '对象',
      categories: '计入的活动类别',
      minCount: '每期至少次数',
      period: '期间',
      reminderDays: '提醒（到期前天数）',
      countingRule: '计数规则',
      enabled: '启用',
      createdAt: '创建时间',
      updatedAt: '更新时间',
    },
  },
  ComplianceRecord: {
    name: '达标记录',
    properties: {
      id: '编号',
      ruleId: '规则',
      committeeId: '人大工委',
      periodKey: '期间',
      periodStart: '期间开始',
      periodEnd: '期间结束',
      status: '状态',
      qualifyingCount: '已举行次数',
      qualifyingActivityIds: '计入的活动编号',
      evaluatedAt: '统计时间',
      finalisedAt: '结算时间',
    },
  },
  JobRun: {
    name: '定时任务',
    properties: {
      id: '编号',
      job: '任务',
      runKey: '运行对象',
      asOf: '基准时间',
      startedAt: '开始',
      finishedAt: '结束',
      outcome: '结果',
      counts: '处理数量',
      error: '错误',
      runner: '运行实例',
      nextRunAt: '下次运行',
    },
  },
  Notification: {
    name: '我的通知',
    properties: {
      id: '编号',
      kind: '类型',
      title: '标题',
      body: '内容',
      createdAt: '时间',
      readAt: '已读时间',
      status: '状态',
      channel: '渠道',
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
};

/** Reference pickers' own resources (reference-choices.ts): the records they list, renamed. */
for (const [id, of, name] of [
  ['ActivityKind', 'DictionaryItem', '活动类型'],
  ['DistrictCommittee', 'Committee', '区人大常委会'],
  ['SubdistrictCommittee', 'Committee', '街道人大工委'],
  ['KeyHolder', 'AdminUser', '密钥持有人'],
] as const) {
  RESOURCES[id] = { name, properties: RESOURCES[of].properties };
}

const BOOLEAN_PATHS = ['enabled', 'mustChangePassword'];

export const ZH_CN: Partial<LocaleTranslations> = {
  labels: {
    navigation: '导航',
    dashboard: '首页',
    loginWelcome: '人大工委工作平台',
    ...Object.fromEntries(
      BOOLEAN_PATHS.flatMap((path) => [
        [`${path}.true`, '是'],
        [`${path}.false`, '否'],
      ]),
    ),
    ...Object.fromEntries(Object.entries(RESOURCES).map(([id, resource]) => [id, resource.name])),
  },
  actions: {
    reveal: '查看完整信息',
    export: '导出',
    unlock: '解除锁定',
    resetPassword: '重置密码',
    revoke: '吊销',
    endSession: '结束会话',
    runCheck: '立即检查',
  },
  components: {
    Login: {
      welcomeHeader: '人大工委工作平台',
      welcomeMessage: '街道人大工委代表履职与活动记录系统。请使用管理员账号登录。',
      properties: { email: '用户名', password: '密码' },
      loginButton: '登录',
    },
  },
  messages: {
    invalidCredentials: '用户名或密码错误',
    accountLocked: '登录失败次数过多，账户已暂时锁定，请稍后再试或联系安全管理员',
    tooManyRequests: '该地址登录失败次数过多，请稍后再试',
    loginRateLimited: '登录请求过于频繁，请一分钟后再试',
    loginUnavailable: '暂时无法登录，请稍后再试',
    forbiddenError: '当前角色无权执行此操作',
    anyForbiddenError: '当前角色无权执行此操作',
    successfullyCreated: '已创建',
    successfullyUpdated: '已保存',
    successfullyDeleted: '已删除',
    thereWereValidationErrors: '填写有误，请检查标红的字段',
  },
  resources: Object.fromEntries(
    Object.entries(RESOURCES).map(([id, resource]) => [id, { properties: resource.properties }]),
  ),
};
