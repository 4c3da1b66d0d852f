import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { COMMITTEES_LABELS } from './committees.labels.js';
import { RecordService } from '../../platform/records/record.service.js';
import { Community } from './community.entity.js';
import type { ListCommunitiesQuery } from './dto/committee.dto.js';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { requireCommittee } from './committee-references.js';

@Injectable()
export class CommunitiesService extends RecordService<Community> {
  protected readonly recordName = COMMITTEES_LABELS.records.community;
  protected readonly resource = 'community';
  protected readonly scope: RecordScope<Community> = ownedByCommittee<Community>();
  protected readonly sortable = ['id', 'name', 'committeeId'] as const;

  constructor(@InjectRepository(Community) repository: Repository<Community>, audit: AuditTrail) {
    super(repository, audit);
  }

  protected override where(query: ListCommunitiesQuery): FindOptionsWhere<Community> {
    return { committeeId: query.committeeId, externalId: query.externalId };
  }

  protected override async checkWrite(manager: EntityManager, next: Community): Promise<void> {
    const committee = await requireCommittee(manager, next.committeeId);
    if (committee.kind !== 'subdistrict') {
      throw ruleViolation(
        { zh: '社区/村只能属于街道人大工委', en: 'A community belongs to a subdistrict committee' },
        'committeeId',
      );
    }
  }
}
