import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { rawInstant } from '../../database/raw-values.js';
import type { Actor } from '../../platform/access/actor.js';
import { ownedByCommittee } from '../../platform/access/record-scope.js';
import { loadInScope } from '../../platform/records/write-use-case.js';
import { ACTIVITIES_LABELS } from './activities.labels.js';
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

/** A committee's activities in a period: held, planned, and the earliest planned start. */
export interface CommitteeTally {
  committeeId: number;
  held: number;
  planned: number;
  nextPlannedAt: Date | null;
}

/** The instants that bound a period: [start, end). */
interface Span {
  start: Date;
  end: Date;
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

  /**
   * Per committee with any: its held and planned activities that start in the span, of the kind
   * categories given (every kind when none), in one aggregate (the quarterly rule's count). In
   * the caller's transaction when given its `manager`.
   */
  async tallyHeldAndPlannedByCommittee(
    span: Span,
    categories: readonly string[],
    manager: EntityManager = this.activities.manager,
  ): Promise<CommitteeTally[]> {
    const query = manager
      .createQueryBuilder(Activity, 'activity')
      .select('activity.committeeId', 'committeeId')
      .addSelect("SUM(CASE WHEN activity.status = 'held' THEN 1 ELSE 0 END)", 'held')
      .addSelect("SUM(CASE WHEN activity.status = 'planned' THEN 1 ELSE 0 END)", 'planned')
      .addSelect(
        "MIN(CASE WHEN activity.status = 'planned' THEN activity.startsAt END)",
        'nextPlannedAt',
      )
      .where("activity.status IN ('held', 'planned')")
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', {
        start: span.start,
        end: span.end,
      })
      .groupBy('activity.committeeId');
    if (categories.length > 0) {
      query
        .innerJoin('activity.kind', 'kind')
        .andWhere('kind.category IN (:...categories)', { categories: [...categories] });
    }
    const rows = await query.getRawMany<{
      committeeId: number | string;
      held: number | string | null;
      planned: number | string | null;
      nextPlannedAt: Date | string | null;
    }>();
    return rows.map((row) => ({
      committeeId: Number(row.committeeId),
      held: Number(row.held ?? 0),
      planned: Number(row.planned ?? 0),
      nextPlannedAt: row.nextPlannedAt === null ? null : rawInstant(row.nextPlannedAt),
    }));
  }

  /**
   * The ids of the committees' held activities in the span, of the kind categories given (every
   * kind when none), oldest first, at most `limit` per committee (a record's drill-down).
   */
  async heldIdsByCommittee(
    span: Span,
    categories: readonly string[],
    committeeIds: readonly number[],
    limit: number,
    manager: EntityManager = this.activities.manager,
  ): Promise<Map<number, number[]>> {
    const ids = new Map<number, number[]>();
    if (committeeIds.length === 0) return ids;
    const query = manager
      .createQueryBuilder(Activity, 'activity')
      .select('activity.id', 'id')
      .addSelect('activity.committeeId', 'committeeId')
      .where("activity.status = 'held'")
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', {
        start: span.start,
        end: span.end,
      })
      .orderBy('activity.startsAt')
      .addOrderBy('activity.id');
    if (categories.length > 0) {
      query
        .innerJoin('activity.kind', 'kind')
        .andWhere('kind.category IN (:...categories)', { categories: [...categories] });
    }
    for (const row of await query.getRawMany<{
      id: number | string;
      committeeId: number | string;
    }>()) {
      const list = ids.get(Number(row.committeeId)) ?? [];
      if (list.length < limit) list.push(Number(row.id));
      ids.set(Number(row.committeeId), list);
    }
    return ids;
  }

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

  /**
   * The activity with this id if it is within the actor's committees; 404 otherwise, exactly as
   * for an id that does not exist (attendance is listed only through its activity).
   */
  activityInScope(id: number, actor: Actor): Promise<Activity> {
    return loadInScope(
      this.activities.manager,
      Activity,
      id,
      ownedByCommittee<Activity>(),
      actor,
      ACTIVITIES_LABELS.records.activity,
    );
  }

  /**
   * The committees' held activities that start in [start, end), with their kinds' categories
   * (the overview's 活动 figures), in start order.
   */
  async heldWithCategory(
    committeeIds: readonly number[],
    span: Span,
  ): Promise<{ id: number; category: ActivityCategory }[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.activities
      .createQueryBuilder('activity')
      .innerJoin('activity.kind', 'kind')
      .select('activity.id', 'id')
      .addSelect('kind.category', 'category')
      .where("activity.status = 'held'")
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', span)
      .orderBy('activity.startsAt')
      .addOrderBy('activity.id')
      .getRawMany<{ id: number | string; category: ActivityCategory }>();
    return rows.map((row) => ({ id: Number(row.id), category: row.category }));
  }

  /**
   * Every attendance row at the committees' activities held in [start, end), with the deputy's
   * name: one statement for a whole committee-year (the overview's participation list).
   */
  async attendanceInSpan(
    committeeIds: readonly number[],
    span: Span,
  ): Promise<
    { deputyId: number; deputyName: string; activityId: number; status: AttendanceStatus }[]
  > {
    if (committeeIds.length === 0) return [];
    const rows = await this.activities.manager
      .createQueryBuilder()
      .select('attendance.deputyId', 'deputyId')
      .addSelect('deputy.name', 'deputyName')
      .addSelect('activity.id', 'activityId')
      .addSelect('attendance.status', 'status')
      .from(Attendance, 'attendance')
      .innerJoin(Activity, 'activity', 'activity.id = attendance.activityId')
      .innerJoin('attendance.deputy', 'deputy')
      .where("activity.status = 'held'")
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', span)
      .orderBy('attendance.deputyId')
      .addOrderBy('activity.id')
      .getRawMany<{
        deputyId: number | string;
        deputyName: string;
        activityId: number | string;
        status: AttendanceStatus;
      }>();
    return rows.map((row) => ({
      deputyId: Number(row.deputyId),
      deputyName: row.deputyName,
      activityId: Number(row.activityId),
      status: row.status,
    }));
  }

  /** An activity's attendance rows, in deputy order. */
  attendanceOf(activityId: number): Promise<Attendance[]> {
    return this.activities.manager.find(Attendance, {
      where: { activityId },
      order: { deputyId: 'ASC' },
    });
  }
}
