import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { rawInstant } from '../../database/raw-values.js';
import type { ActivityCategory } from '../dictionaries/dictionary-item.entity.js';
import { Activity } from './activity.entity.js';
import { Attendance, type AttendanceStatus } from './attendance.entity.js';

/** A held activity that still lacks its attendance or its minutes (记录完整性). */
export interface ActivityWithoutRecords {
  id: number;
  committeeId: number;
  title: string;
  /** No attendance row at all (otherwise it is the minutes that are missing). */
  noAttendance: boolean;
}

/** One deputy's recorded attendance at one held activity, with the activity's kind. */
export interface DeputyAttendance {
  deputyId: number;
  activityId: number;
  title: string;
  kind: string;
  kindId: number;
  kindCode: string;
  category: ActivityCategory;
  startsAt: Date;
  attendance: AttendanceStatus;
  note: string | null;
}

interface DeputyAttendanceRow extends Omit<DeputyAttendance, 'deputyId' | 'kindId' | 'startsAt'> {
  deputyId: number | string;
  kindId: number | string;
  startsAt: Date | string;
}

/**
 * The queries about activities and their attendance that are more than a record's CRUD (that
 * is ActivitiesService's, through the record base): named for what they answer, one SQL
 * statement each, the same on MariaDB and SQLite.
 */
@Injectable()
export class ActivitiesRepository {
  constructor(@InjectRepository(Activity) private readonly activities: Repository<Activity>) {}

  /** Held activities that started before `before` with no attendance row or no minutes. */
  async heldWithoutRecords(before: Date): Promise<ActivityWithoutRecords[]> {
    const rows = await this.activities
      .createQueryBuilder('activity')
      .leftJoin(Attendance, 'attendance', 'attendance.activityId = activity.id')
      .where("activity.status = 'held'")
      .andWhere('activity.startsAt < :before', { before })
      .groupBy('activity.id')
      .having('COUNT(attendance.id) = 0 OR MAX(activity.summary) IS NULL')
      .select(['activity.id', 'activity.committeeId', 'activity.title', 'activity.startsAt'])
      .addSelect('COUNT(attendance.id)', 'attendanceCount')
      .getRawMany<{
        activity_id: number | string;
        activity_committee_id: number | string;
        activity_title: string;
        attendanceCount: number | string;
      }>();
    return rows.map((row) => ({
      id: Number(row.activity_id),
      committeeId: Number(row.activity_committee_id),
      title: row.activity_title,
      noAttendance: Number(row.attendanceCount) === 0,
    }));
  }

  /**
   * The deputies' attendance at activities held in [start, end), oldest first: one query however
   * many deputies (the 履职档案 of a whole committee page).
   */
  async attendanceOfDeputies(
    deputyIds: readonly number[],
    start: Date,
    end: Date,
  ): Promise<DeputyAttendance[]> {
    if (deputyIds.length === 0) return [];
    const rows = await this.activities.manager
      .createQueryBuilder()
      .select('attendance.deputyId', 'deputyId')
      .addSelect('activity.id', 'activityId')
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
      .where('attendance.deputyId IN (:...deputyIds)', { deputyIds: [...deputyIds] })
      .andWhere("activity.status = 'held'")
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', { start, end })
      .orderBy('activity.startsAt', 'ASC')
      .addOrderBy('activity.id', 'ASC')
      .getRawMany<DeputyAttendanceRow>();
    return rows.map((row) => ({
      ...row,
      deputyId: Number(row.deputyId),
      activityId: Number(row.activityId),
      kindId: Number(row.kindId),
      startsAt: rawInstant(row.startsAt),
    }));
  }
}
