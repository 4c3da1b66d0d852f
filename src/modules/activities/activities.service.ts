import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { And, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { startOfLocalDate } from '../../common/period.js';
import { ACTIVITIES_LABELS } from './activities.labels.js';
import { RecordService, type WithinWrite } from '../../platform/records/record.service.js';
import type { Write } from '../../platform/records/write-use-case.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { DictionaryItemsService } from '../dictionaries/dictionary-items.service.js';
import { Activity } from './activity.entity.js';
import type { Attendance } from './attendance.entity.js';
import { AttendanceService } from './attendance.service.js';
import type {
  AttendanceItemDto,
  CreateActivityDto,
  ListActivitiesQuery,
  UpdateActivityDto,
} from './dto/activity.dto.js';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { requireCommittee } from '../committees/committee-references.js';

const DAY_MS = 24 * 3600 * 1000;

/** An activity as a write that carried attendance answers it: with all of its rows. */
export type ActivityWithAttendance = Activity & { attendance?: Attendance[] };

@Injectable()
export class ActivitiesService extends RecordService<Activity> {
  protected readonly recordName = ACTIVITIES_LABELS.records.activity;
  protected readonly resource = 'activity';
  protected readonly scope: RecordScope<Activity> = ownedByCommittee<Activity>();
  protected readonly sortable = ['id', 'startsAt', 'title', 'status', 'committeeId'] as const;
  protected override readonly defaultSort = '-startsAt';

  constructor(
    @InjectRepository(Activity) repository: Repository<Activity>,
    audit: AuditTrail,
    private readonly kinds: DictionaryItemsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attendance: AttendanceService,
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
      externalId: query.externalId,
      startsAt: from && to ? And(from, to) : (from ?? to),
    };
  }

  protected override async checkWrite(manager: EntityManager, next: Activity): Promise<void> {
    await requireCommittee(manager, next.committeeId);
    await this.kinds.requireActivityKind(manager, next.kindId, 'kindId');
    if (next.endsAt && next.endsAt.getTime() < next.startsAt.getTime()) {
      throw ruleViolation(
        { zh: '结束时间早于开始时间', en: 'The activity ends before it starts' },
        'endsAt',
      );
    }
  }

  /** A new activity, with its attendance if the request carries it: one transaction. */
  override async create(
    input: CreateActivityDto | DeepPartial<Activity>,
  ): Promise<ActivityWithAttendance> {
    const { attendance, fields } = this.withoutAttendance(input);
    if (!attendance) return super.create(fields);
    const rows = this.attendanceWriter(attendance);
    const saved = await super.create(fields, rows.write);
    return Object.assign(saved, { attendance: rows.written });
  }

  /** Changes the sent fields; attendance sent along is upserted by deputy in the same transaction. */
  override async update(
    id: number,
    input: UpdateActivityDto | DeepPartial<Activity>,
  ): Promise<ActivityWithAttendance> {
    const { attendance, fields } = this.withoutAttendance(input);
    if (!attendance) return super.update(id, fields);
    const rows = this.attendanceWriter(attendance);
    const saved = await super.update(id, fields, rows.write);
    return Object.assign(saved, { attendance: rows.written });
  }

  private withoutAttendance(input: object): {
    attendance?: AttendanceItemDto[];
    fields: DeepPartial<Activity>;
  } {
    const { attendance, ...fields } = input as { attendance?: AttendanceItemDto[] };
    return { attendance, fields: this.withInstants(fields) };
  }

  /**
   * Writes the rows through the attendance use case (its permission, committee checks and audit)
   * inside the activity's transaction; `written` holds the activity's rows afterwards.
   */
  private attendanceWriter(items: AttendanceItemDto[]): {
    write: WithinWrite<Activity>;
    written: Attendance[];
  } {
    const result = {
      written: [] as Attendance[],
      write: async (write: Write, activity: Activity): Promise<void> => {
        result.written = await this.attendance.upsertWithin(
          write,
          activity.id,
          items,
          'attendance',
        );
      },
    };
    return result;
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
