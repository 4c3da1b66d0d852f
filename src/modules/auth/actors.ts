import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/access/actor.js';
import { committeeSubtree } from '../committees/committee-scope.js';
import { ADMINISTRATOR_ROLES } from '../../platform/access/permissions.js';
import { type Role } from '../../common/roles.js';

export interface Principal {
  kind: 'user' | 'apiKey';
  id: number;
  name: string;
  role: Role | null;
  committeeId: number | null;
}

/**
 * The actor a user or API key acts as. Its data scope is its committee's subtree; only the three
 * administrators may have no committee, which means the whole system (they hold no business
 * permissions anyway). A business role without a committee sees nothing.
 */
export async function actorFor(manager: EntityManager, principal: Principal): Promise<Actor> {
  let committeeIds: readonly number[] | null;
  if (principal.committeeId !== null) {
    committeeIds = await committeeSubtree(manager, principal.committeeId);
  } else {
    committeeIds = principal.role && ADMINISTRATOR_ROLES.includes(principal.role) ? null : [];
  }
  return { ...principal, committeeIds };
}
