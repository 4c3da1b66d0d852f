import type { EntityManager } from 'typeorm';
import { ruleViolation, type Message } from '../../common/errors.js';
import { COMMITTEES_LABELS } from './committees.labels.js';
import { Community } from './community.entity.js';
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

/**
 * The community a record names in `communityId`, which must be one of `committeeId`'s: 422 naming
 * `communityId` when it does not exist or belongs to another committee (`otherCommittee` says
 * whose committee, in the record's words).
 */
export async function requireCommunityOf(
  manager: EntityManager,
  communityId: number,
  committeeId: number,
  otherCommittee: Message,
): Promise<Community> {
  const community = await requireReference(
    manager,
    Community,
    communityId,
    'communityId',
    COMMITTEES_LABELS.records.community,
  );
  if (community.committeeId !== committeeId) throw ruleViolation(otherCommittee, 'communityId');
  return community;
}
