import { actorFor, type Principal } from './actors.js';
import { CommitteeTree } from './committee-tree.js';

/** A district (1) with two subdistricts (2, 3), without a database. */
class TwoLevelTree extends CommitteeTree {
  subtree(committeeId: number): Promise<number[]> {
    return Promise.resolve(committeeId === 1 ? [1, 2, 3] : [committeeId]);
  }
}

const principal = (role: Principal['role'], committeeId: number | null): Principal => ({
  kind: 'user',
  id: 7,
  name: 'someone',
  role,
  committeeId,
});

describe('actorFor', () => {
  it.each<[string, Principal, readonly number[] | null]>([
    ['a district user sees its subdistricts too', principal('staff', 1), [1, 2, 3]],
    ['a subdistrict user sees its own committee', principal('stationStaff', 2), [2]],
    [
      'an administrator without a committee sees the whole system',
      principal('auditor', null),
      null,
    ],
    ['a business role without a committee sees nothing', principal('staff', null), []],
    ['no role and no committee sees nothing', principal(null, null), []],
  ])('%s', async (_case, who, committeeIds) => {
    await expect(actorFor(new TwoLevelTree(), who)).resolves.toEqual({ ...who, committeeIds });
  });
});
