import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { ruleViolation } from '../../common/errors.js';
import { startOfLocalDate } from '../../common/period.js';
import { Inject } from '@nestjs/common';
import { Activity } from '../activities/activity.entity.js';
import { Attendance, type AttendanceStatus } from '../activities/attendance.entity.js';
import type { ActivityCategory } from '../dictionaries/dictionary-item.entity.js';
import { DeputiesService } from './deputies.service.js';
import { summarisePerformance, type PerformanceSummary } from './performance.rules.js';
import { rawInstant } from '../../database/raw-values.js';

export interface PerformanceRecord extends PerformanceSummary {
  deputyId: number;
  deputyName: string;
  from: string;
  to: string;
  activities: {
    activityId: number;
    title: string;
    kind: string;
    kindId: number;
    kindCode: string;
    category: ActivityCategory;
    startsAt: Date;
    attendance: AttendanceStatus;
    note: string | null;
  }[];
}

interface Row {
  activityId: number;
  title: string;
  kind: string;
  kindId: number | string;
  kindCode: string;
  category: ActivityCategory;
  startsAt: Date | string;
  attendance: AttendanceStatus;
  note: string | null;
}

/** 履职档案: every held activity a deputy was recorded at in a period, with counts. */
@Injectable()
export class DeputyPerformanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deputies: DeputiesService,
  ) {}

  async forPeriod(deputyId: number, from: string, to: string): Promise<PerformanceRecord> {
    if (to < from) {
      throw ruleViolation({ zh: '截止日期早于起始日期', en: '"to" is before "from"' }, 'to');
    }
    // Permission and committee scope as for showing the deputy.
    const deputy = await this.deputies.get(deputyId);
    const start = startOfLocalDate(from, this.config.timeZone);
    const endExclusive = new Date(
      startOfLocalDate(to, this.config.timeZone).getTime() + 24 * 3600 * 1000,
    );
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('activity.id', 'activityId')
      .addSelect('activity.title', 'title')
      .addSelect('kind.label', 'kind')
      .addSelect('kind.id', 'kindId')
      .addSelect('kind.code', 'kindCode')
      .addSelect('kind.category', 'category')
      .addSelect('activity.startsAt', 'startsAt')
      .addSelect('attendance.status', 'attendance')
      .addSelect('attendance.note', 'note')
      .from(Attendance, 'attendance')
      .innerJoin(Activity, 'activity', 'activity.id = attendance.activityId')
      .innerJoin('activity.kind', 'kind')
      .where('attendance.deputyId = :deputyId', { deputyId })
      .andWhere("activity.status = 'held'")
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', {
        start,
        end: endExclusive,
      })
      .orderBy('activity.startsAt', 'ASC')
      .addOrderBy('activity.id', 'ASC')
      .getRawMany<Row>();
    const activities = rows.map((row) => ({
      activityId: Number(row.activityId),
      title: row.title,
      kind: row.kind,
      kindId: Number(row.kindId),
      kindCode: row.kindCode,
      category: row.category,
      startsAt: rawInstant(row.startsAt),
      attendance: row.attendance,
      note: row.note,
    }));
    return {
      deputyId,
      deputyName: deputy.name,
      from,
      to,
      ...summarisePerformance(
        activities.map((a) => ({ category: a.category, status: a.attendance })),
      ),
      activities,
    };
  }
}
