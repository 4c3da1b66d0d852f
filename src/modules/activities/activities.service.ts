import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { And, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { startOfLocalDate } from '../../common/period.js';
import { RECORD_NAMES } from '../../common/record-names.js';
import { RecordService, requireReference } from '../../common/record.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { Committee } from '../committees/committee.entity.js';
import { DictionaryItemsService } from '../dictionaries/dictionary-items.service.js';
import { Activity } from './activity.entity.js';
import type {
  CreateActivityDto,
  ListActivitiesQuery,
  UpdateActivityDto,
} from './dto/activity.dto.js';
import { ownedByCommittee, type RecordScope } from '../../common/record-scope.js';
import { AuditTrail } from '../audit/audit-trail.service.js';

const DAY_MS = 24 * 3600 * 1000;

@Injectable()
export class ActivitiesService extends RecordService<Activity> {
  protected readonly recordName = RECORD_NAMES.activity;
  protected readonly resource = 'activity';
  protected readonly scope: RecordScope<Activity> = ownedByCommittee<Activity>();
  protected readonly sortable = ['id', 'startsAt', 'title', 'status', 'committeeId'] as const;
  protected override readonly defaultSort = '-startsAt';

  constructor(
    @InjectRepository(Activity) repository: Repository<Activity>,
    audit: AuditTrail,
    private readonly kinds: DictionaryItemsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListActivitiesQuery): FindOptionsWhere<Activity> {
    const tz = this.config.timeZone;
    const from = query.from ? MoreThanOrEqual(startOfLocalDate(query.from, tz)) : undefined;
    const to = query.to
      ? LessThan(new Date(startOfLocalDate(query.to, tz).getTime() + DAY_MS))
      : undefined;
    return {
      committeeId: query.committeeId,
      kindId: query.kindId,
      status: query.status,
      startsAt: from && to ? And(from, to) : (from ?? to),
    };
  }

  protected override async checkWrite(manager: EntityManager, next: Activity): Promise<void> {
    await requireReference(
      manager,
      Committee,
      next.committeeId,
      'committeeId',
      RECORD_NAMES.committee,
    );
    await this.kinds.requireActivityKind(manager, next.kindId, 'kindId');
    if (next.endsAt && next.endsAt.getTime() < next.startsAt.getTime()) {
      throw ruleViolation(
        { zh: '结束时间早于开始时间', en: 'The activity ends before it starts' },
        'endsAt',
      );
    }
  }

  override create(input: CreateActivityDto | DeepPartial<Activity>): Promise<Activity> {
    return super.create(this.withInstants(input));
  }

  override update(id: number, input: UpdateActivityDto | DeepPartial<Activity>): Promise<Activity> {
    return super.update(id, this.withInstants(input));
  }

  /** The API takes instants as ISO strings with an offset; the entity holds Dates (UTC). */
  private withInstants(input: object): DeepPartial<Activity> {
    const output: Record<string, unknown> = { ...input };
    for (const field of ['startsAt', 'endsAt'] as const) {
      const value = output[field];
      if (typeof value === 'string') output[field] = new Date(value);
    }
    return output;
  }
}
