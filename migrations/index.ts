import { CreateCommittees1795680000001 } from './1795680000001-CreateCommittees.js';
import { CreateDeputies1795680000002 } from './1795680000002-CreateDeputies.js';
import { CreateDictionaries1795680000003 } from './1795680000003-CreateDictionaries.js';
import { CreateActivities1795680000004 } from './1795680000004-CreateActivities.js';
import { CreateAccess1795680000005 } from './1795680000005-CreateAccess.js';
import { AddRoles1795680000006 } from './1795680000006-AddRoles.js';
import { CreateAuditTrail1795680000007 } from './1795680000007-CreateAuditTrail.js';
import { EncryptPersonalData1795680000008 } from './1795680000008-EncryptPersonalData.js';
import { AddSecondFactor1795680000009 } from './1795680000009-AddSecondFactor.js';
import { CreateJobsAndCompliance1795680000010 } from './1795680000010-CreateJobsAndCompliance.js';
import { AddApiKeyHolder1795680000020 } from './1795680000020-AddApiKeyHolder.js';
import { AddExternalIds1795680000030 } from './1795680000030-AddExternalIds.js';
import { CreateComplianceEvaluations1795680000040 } from './1795680000040-CreateComplianceEvaluations.js';
import { AddJobRunLease1795680000050 } from './1795680000050-AddJobRunLease.js';

/** Every migration, in order. Listed explicitly so the app, the CLI and tests run the same set. */
export const MIGRATIONS = [
  CreateCommittees1795680000001,
  CreateDeputies1795680000002,
  CreateDictionaries1795680000003,
  CreateActivities1795680000004,
  CreateAccess1795680000005,
  AddRoles1795680000006,
  CreateAuditTrail1795680000007,
  EncryptPersonalData1795680000008,
  AddSecondFactor1795680000009,
  CreateJobsAndCompliance1795680000010,
  AddApiKeyHolder1795680000020,
  AddExternalIds1795680000030,
  CreateComplianceEvaluations1795680000040,
  AddJobRunLease1795680000050,
];
