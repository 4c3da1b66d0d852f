import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { TERMS_LABELS } from './terms.labels.js';
import { RecordService } from '../../platform/records/record.service.js';
import type { ListTermsQuery } from './dto/term.dto.js';
import { Term } from './term.entity.js';
import { sharedRecords, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';

@Injectable()
export class TermsService extends RecordService<Term> {
  protected readonly recordName = TERMS_LABELS.records.term;
  protected readonly resource = 'term';
  protected readonly scope: RecordScope<Term> = sharedRecords<Term>();
  protected readonly sortable = ['id', 'ordinal', 'startsOn', 'level'] as const;

  constructor(@InjectRepository(Term) repository: Repository<Term>, audit: AuditTrail) {
    super(repository, audit);
  }

  protected override where(query: ListTermsQuery): FindOptionsWhere<Term> {
    return { level: query.level };
  }

  protected override checkWrite(_manager: EntityManager, next: Term): Promise<void> {
    if (next.endsOn && next.endsOn < next.startsOn) {
      throw ruleViolation(
        { zh: '结束日期早于开始日期', en: 'The term ends before it starts' },
        'endsOn',
      );
    }
    return Promise.resolve();
  }
}
