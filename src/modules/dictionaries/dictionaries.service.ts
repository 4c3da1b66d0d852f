import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DICTIONARIES_LABELS } from './dictionaries.labels.js';
import { RecordService } from '../../platform/records/record.service.js';
import { Dictionary } from './dictionary.entity.js';
import { sharedRecords, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';

@Injectable()
export class DictionariesService extends RecordService<Dictionary> {
  protected readonly recordName = DICTIONARIES_LABELS.records.dictionary;
  protected readonly resource = 'dictionary';
  protected readonly scope: RecordScope<Dictionary> = sharedRecords<Dictionary>();
  protected readonly sortable = ['id', 'code', 'name'] as const;

  constructor(@InjectRepository(Dictionary) repository: Repository<Dictionary>, audit: AuditTrail) {
    super(repository, audit);
  }
}
