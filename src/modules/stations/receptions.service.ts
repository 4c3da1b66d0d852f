import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { ruleViolation } from '../../common/errors.js';
import { localDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { requireActivityOfCategory } from '../activities/activity-extension.js';
import type { ListReceptionsQuery } from './dto/reception.dto.js';
import { Reception } from './reception.entity.js';
import { requireStation } from './station-references.js';
import { STATIONS_LABELS } from './stations.labels.js';
import { RECEPTION_SCOPE } from './stations.scopes.js';

/** The activity-kind category of receptions (接待日). */
export const STATION_CATEGORY = 'station' as const;

/** 接待: the station part of a reception-day activity. */
@Injectable()
export class ReceptionsService extends RecordService<Reception> {
  protected readonly recordName = STATIONS_LABELS.records.reception;
  protected readonly resource = 'reception';
  protected readonly scope: RecordScope<Reception> = RECEPTION_SCOPE;
  protected readonly sortable = ['id', 'stationId', 'activityId', 'announcedOn'] as const;
  protected override readonly defaultSort = '-id';

  constructor(
    @InjectRepository(Reception) repository: Repository<Reception>,
    audit: AuditTrail,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListReceptionsQuery): FindOptionsWhere<Reception> {
    return { stationId: query.stationId, activityId: query.activityId };
  }

  /**
   * The activity is of the `station` category (422 `activityId`) and of the station's committee
   * (422 `activityId`); one reception per activity (the unique index: 409 with the existing id);
   * the announcement (公告日期) not after the reception day (the activity's local date in the app
   * zone) nor after today (422 `announcedOn`).
   */
  protected override async checkWrite(manager: EntityManager, next: Reception): Promise<void> {
    next.votersReceived ??= 0;
    next.announcedOn ??= null;
    const station = await requireStation(manager, next.stationId);
    const activity = await requireActivityOfCategory(
      manager,
      next.activityId,
      STATION_CATEGORY,
      this.recordName,
      station.committeeId,
    );
    if (next.announcedOn !== null) {
      const day = localDate(activity.startsAt, this.config.timeZone);
      const today = localDate(this.clock.now(), this.config.timeZone);
      if (next.announcedOn > day) {
        throw ruleViolation(
          {
            zh: `公告日期晚于接待日（${day}）`,
            en: `The announcement is dated after the reception day ${day}`,
          },
          'announcedOn',
        );
      }
      if (next.announcedOn > today) {
        throw ruleViolation(
          { zh: '公告日期晚于今天', en: 'The announcement is dated in the future' },
          'announcedOn',
        );
      }
    }
  }
}
