import { AREAS } from '../areas.js';
import type { Area } from '../platform/areas/area.js';
import { AuditLog } from '../platform/audit/audit-log.entity.js';
import { AdminSession } from './session.entity.js';

const areas: readonly Area[] = AREAS;

/** Every entity: the platform's own (audit trail, sessions) and each area's (src/areas.ts). */
export const ENTITIES = [AuditLog, AdminSession, ...areas.flatMap((area) => area.entities)];
