import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { CommitteeTree } from '../../platform/access/committee-tree.js';
import { Committee } from './committee.entity.js';

/** The committee tree as access reads it (provided as the platform's `CommitteeTree`). */
@Injectable()
export class CommitteesRepository extends CommitteeTree {
  constructor(@InjectRepository(Committee) private readonly committees: Repository<Committee>) {
    super();
  }

  async subtree(
    committeeId: number,
    manager: EntityManager = this.committees.manager,
  ): Promise<number[]> {
    const rows = await manager.find(Committee, {
      select: { id: true },
      where: [{ id: committeeId }, { parentId: committeeId }],
    });
    return rows.map((row) => row.id);
  }
}
