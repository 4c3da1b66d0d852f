import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { sharedRecords, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { StationStandardItem } from './station-standard-item.entity.js';
import { STATIONS_LABELS } from './stations.labels.js';

/**
 * 建站标准: the installation's checklist (one province's norm), read by everyone, edited by the
 * system administrator like other configuration; the seeded "九有" is an example.
 */
@Injectable()
export class StationStandardItemsService extends RecordService<StationStandardItem> {
  protected readonly recordName = STATIONS_LABELS.records.stationStandardItem;
  protected readonly resource = 'stationStandardItem';
  protected readonly scope: RecordScope<StationStandardItem> = sharedRecords<StationStandardItem>();
  protected readonly sortable = ['id', 'sortOrder', 'title'] as const;
  protected override readonly defaultSort = 'sortOrder';

  constructor(
    @InjectRepository(StationStandardItem) repository: Repository<StationStandardItem>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }
}
