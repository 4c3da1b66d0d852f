import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { And, Equal, Raw, Repository, type EntityManager, type FindOperator } from 'typeorm';
import { rawInstant } from '../../database/raw-values.js';
import { Activity } from '../activities/activity.entity.js';
import { Attendance, type AttendanceStatus } from '../activities/attendance.entity.js';
import { StudyPlanItem } from './study-plan-item.entity.js';
import { StudyPlan } from './study-plan.entity.js';
import { StudySession } from './study-session.entity.js';
import type { PlanItemState } from './training.rules.js';

/** The instants that bound a period: [start, end). */
export interface Span {
  start: Date;
  end: Date;
}

/** A held study session of the period with its form (the activity's kind). */
export interface HeldSession {
  id: number;
  activityId: number;
  hours: number;
  kindCode: string;
  kindLabel: string;
}

/** One attendance row at a held study session. */
export interface StudyAttendanceRow {
  deputyId: number;
  studySessionId: number;
  status: AttendanceStatus;
  hours: number;
}

export interface PlanItemRow extends PlanItemState {
  planId: number;
  month: number;
  topic: string;
}

const decimal = (value: number | string | null): number => (value === null ? 0 : Number(value));

/**
 * The list filter `?committeeId=` / `?year=` of study sessions, on their activity: a sub-select
 * on `activityId` (the scope already names the `activity` relation, which a second condition on
 * it would overwrite), together with `?activityId=`.
 */
export function sessionActivityFilter(filter: {
  activityId?: number;
  committeeId?: number;
  span?: Span;
}): FindOperator<number> | undefined {
  const conditions: string[] = [];
  const parameters: Record<string, unknown> = {};
  if (filter.committeeId !== undefined) {
    conditions.push('a.committee_id = :trainingCommitteeId');
    parameters.trainingCommitteeId = filter.committeeId;
  }
  if (filter.span) {
    conditions.push('a.starts_at >= :trainingStart AND a.starts_at < :trainingEnd');
    parameters.trainingStart = filter.span.start;
    parameters.trainingEnd = filter.span.end;
  }
  const activities =
    conditions.length === 0
      ? undefined
      : Raw<number>(
          (alias) => `${alias} IN (SELECT a.id FROM activity a WHERE ${conditions.join(' AND ')})`,
          parameters,
        );
  if (filter.activityId === undefined) return activities;
  return activities ? And(Equal(filter.activityId), activities) : Equal(filter.activityId);
}

/**
 * The training area's queries beyond a record's CRUD (that is the services', through the record
 * base): named for what they answer, one statement each, the same SQL on MariaDB and SQLite.
 * DECIMAL hours become numbers here (mysql2 answers them as text).
 */
@Injectable()
export class TrainingRepository {
  constructor(
    @InjectRepository(StudySession) private readonly sessions: Repository<StudySession>,
  ) {}

  /** The study session `id` with its activity's committee and start, or null (a plan item's link). */
  async sessionForLink(
    manager: EntityManager,
    id: number,
  ): Promise<{ id: number; committeeId: number; startsAt: Date } | null> {
    const row = await manager
      .createQueryBuilder(StudySession, 'session')
      .innerJoin('session.activity', 'activity')
      .select('session.id', 'id')
      .addSelect('activity.committeeId', 'committeeId')
      .addSelect('activity.startsAt', 'startsAt')
      .where('session.id = :id', { id })
      .getRawOne<{ id: number | string; committeeId: number | string; startsAt: Date | string }>();
    if (!row) return null;
    return {
      id: Number(row.id),
      committeeId: Number(row.committeeId),
      startsAt: rawInstant(row.startsAt),
    };
  }

  /** Whether any item of the plan links a study session (its committee and year are then fixed). */
  planHasLinkedItems(manager: EntityManager, planId: number): Promise<boolean> {
    return manager
      .createQueryBuilder(StudyPlanItem, 'item')
      .where('item.planId = :planId', { planId })
      .andWhere('item.studySessionId IS NOT NULL')
      .getExists();
  }

  /**
   * The committees' study sessions whose activity is held and starts in the span, with the
   * activity's kind (the study form), in start order.
   */
  async heldSessionsInSpan(committeeIds: readonly number[], span: Span): Promise<HeldSession[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.sessions
      .createQueryBuilder('session')
      .innerJoin('session.activity', 'activity')
      .innerJoin('activity.kind', 'kind')
      .select('session.id', 'id')
      .addSelect('session.activityId', 'activityId')
      .addSelect('session.hours', 'hours')
      .addSelect('kind.code', 'kindCode')
      .addSelect('kind.label', 'kindLabel')
      .where("activity.status = 'held'")
      .andWhere("kind.category = 'training'")
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', span)
      .orderBy('activity.startsAt')
      .addOrderBy('session.id')
      .getRawMany<{
        id: number | string;
        activityId: number | string;
        hours: number | string;
        kindCode: string;
        kindLabel: string;
      }>();
    return rows.map((row) => ({
      id: Number(row.id),
      activityId: Number(row.activityId),
      hours: decimal(row.hours),
      kindCode: row.kindCode,
      kindLabel: row.kindLabel,
    }));
  }

  /** The ids of one committee's held study sessions in the span (the deputies' `sessionsHeld`). */
  async heldSessionIdsOfCommittee(committeeId: number, span: Span): Promise<number[]> {
    const rows = await this.sessions
      .createQueryBuilder('session')
      .innerJoin('session.activity', 'activity')
      .innerJoin('activity.kind', 'kind')
      .select('session.id', 'id')
      .where("activity.status = 'held'")
      .andWhere("kind.category = 'training'")
      .andWhere('activity.committeeId = :committeeId', { committeeId })
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', span)
      .orderBy('session.id')
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /**
   * The committees' held activities of a training kind in the span that have no study session
   * recorded (what the study figures miss until staff add it), in start order.
   */
  async heldTrainingWithoutSession(committeeIds: readonly number[], span: Span): Promise<number[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.sessions.manager
      .createQueryBuilder(Activity, 'activity')
      .innerJoin('activity.kind', 'kind')
      .leftJoin(StudySession, 'session', 'session.activityId = activity.id')
      .select('activity.id', 'id')
      .where("activity.status = 'held'")
      .andWhere("kind.category = 'training'")
      .andWhere('session.id IS NULL')
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', span)
      .orderBy('activity.startsAt')
      .addOrderBy('activity.id')
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /**
   * Every item of the committees' plans for `year`, with whether its linked session's activity
   * is held (fulfilment), by plan and month.
   */
  async planItemsOfYear(committeeIds: readonly number[], year: number): Promise<PlanItemRow[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.sessions.manager
      .createQueryBuilder(StudyPlanItem, 'item')
      .innerJoin(StudyPlan, 'plan', 'plan.id = item.planId')
      .leftJoin(StudySession, 'session', 'session.id = item.studySessionId')
      .leftJoin(Activity, 'activity', 'activity.id = session.activityId')
      .select('item.id', 'id')
      .addSelect('item.planId', 'planId')
      .addSelect('item.month', 'month')
      .addSelect('item.topic', 'topic')
      .addSelect('item.studySessionId', 'studySessionId')
      .addSelect('activity.status', 'sessionStatus')
      .where('plan.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('plan.year = :year', { year })
      .orderBy('item.planId')
      .addOrderBy('item.month')
      .addOrderBy('item.id')
      .getRawMany<RawItem>();
    return rows.map(itemRow);
  }

  /** One plan's items with their fulfilment, by month. */
  async itemsOfPlan(planId: number): Promise<PlanItemRow[]> {
    const rows = await this.sessions.manager
      .createQueryBuilder(StudyPlanItem, 'item')
      .leftJoin(StudySession, 'session', 'session.id = item.studySessionId')
      .leftJoin(Activity, 'activity', 'activity.id = session.activityId')
      .select('item.id', 'id')
      .addSelect('item.planId', 'planId')
      .addSelect('item.month', 'month')
      .addSelect('item.topic', 'topic')
      .addSelect('item.studySessionId', 'studySessionId')
      .addSelect('activity.status', 'sessionStatus')
      .where('item.planId = :planId', { planId })
      .orderBy('item.month')
      .addOrderBy('item.id')
      .getRawMany<RawItem>();
    return rows.map(itemRow);
  }

  /**
   * Every attendance row at the committees' held study sessions in the span, with the deputy's
   * name: one statement for a committee-year (the overview's participation list).
   */
  async studyAttendanceInSpan(
    committeeIds: readonly number[],
    span: Span,
  ): Promise<(StudyAttendanceRow & { deputyName: string })[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.attendanceQuery(span)
      .addSelect('deputy.name', 'deputyName')
      .innerJoin('attendance.deputy', 'deputy')
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .getRawMany<RawAttendance & { deputyName: string }>();
    return rows.map((row) => ({ ...attendanceRow(row), deputyName: row.deputyName }));
  }

  /**
   * The deputies' attendance rows at held study sessions in the span, of any committee (as
   * 履职档案 counts them): one statement however many deputies.
   */
  async studyAttendanceOfDeputies(
    deputyIds: readonly number[],
    span: Span,
  ): Promise<StudyAttendanceRow[]> {
    if (deputyIds.length === 0) return [];
    const rows = await this.attendanceQuery(span)
      .andWhere('attendance.deputyId IN (:...deputyIds)', { deputyIds: [...deputyIds] })
      .getRawMany<RawAttendance>();
    return rows.map(attendanceRow);
  }

  private attendanceQuery(span: Span) {
    return this.sessions.manager
      .createQueryBuilder()
      .select('attendance.deputyId', 'deputyId')
      .addSelect('session.id', 'studySessionId')
      .addSelect('attendance.status', 'status')
      .addSelect('session.hours', 'hours')
      .from(StudySession, 'session')
      .innerJoin(Activity, 'activity', 'activity.id = session.activityId')
      .innerJoin('activity.kind', 'kind')
      .innerJoin(Attendance, 'attendance', 'attendance.activityId = activity.id')
      .where("activity.status = 'held'")
      .andWhere("kind.category = 'training'")
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', span)
      .orderBy('attendance.deputyId')
      .addOrderBy('session.id');
  }
}

interface RawItem {
  id: number | string;
  planId: number | string;
  month: number | string;
  topic: string;
  studySessionId: number | string | null;
  sessionStatus: string | null;
}

const itemRow = (row: RawItem): PlanItemRow => ({
  id: Number(row.id),
  planId: Number(row.planId),
  month: Number(row.month),
  topic: row.topic,
  studySessionId: row.studySessionId === null ? null : Number(row.studySessionId),
  sessionHeld: row.sessionStatus === 'held',
});

interface RawAttendance {
  deputyId: number | string;
  studySessionId: number | string;
  status: AttendanceStatus;
  hours: number | string;
}

const attendanceRow = (row: RawAttendance): StudyAttendanceRow => ({
  deputyId: Number(row.deputyId),
  studySessionId: Number(row.studySessionId),
  status: row.status,
  hours: decimal(row.hours),
});
