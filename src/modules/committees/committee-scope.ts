import type { EntityManager } from 'typeorm';
import { Committee } from './committee.entity.js';

/**
 * A committee and the committees directly below it (the tree has two levels: district →
 * subdistricts): the data scope of a user or API key that belongs to it.
 */
export async function committeeSubtree(
  manager: EntityManager,
  committeeId: number,
): Promise<number[]> {
  const rows = await manager.find(Committee, {
    select: { id: true },
    where: [{ id: committeeId }, { parentId: committeeId }],
  });
  return rows.map((row) => row.id);
}
