import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { conflict, invalidInput } from '../../common/errors.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import {
  RecordService,
  requireReferenceOfCommittee,
} from '../../platform/records/record.service.js';
import { DEPUTIES_LABELS } from '../deputies/deputies.labels.js';
import { Deputy } from '../deputies/deputy.entity.js';
import type { ListStationRolesQuery } from './dto/station-role.dto.js';
import { StationRole } from './station-role.entity.js';
import { requireStation } from './station-references.js';
import { StationsRepository } from './stations.repository.js';
import { STATIONS_LABELS } from './stations.labels.js';
import { termInOrder, termsOverlap } from './stations.rules.js';
import { STATION_ROLE_SCOPE } from './stations.scopes.js';

/** 联络站人员: who holds which role at a station, from when to when. */
@Injectable()
export class StationRolesService extends RecordService<StationRole> {
  protected readonly recordName = STATIONS_LABELS.records.stationRole;
  protected readonly resource = 'stationRole';
  protected readonly scope: RecordScope<StationRole> = STATION_ROLE_SCOPE;
  protected readonly sortable = ['id', 'stationId', 'role', 'startsOn'] as const;
  protected override readonly defaultSort = '-startsOn';

  constructor(
    @InjectRepository(StationRole) repository: Repository<StationRole>,
    audit: AuditTrail,
    private readonly stations: StationsRepository,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListStationRolesQuery): FindOptionsWhere<StationRole> {
    return { stationId: query.stationId, deputyId: query.deputyId, role: query.role };
  }

  /**
   * To not before from (400 `endsOn`); a 驻站代表 is a deputy of the station's committee (422
   * `deputyId`), anyone else a deputy or a named person (400 `personName`); a station has one
   * head at a time (409 `startsOn` naming the head whose term it overlaps).
   */
  protected override async checkWrite(manager: EntityManager, next: StationRole): Promise<void> {
    next.endsOn ??= null;
    next.deputyId ??= null;
    next.personName = next.personName?.trim() || null;
    if (!termInOrder(next)) {
      throw invalidInput([
        { field: 'endsOn', problem: '截止日期不能早于起始日期 / must not precede startsOn' },
      ]);
    }
    if (next.role === 'deputy' && next.deputyId === null) {
      throw invalidInput([
        { field: 'deputyId', problem: '驻站代表须选择代表 / required for a station deputy' },
      ]);
    }
    if (next.deputyId === null && next.personName === null) {
      throw invalidInput([
        { field: 'personName', problem: '请选择代表或填写姓名 / a deputy or a name is required' },
      ]);
    }
    const station = await requireStation(manager, next.stationId);
    if (next.deputyId !== null) {
      await requireReferenceOfCommittee(
        manager,
        Deputy,
        next.deputyId,
        'deputyId',
        DEPUTIES_LABELS.records.deputy,
        station.committeeId,
      );
      next.personName = null;
    }
    if (next.role === 'head') {
      const overlapping = (await this.stations.headTerms(manager, next.stationId, next.id)).find(
        (term) => termsOverlap(term, next),
      );
      if (overlapping) {
        throw conflict(
          {
            zh: `该站同期已有站长（ID ${overlapping.id}，${overlapping.startsOn} 至 ${overlapping.endsOn ?? '今'}）`,
            en: `The station has a head for that time already (${overlapping.id})`,
          },
          'startsOn',
          overlapping.id,
        );
      }
    }
  }
}
