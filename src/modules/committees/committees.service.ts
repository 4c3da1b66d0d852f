import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { conflict, ruleViolation } from '../../common/errors.js';
import { COMMITTEES_LABELS } from './committees.labels.js';
import { RecordService } from '../../platform/records/record.service.js';
import { Committee } from './committee.entity.js';
import { committeeParentProblem } from './committee.rules.js';
import type { ListCommitteesQuery } from './dto/committee.dto.js';
import { type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { requireCommittee } from './committee-references.js';

/** A committee belongs to its parent's subtree; a top-level (district) one to itself. */
const COMMITTEE_SCOPE: RecordScope<Committee> = {
  where: (ids) => ({ id: In([...ids]) }),
  owner: (_manager, committee) => committee.parentId ?? committee.id ?? null,
  field: 'parentId',
};

@Injectable()
export class CommitteesService extends RecordService<Committee> {
  protected readonly recordName = COMMITTEES_LABELS.records.committee;
  protected readonly resource = 'committee';
  protected readonly scope: RecordScope<Committee> = COMMITTEE_SCOPE;
  protected readonly sortable = ['id', 'name', 'kind', 'createdAt'] as const;

  constructor(@InjectRepository(Committee) repository: Repository<Committee>, audit: AuditTrail) {
    super(repository, audit);
  }

  /**
   * Whether a committee exists, without the permission and scope checks of `get`: for a caller
   * that has made its own (an unseen committee answers as a missing one there).
   */
  exists(id: number): Promise<boolean> {
    return this.repository.existsBy({ id });
  }

  /** The committees with these ids, by name (a report's rows; the ids come already scoped). */
  inNameOrder(ids: readonly number[]): Promise<Committee[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repository.find({ where: { id: In([...ids]) }, order: { name: 'ASC' } });
  }

  protected override where(query: ListCommitteesQuery): FindOptionsWhere<Committee> {
    return { kind: query.kind, parentId: query.parentId };
  }

  protected override async checkWrite(
    manager: EntityManager,
    next: Committee,
    current?: Committee,
  ): Promise<void> {
    next.parentId ??= null;
    const parent = next.parentId
      ? await requireCommittee(manager, next.parentId, 'parentId')
      : null;
    const problem = committeeParentProblem(next.kind, parent?.kind ?? null);
    if (problem) throw ruleViolation(problem, 'parentId');
    // A unique index treats NULL parents as distinct, so top-level names are checked here.
    const sameName = await manager.findOneBy(Committee, {
      name: next.name,
      parentId: next.parentId ?? IsNull(),
    });
    if (sameName && sameName.id !== current?.id) {
      throw conflict(
        {
          zh: `已有同名的${COMMITTEES_LABELS.records.committee.zh}：${next.name}`,
          en: `A committee named ${next.name} already exists`,
        },
        'name',
      );
    }
    if (current && current.kind === 'district' && next.kind !== 'district') {
      if (await manager.existsBy(Committee, { parentId: current.id })) {
        throw ruleViolation(
          {
            zh: '该区人大常委会下还有街道人大工委，不能改为街道',
            en: 'A district committee with subdistricts cannot change kind',
          },
          'kind',
        );
      }
    }
  }
}
