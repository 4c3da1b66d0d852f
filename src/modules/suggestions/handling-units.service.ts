import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { personalDataHash } from '../../common/personal-data.js';
import { RecordService } from '../../platform/records/record.service.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import type { ListHandlingUnitsQuery } from './dto/handling-unit.dto.js';
import { HandlingUnit } from './handling-unit.entity.js';
import { SUGGESTIONS_LABELS } from './suggestions.labels.js';
import { HANDLING_UNIT_SCOPE } from './suggestions.scopes.js';

/** 承办单位: the shared registry (name unique); the contact's phone is personal data. */
@Injectable()
export class HandlingUnitsService extends RecordService<HandlingUnit> {
  protected readonly recordName = SUGGESTIONS_LABELS.records.handlingUnit;
  protected readonly resource = 'handlingUnit';
  protected readonly scope: RecordScope<HandlingUnit> = HANDLING_UNIT_SCOPE;
  protected readonly sortable = ['id', 'name', 'kind', 'enabled'] as const;
  protected override readonly defaultSort = 'name';

  constructor(
    @InjectRepository(HandlingUnit) repository: Repository<HandlingUnit>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListHandlingUnitsQuery): FindOptionsWhere<HandlingUnit> {
    return {
      kind: query.kind,
      enabled: query.enabled,
      contactPhoneHash: query.contactPhone
        ? (personalDataHash(query.contactPhone) ?? undefined)
        : undefined,
    };
  }
}
