import type { RecordName } from './errors.js';

/** How each record is named in messages, in Chinese first. */
export const RECORD_NAMES = {
  committee: { zh: '人大工委/常委会', en: 'Committee' },
  community: { zh: '社区/村', en: 'Community' },
  term: { zh: '届次', en: 'Term' },
  deputyGroup: { zh: '代表小组', en: 'Deputy group' },
  deputy: { zh: '代表', en: 'Deputy' },
  dictionary: { zh: '数据字典', en: 'Dictionary' },
  dictionaryItem: { zh: '字典项', en: 'Dictionary item' },
  activityKind: { zh: '活动类型', en: 'Activity kind' },
  activity: { zh: '活动', en: 'Activity' },
  attendance: { zh: '出席记录', en: 'Attendance' },
  apiKey: { zh: 'API 密钥', en: 'API key' },
  adminUser: { zh: '管理员', en: 'Admin user' },
  adminSession: { zh: '在线会话', en: 'Admin session' },
  cadenceRule: { zh: '活动频次规则', en: 'Cadence rule' },
  complianceRecord: { zh: '达标记录', en: 'Compliance record' },
  jobRun: { zh: '任务运行记录', en: 'Job run' },
  notification: { zh: '通知', en: 'Notification' },
} satisfies Record<string, RecordName>;
