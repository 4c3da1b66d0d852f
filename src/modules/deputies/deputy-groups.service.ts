import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { DEPUTIES_LABELS } from './deputies.labels.js';
import { RecordService } from '../../platform/records/record.service.js';
import { DeputyGroup } from './deputy-group.entity.js';
import type { ListDeputyGroupsQuery } from './dto/deputy-group.dto.js';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { requireCommittee } from '../committees/committee-references.js';

@Injectable()
export class DeputyGroupsService extends RecordService<DeputyGroup> {
  protected readonly recordName = DEPUTIES_LABELS.records.deputyGroup;
  protected readonly resource = 'deputyGroup';
  protected readonly scope: RecordScope<DeputyGroup> = ownedByCommittee<DeputyGroup>();
  protected readonly sortable = ['id', 'name', 'committeeId'] as const;

  constructor(
    @InjectRepository(DeputyGroup) repository: Repository<DeputyGroup>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListDeputyGroupsQuery): FindOptionsWhere<DeputyGroup> {
    return { committeeId: query.committeeId };
  }

  protected override async checkWrite(manager: EntityManager, next: DeputyGroup): Promise<void> {
    await requireCommittee(manager, next.committeeId);
  }
}
