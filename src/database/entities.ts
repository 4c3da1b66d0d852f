import { Activity } from '../modules/activities/activity.entity.js';
import { Attendance } from '../modules/activities/attendance.entity.js';
import { AuditLog } from '../platform/audit/audit-log.entity.js';
import { LoginAttempt } from '../modules/auth/login-attempt.entity.js';
import { AdminUser } from '../modules/auth/admin-user.entity.js';
import { ApiKey } from '../modules/auth/api-key.entity.js';
import { Committee } from '../modules/committees/committee.entity.js';
import { Community } from '../modules/committees/community.entity.js';
import { Deputy } from '../modules/deputies/deputy.entity.js';
import { DeputyGroup } from '../modules/deputies/deputy-group.entity.js';
import { Dictionary } from '../modules/dictionaries/dictionary.entity.js';
import { DictionaryItem } from '../modules/dictionaries/dictionary-item.entity.js';
import { Term } from '../modules/terms/term.entity.js';
import { AdminSession } from './session.entity.js';
import { CadenceRule } from '../modules/compliance/cadence-rule.entity.js';
import { ComplianceEvaluation } from '../modules/compliance/compliance-evaluation.entity.js';
import { ComplianceRecord } from '../modules/compliance/compliance-record.entity.js';
import { JobRun } from '../modules/jobs/job-run.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';

export const ENTITIES = [
  Committee,
  Community,
  Term,
  DeputyGroup,
  Deputy,
  Dictionary,
  DictionaryItem,
  Activity,
  Attendance,
  AdminUser,
  AdminSession,
  ApiKey,
  AuditLog,
  LoginAttempt,
  CadenceRule,
  ComplianceRecord,
  ComplianceEvaluation,
  JobRun,
  Notification,
];
