import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { invalidInput } from '../../common/errors.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { requireCommittee, requireCommunityOf } from '../committees/committee-references.js';
import type { ListStationsQuery } from './dto/station.dto.js';
import { Station } from './station.entity.js';
import { STATIONS_LABELS } from './stations.labels.js';
import { normalisedSchedule, scheduleProblems } from './stations.rules.js';
import { STATION_SCOPE } from './stations.scopes.js';

/** The personal fields of a station (its contact's phone). */
export const STATION_PERSONAL_FIELDS = ['contactPhone'] as const;

/** 代表联络站: the committee's stations, with a validated reception schedule. */
@Injectable()
export class StationsService extends RecordService<Station> {
  protected readonly recordName = STATIONS_LABELS.records.station;
  protected readonly resource = 'station';
  protected readonly scope: RecordScope<Station> = STATION_SCOPE;
  protected readonly sortable = ['id', 'name', 'committeeId'] as const;

  constructor(@InjectRepository(Station) repository: Repository<Station>, audit: AuditTrail) {
    super(repository, audit);
  }

  protected override where(query: ListStationsQuery): FindOptionsWhere<Station> {
    return { committeeId: query.committeeId, communityId: query.communityId };
  }

  /**
   * The committee exists; the community is one of its; the schedule's days fit its kind
   * (weekdays 1–7, days of the month 1–31: 400 naming `receptionSchedule.days`).
   */
  protected override async checkWrite(manager: EntityManager, next: Station): Promise<void> {
    const problems = scheduleProblems(next.receptionSchedule);
    if (problems.length > 0) throw invalidInput(problems);
    if (next.receptionSchedule) next.receptionSchedule = normalisedSchedule(next.receptionSchedule);
    await requireCommittee(manager, next.committeeId);
    if (next.communityId) {
      await requireCommunityOf(manager, next.communityId, next.committeeId, {
        zh: '社区/村不属于联络站的人大工委',
        en: 'The community belongs to another committee',
      });
    }
  }
}
