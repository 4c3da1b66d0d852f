import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import type { ListStationDocumentsQuery } from './dto/station-document.dto.js';
import { StationDocument } from './station-document.entity.js';
import { requireStation } from './station-references.js';
import { STATIONS_LABELS } from './stations.labels.js';
import { STATION_DOCUMENT_SCOPE } from './stations.scopes.js';

/** 上墙制度: a station's posted rules, each with its files (attachments). */
@Injectable()
export class StationDocumentsService extends RecordService<StationDocument> {
  protected readonly recordName = STATIONS_LABELS.records.stationDocument;
  protected readonly resource = 'stationDocument';
  protected readonly scope: RecordScope<StationDocument> = STATION_DOCUMENT_SCOPE;
  protected readonly sortable = ['id', 'stationId', 'kind', 'effectiveOn'] as const;

  constructor(
    @InjectRepository(StationDocument) repository: Repository<StationDocument>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListStationDocumentsQuery): FindOptionsWhere<StationDocument> {
    return { stationId: query.stationId, kind: query.kind };
  }

  protected override async checkWrite(
    manager: EntityManager,
    next: StationDocument,
  ): Promise<void> {
    await requireStation(manager, next.stationId);
  }
}
