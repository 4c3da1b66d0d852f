import type { EntityManager } from 'typeorm';

/**
 * The port through which access reads the committee tree: the platform names what it needs, the
 * committees module provides it (`CommitteesRepository`), so the platform imports no module.
 */
export abstract class CommitteeTree {
  /**
   * A committee and the committees directly below it (the tree has two levels: district →
   * subdistricts): the data scope of a user or API key that belongs to it. In the caller's
   * transaction when given its `manager`.
   */
  abstract subtree(committeeId: number, manager?: EntityManager): Promise<number[]>;
}
