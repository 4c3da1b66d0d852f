import type { Message } from '../../common/errors.js';
import type { CommitteeKind } from './committee.entity.js';

/**
 * The committee tree has two levels: a district standing committee at the top (no parent),
 * subdistrict working committees under a district one. Returns the problem, or null.
 */
export function committeeParentProblem(
  kind: CommitteeKind,
  parentKind: CommitteeKind | null,
): Message | null {
  if (kind === 'district' && parentKind !== null) {
    return { zh: '区人大常委会不能有上级', en: 'A district committee has no parent' };
  }
  if (kind === 'subdistrict' && parentKind !== 'district') {
    return {
      zh: '街道人大工委的上级必须是区人大常委会',
      en: 'A subdistrict committee must have a district committee as its parent',
    };
  }
  return null;
}
