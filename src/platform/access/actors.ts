import type { Role } from '../../common/roles.js';
import type { Actor } from './actor.js';
import type { CommitteeTree } from './committee-tree.js';
import { ADMINISTRATOR_ROLES } from './permissions.js';

/** Who signs in or calls: a user of the panel or an API key, as its record says. */
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
export async function actorFor(tree: CommitteeTree, principal: Principal): Promise<Actor> {
  let committeeIds: readonly number[] | null;
  if (principal.committeeId !== null) {
    committeeIds = await tree.subtree(principal.committeeId);
  } else {
    committeeIds = principal.role && ADMINISTRATOR_ROLES.includes(principal.role) ? null : [];
  }
  return { ...principal, committeeIds };
}
