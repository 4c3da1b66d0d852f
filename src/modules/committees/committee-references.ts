import type { EntityManager } from 'typeorm';
import { RECORD_NAMES } from '../../common/record-names.js';
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
  return requireReference(manager, Committee, id, field, RECORD_NAMES.committee);
}
