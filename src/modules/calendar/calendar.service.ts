import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { invalidInput, ruleViolation } from '../../common/errors.js';
import { isWorkingDay, type WorkingDayCalendar } from '../../common/working-days.rules.js';
import { sharedRecords, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail, auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { CalendarDay } from './calendar-day.entity.js';
import { pointlessException, type NoticeDay } from './calendar-day.rules.js';
import { CALENDAR_LABELS } from './calendar.labels.js';
import { CalendarRepository } from './calendar.repository.js';
import {
  MAX_SPAN_DAYS,
  type ListCalendarDaysQuery,
  type WorkingDaysResponse,
} from './dto/calendar-day.dto.js';

/** What `importYear` did. */
export interface CalendarImport {
  year: number;
  inserted: number;
  updated: number;
  /** Dates staff created or changed: an import never overwrites them. */
  keptStaff: number;
  unchanged: number;
}

/**
 * 节假日与调休: the one calendar of exceptions to the weekend rule, its CRUD (staff correct the
 * State Council's dates), and the working-day calendar other areas compute due dates with.
 */
@Injectable()
export class CalendarService extends RecordService<CalendarDay> {
  protected readonly recordName = CALENDAR_LABELS.records.calendarDay;
  protected readonly resource = 'calendarDay';
  protected readonly scope: RecordScope<CalendarDay> = sharedRecords<CalendarDay>();
  protected readonly sortable = ['id', 'date', 'kind'] as const;
  protected override readonly defaultSort = 'date';

  constructor(
    @InjectRepository(CalendarDay) repository: Repository<CalendarDay>,
    audit: AuditTrail,
    private readonly calendar: CalendarRepository,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListCalendarDaysQuery): FindOptionsWhere<CalendarDay> {
    return {
      kind: query.kind,
      date:
        query.year === undefined
          ? undefined
          : Between(`${query.year}-01-01`, `${query.year}-12-31`),
    };
  }

  /**
   * Only real exceptions are stored (a holiday on a weekday, a 调休 working day on a weekend):
   * one restating the default → 422 on `kind`. What staff write is theirs (`source: staff`).
   */
  protected override checkWrite(_manager: EntityManager, next: CalendarDay): Promise<void> {
    const problem = pointlessException(next.date, next.kind);
    if (problem) throw ruleViolation(problem, 'kind');
    next.note ??= null;
    next.source = 'staff';
    return Promise.resolve();
  }

  /**
   * The exceptions dated `from`–`to` as a working-day calendar (common/working-days.rules.ts).
   * Pass the span every date a computation may touch falls in; a date outside it follows the
   * weekend rule. No permission: any use case (a due date, a job) reads the calendar.
   */
  async calendarFor(
    from: string,
    to: string,
    manager?: EntityManager,
  ): Promise<WorkingDayCalendar> {
    const days = await this.calendar.exceptionsBetween(from, to, manager);
    return { exceptions: new Map(days.map((day) => [day.date, day.kind])) };
  }

  /** `GET /calendar/working-days`: the working days `from`–`to` (inclusive) and the exceptions. */
  async workingDays(from: string, to: string): Promise<WorkingDaysResponse> {
    this.authorize('list');
    const first = DateTime.fromISO(from, { zone: 'UTC' });
    const span = DateTime.fromISO(to, { zone: 'UTC' }).diff(first, 'days').days;
    if (span < 0 || span >= MAX_SPAN_DAYS) {
      throw invalidInput([
        {
          field: 'to',
          problem: `截止日期须不早于起始日期，且跨度不超过 ${MAX_SPAN_DAYS} 天 / to must be on or after from, within ${MAX_SPAN_DAYS} days`,
        },
      ]);
    }
    const days = await this.calendar.exceptionsBetween(from, to);
    const calendar: WorkingDayCalendar = {
      exceptions: new Map(days.map((day) => [day.date, day.kind])),
    };
    const dates: string[] = [];
    for (let offset = 0; offset <= span; offset += 1) {
      const date = first.plus({ days: offset }).toISODate() as string;
      if (isWorkingDay(date, calendar)) dates.push(date);
    }
    return {
      from,
      to,
      workingDays: dates.length,
      dates,
      exceptions: days.map(({ date, kind, name }) => ({ date, kind, name })),
    };
  }

  /**
   * Writes a year of the State Council's dates (`calendar:import`): new dates are added and
   * earlier imported ones brought up to date, as `seeded`; a date staff created or changed is
   * left as they wrote it. One transaction, each row audited.
   */
  async importYear(year: number, days: readonly NoticeDay[]): Promise<CalendarImport> {
    return this.writes.run(this.useCaseFor('new'), async (write) => {
      const result: CalendarImport = { year, inserted: 0, updated: 0, keptStaff: 0, unchanged: 0 };
      const existing = new Map(
        (
          await this.calendar.onDates(
            write.manager,
            days.map((day) => day.date),
          )
        ).map((row) => [row.date, row]),
      );
      for (const day of days) {
        const row = existing.get(day.date);
        if (row?.source === 'staff') {
          result.keptStaff += 1;
        } else if (!row) {
          const saved = await write.manager.save(
            write.manager.create(CalendarDay, { ...day, note: null, source: 'seeded' }),
          );
          await write.audit({ action: 'create', objectId: saved.id, detail: auditSnapshot(saved) });
          result.inserted += 1;
        } else if (row.kind !== day.kind || row.name !== day.name) {
          await write.manager.update(
            CalendarDay,
            { id: row.id },
            { kind: day.kind, name: day.name },
          );
          await write.audit({
            action: 'update',
            objectId: row.id,
            detail: { kind: [row.kind, day.kind], name: [row.name, day.name] },
          });
          result.updated += 1;
        } else {
          result.unchanged += 1;
        }
      }
      return result;
    });
  }
}
