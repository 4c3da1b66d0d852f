import type { EntityManager } from 'typeorm';
import { COMMITTEES_LABELS } from './committees.labels.js';
import { requireReference } from '../../platform/records/record.service.js';
import { Committee } from './committee.entity.js';

/**
 * The committee a record refers to in `field`, or a 422 naming that field: the one check every
 * service makes before writing a record that belongs to a committee.
 */
export function requireCommittee(
  manager: EntityManager,
  id: number,
  field = 'committeeId',
): Promise<Committee> {
  return requireReference(manager, Committee, id, field, COMMITTEES_LABELS.records.committee);
}
