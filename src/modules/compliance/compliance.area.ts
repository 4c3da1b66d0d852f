import type { Area } from '../../platform/areas/area.js';
import { CadenceRule } from './cadence-rule.entity.js';
import { ComplianceEvaluation } from './compliance-evaluation.entity.js';
import { ComplianceRecord } from './compliance-record.entity.js';
import { COMPLIANCE_LABELS } from './compliance.labels.js';
import { ComplianceModule } from './compliance.module.js';

/** Cadence rules (活动频次规则) and whether each committee met them (达标记录). */
export const COMPLIANCE_AREA = {
  name: 'compliance',
  module: ComplianceModule,
  entities: [CadenceRule, ComplianceRecord, ComplianceEvaluation],
  labels: COMPLIANCE_LABELS,
  adminAccess: {
    CadenceRule: { permission: 'cadenceRule', resourceActions: ['runCheck'] },
    ComplianceRecord: { permission: 'complianceRecord' },
  },
  admin: () => import('./admin/compliance.admin.js'),
} satisfies Area;
