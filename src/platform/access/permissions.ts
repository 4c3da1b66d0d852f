/**
 * Who may do what: the one role × resource × action table that both the admin panel
 * (every AdminJS action's isAccessible) and the REST API (ApiKeyGuard) read.
 * Roles follow 等保2.0's separation of duties (三员分立: system, security and audit
 * administrators) plus the committee's business roles (DOMAIN.md "Who uses it").
 */

// The role names live in common/roles.ts so that config (MFA_REQUIRED_ROLES) can validate them
// without importing the platform; this table is where they are granted anything.
import type { Role } from '../../common/roles.js';

/** 三员: the three administrators, who hold no business permissions and may have no committee. */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['systemAdmin', 'securityAdmin', 'auditor'];

/** Roles an API key may act as: business roles only, never one of the three administrators. */
export const API_KEY_ROLES = ['committeeAdmin', 'staff', 'stationStaff', 'districtViewer'] as const;

export const RESOURCES = [
  'committee',
  'community',
  'term',
  'deputyGroup',
  'deputy',
  'activity',
  'attendance',
  'dictionary',
  'dictionaryItem',
  'adminUser',
  'apiKey',
  'auditLog',
  'loginAttempt',
  'adminSession',
  'cadenceRule',
  'complianceRecord',
  'jobRun',
  'notification',
  /** 统计报表: the overview (`GET /reports/overview`); read only. */
  'report',
  // [M1] plenary: 代表大会会议 (extends a plenary activity) and its 审议事项.
  'plenarySession',
  'agendaItem',
  // [M1] projects: 重大项目, 项目进度, 工作成效.
  'keyProject',
  'projectProgress',
  'countedOutcome',
  // [M1] attachments: 附件. The gate to the attachments' screens and routes; each file is further
  // checked against its record's resource (`show` to list and download, `edit` to attach/remove).
  'attachment',
  // [M1] training (学习培训): study sessions, yearly study plans and their items.
  'studySession',
  'studyPlan',
  'studyPlanItem',
  // [M1] supervision (监督): activities, opinions and their timeline (办理进展).
  'supervisionActivity',
  'opinion',
  'opinionUpdate',
  // [M1] indicators: 经济指标 and 指标数值 (values, Excel import = new + edit).
  'indicator',
  'indicatorValue',
  // [M2] outreach (联系选民): visits and forums (extend an outreach activity), voter issues.
  'outreachActivity',
  'voterIssue',
  // [M2] calendar: 节假日与调休, one nation-wide table (no committee).
  'calendarDay',
  // [M2] suggestions (代表建议): 承办单位 (shared registry), suggestions and their timeline (办理过程).
  'handlingUnit',
  'suggestion',
  'suggestionUpdate',
  // [M2] stations (代表联络站): stations, their people, posted rules, receptions, the station
  // standard (one checklist for the installation) and yearly assessments with their items.
  'station',
  'stationRole',
  'stationDocument',
  'reception',
  'stationStandardItem',
  'stationAssessment',
  'stationAssessmentItem',
] as const;
export type ResourceId = (typeof RESOURCES)[number];

export const ACTIONS = [
  'list',
  'search',
  'show',
  'new',
  'edit',
  'delete',
  'bulkDelete',
  /** See personal data (phones, ID numbers) unmasked; each use is audited. */
  'reveal',
  'export',
  /** adminUser: set a user's role (never one's own). */
  'assignRole',
  /** adminUser: lift a login lockout. */
  'unlock',
  /** adminUser: set a temporary password that must be changed at next login. */
  'resetPassword',
  /** apiKey: revoke at once. */
  'revoke',
  /** adminSession: end someone's session. */
  'endSession',
  /** cadenceRule: 立即检查, evaluate the running period now. */
  'runCheck',
  // [M1] supervision: the opinion workflow's steps (opinion.rules.ts), each also needing `edit`.
  /** opinion: 交办 to a responsible unit with a due date. */
  'assign',
  /** opinion: 开始办理. */
  'start',
  /** opinion: 办结, with the completion date. */
  'finish',
  /** opinion: 关闭, with a reason. */
  'close',
  // [M2] outreach: the voter issue workflow's steps (voter-issue.rules.ts), each its own action.
  /** voterIssue: 当场答复. */
  'answer',
  /** voterIssue: 转交办理 to a handling unit with a due date. */
  'refer',
  /** voterIssue: 解决. */
  'resolve',
  /** voterIssue: 转为代表建议 (creates or links a suggestion). */
  'escalate',
  /** voterIssue: 不予采纳, with a reason. */
  'decline',
  /** voterIssue: 反馈选民 (date, satisfaction). */
  'feedback',
  // [M2] suggestions: the suggestion workflow's steps (suggestion.rules.ts; `assign` 交办 is
  // shared with opinions), each also needing `edit`.
  /** suggestion: 退回, by the unit, within the return window. */
  'return',
  /** suggestion: 申请延期, once, with its approval. */
  'extend',
  /** suggestion: 答复, with the date, text and class A–D. */
  'reply',
  /** suggestion: 评价 by the lead deputy (满意 / 基本满意 / 不满意). */
  'evaluate',
  /** suggestion: 督办, a supervision entry on the timeline (no change of state). */
  'supervise',
  /** suggestion: 办结 of a B/C reply once solved. */
  'solve',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: readonly Action[] = ['list', 'search', 'show'];
const MAINTAIN: readonly Action[] = [...READ, 'new', 'edit', 'delete', 'bulkDelete'];

type Grants = Partial<Record<ResourceId, readonly Action[]>>;

/** Reference data every business role reads (pickers and labels). */
const REFERENCE_READ: Grants = {
  cadenceRule: READ,
  complianceRecord: READ,
  notification: READ,
  committee: READ,
  community: READ,
  term: READ,
  deputyGroup: READ,
  dictionary: READ,
  dictionaryItem: READ,
};

/**
 * [M2] 代表建议: staff keep the suggestions and move them along their workflow; the timeline is
 * history (written by the steps and 督办). The handling units are a registry shared by every
 * committee that the committees' staff keep (their contacts' phones revealed, audited).
 */
const SUGGESTION_RECORDS_MAINTAIN: Grants = {
  // Revealing a contact's phone is the committee admin's, as for voters (see committeeAdmin).
  handlingUnit: MAINTAIN,
  suggestion: [
    ...MAINTAIN,
    'assign',
    'return',
    'extend',
    'reply',
    'evaluate',
    'supervise',
    'solve',
  ],
  // `new`: the entry each step and 督办 write; entries are never edited or deleted on their own.
  suggestionUpdate: [...READ, 'new'],
};

/**
 * [M1] The records of the annual report's 一(一)–(四), which a committee's staff keep and the
 * district reads: congress sessions, key projects and outcomes, training, supervision (opinions
 * move along their workflow; the timeline is history), indicators, and the files attached to
 * them; and the overview.
 */
const REPORT_RECORDS_MAINTAIN: Grants = {
  report: ['show'],
  plenarySession: MAINTAIN,
  agendaItem: MAINTAIN,
  keyProject: MAINTAIN,
  projectProgress: MAINTAIN,
  countedOutcome: MAINTAIN,
  attachment: MAINTAIN,
  studySession: MAINTAIN,
  studyPlan: MAINTAIN,
  studyPlanItem: MAINTAIN,
  supervisionActivity: MAINTAIN,
  opinion: [...MAINTAIN, 'assign', 'start', 'finish', 'close'],
  // `edit`: correct a note and attach files to an entry (attachments need the record's edit);
  // entries are never deleted on their own, only with their opinion.
  opinionUpdate: [...READ, 'new', 'edit'],
  indicator: MAINTAIN,
  indicatorValue: MAINTAIN,
  ...SUGGESTION_RECORDS_MAINTAIN,
};
/**
 * [M2] 节假日与调休: one calendar for every committee (the State Council's dates), which staff
 * correct and every role reads (due dates are computed with it).
 */
const CALENDAR_MAINTAIN: Grants = { calendarDay: MAINTAIN };
const CALENDAR_READ: Grants = { calendarDay: READ };

/**
 * [M2] 代表联络站's records, kept by a committee's staff and read by the district; the standard
 * (a checklist for the whole installation) is configuration: read here, edited by the system
 * administrator.
 */
const STATION_RECORDS_MAINTAIN: Grants = {
  station: MAINTAIN,
  stationRole: MAINTAIN,
  stationDocument: MAINTAIN,
  reception: MAINTAIN,
  stationStandardItem: READ,
  stationAssessment: MAINTAIN,
  // Items are written with their assessment (new, edit), never deleted alone.
  stationAssessmentItem: [...READ, 'new', 'edit'],
};
const STATION_RECORDS_READ: Grants = Object.fromEntries(
  Object.keys(STATION_RECORDS_MAINTAIN).map((resource) => [resource, READ]),
);
const REPORT_RECORDS_READ: Grants = {
  ...Object.fromEntries(Object.keys(REPORT_RECORDS_MAINTAIN).map((resource) => [resource, READ])),
  report: ['show'],
};

/**
 * [M2] 联系选民: visits and forums, and voter issues with their steps. Committee staff keep them;
 * station staff record voter issues (DOMAIN.md) and read visits and forums; the district reads
 * them masked. Revealing a voter's data is committeeAdmin's alone, like a deputy's.
 */
const VOTER_ISSUE_STEPS: readonly Action[] = [
  'answer',
  'refer',
  'resolve',
  'escalate',
  'decline',
  'feedback',
];
const OUTREACH_MAINTAIN: Grants = {
  outreachActivity: MAINTAIN,
  voterIssue: [...MAINTAIN, ...VOTER_ISSUE_STEPS],
};
const OUTREACH_READ: Grants = { outreachActivity: READ, voterIssue: READ };

export const PERMISSIONS: Readonly<Record<Role, Grants>> = {
  // Users, dictionaries, the organisation's structure; no deputies' or voters' records.
  systemAdmin: {
    committee: MAINTAIN,
    community: MAINTAIN,
    term: MAINTAIN,
    deputyGroup: READ,
    dictionary: MAINTAIN,
    dictionaryItem: MAINTAIN,
    adminUser: [...READ, 'new', 'edit'],
    // The counting rules are configuration; the job monitor is the system's.
    cadenceRule: [...READ, 'edit', 'runCheck'],
    jobRun: READ,
    ...CALENDAR_MAINTAIN,
    // [M2] the station standard (an example "九有" seeded) is the installation's configuration.
    stationStandardItem: MAINTAIN,
  },
  // Roles, lockouts, API keys and sessions; no business records.
  securityAdmin: {
    committee: READ,
    // `edit` opens the form; the service lets this role change only the grant (role, committee).
    adminUser: [...READ, 'edit', 'assignRole', 'unlock', 'resetPassword'],
    apiKey: [...READ, 'new', 'revoke'],
    adminSession: [...READ, 'endSession'],
  },
  // Reads the audit trail and the login log, nothing else.
  auditor: {
    auditLog: [...READ, 'export'],
    loginAttempt: READ,
  },
  committeeAdmin: {
    ...REFERENCE_READ,
    community: MAINTAIN,
    deputyGroup: MAINTAIN,
    deputy: [...MAINTAIN, 'reveal', 'export'],
    activity: [...MAINTAIN, 'export'],
    attendance: MAINTAIN,
    ...REPORT_RECORDS_MAINTAIN,
    ...OUTREACH_MAINTAIN,
    voterIssue: [...MAINTAIN, ...VOTER_ISSUE_STEPS, 'reveal'],
    ...CALENDAR_MAINTAIN,
    ...STATION_RECORDS_MAINTAIN,
    station: [...MAINTAIN, 'reveal'],
    handlingUnit: [...MAINTAIN, 'reveal'],
  },
  staff: {
    ...REFERENCE_READ,
    deputy: [...READ, 'new', 'edit', 'export'],
    activity: [...MAINTAIN, 'export'],
    attendance: MAINTAIN,
    ...REPORT_RECORDS_MAINTAIN,
    ...OUTREACH_MAINTAIN,
    ...CALENDAR_MAINTAIN,
    ...STATION_RECORDS_MAINTAIN,
  },
  // Station staff (DOMAIN: 联络站站长/联络员) record receptions, voter issues and their steps, the
  // activities and attendance behind them; they read the committee's deputies (masked) and
  // stations. No user is tied to a station: they see their committee's stations.
  stationStaff: {
    ...REFERENCE_READ,
    deputy: READ,
    activity: [...READ, 'new', 'edit'],
    attendance: MAINTAIN,
    attachment: MAINTAIN,
    outreachActivity: READ,
    // Turning an issue into a deputy suggestion (转为代表建议) is the committee staff's decision;
    // a referral names a handling unit from the registry they read (contacts masked).
    // They record; deleting an issue or a reception (and its place in the chain) is not theirs.
    voterIssue: OUTREACH_MAINTAIN.voterIssue?.filter(
      (action) => !['escalate', 'delete', 'bulkDelete'].includes(action),
    ),
    handlingUnit: READ,
    ...CALENDAR_READ,
    // [M2] DOMAIN: station staff record receptions; they read stations, their people and rules
    // (contact phones masked). No per-station scoping: they see their committee's stations.
    station: READ,
    stationRole: READ,
    stationDocument: READ,
    stationStandardItem: READ,
    reception: [...READ, 'new', 'edit'],
  },
  // Reads everything below the district, without personal data.
  districtViewer: {
    ...REFERENCE_READ,
    deputy: [...READ, 'export'],
    activity: [...READ, 'export'],
    attendance: READ,
    ...REPORT_RECORDS_READ,
    ...OUTREACH_READ,
    ...CALENDAR_READ,
    ...STATION_RECORDS_READ,
  },
};

export function can(role: Role | null | undefined, resource: ResourceId, action: Action): boolean {
  if (!role) return false;
  return PERMISSIONS[role]?.[resource]?.includes(action) ?? false;
}

/** Whether the role may create, change or delete some record (what `records:write` asks of it). */
export function mayWriteRecords(role: Role): boolean {
  return Object.values(PERMISSIONS[role]).some((actions) =>
    actions.some((action) => action === 'new' || action === 'edit' || action === 'delete'),
  );
}

/**
 * Whether every permission of `inner` is also one of `outer`'s: an API key's role must stay
 * within its holder's (三员分立: whoever issues a key grants nothing its holder lacks).
 */
export function roleWithin(inner: Role, outer: Role): boolean {
  return Object.entries(PERMISSIONS[inner]).every(([resource, actions]) =>
    (actions ?? []).every((action) => can(outer, resource as ResourceId, action)),
  );
}

/** 中文 role names for screens and messages. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  systemAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditor: '审计管理员',
  committeeAdmin: '工委管理员',
  staff: '工作人员',
  stationStaff: '联络站人员',
  districtViewer: '区人大查看',
};

/** The roles an API key may hold that are allowed `action` on `resource` (the API's callers). */
export function apiKeyRolesFor(resource: ResourceId, action: Action): Role[] {
  return API_KEY_ROLES.filter((role) => can(role, resource, action));
}
