import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { Attendance, type AttendanceStatus } from '../activities/attendance.entity.js';
import { Term } from '../terms/term.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { PlenarySession } from './plenary-session.entity.js';

/** A session's attendance as counted from the core attendance of its activity. */
export interface AttendanceTally {
  attended: number;
  leave: number;
  absent: number;
}

/** A held session of the year, as the overview lists it. */
export interface SessionOfYear {
  id: number;
  activityId: number;
  termId: number;
  termName: string;
  sessionNumber: number;
  startsOn: string;
  endsOn: string | null;
  place: string | null;
}

/** One attendance row at a session's activity. */
export interface SessionAttendanceRow {
  id: number;
  activityId: number;
  status: AttendanceStatus;
}

type Id = number | string;

/**
 * The plenary area's queries beyond a record's CRUD (that is the services', through the record
 * base): named for what they answer, one statement each, the same SQL on MariaDB and SQLite.
 */
@Injectable()
export class PlenaryRepository {
  constructor(
    @InjectRepository(PlenarySession) private readonly sessions: Repository<PlenarySession>,
  ) {}

  /**
   * The session already recorded for this committee, term and number (by the activity's own
   * committee), other than `exceptId`: the duplicate a write would make.
   */
  async sameSession(
    manager: EntityManager,
    key: { committeeId: number; termId: number; sessionNumber: number },
    exceptId?: number,
  ): Promise<number | null> {
    const query = manager
      .createQueryBuilder(PlenarySession, 'session')
      .innerJoin('session.activity', 'activity')
      .select('session.id', 'id')
      .where('activity.committeeId = :committeeId', { committeeId: key.committeeId })
      .andWhere('session.termId = :termId', { termId: key.termId })
      .andWhere('session.sessionNumber = :sessionNumber', { sessionNumber: key.sessionNumber });
    if (exceptId !== undefined) query.andWhere('session.id <> :exceptId', { exceptId });
    const row = await query.orderBy('session.id').getRawOne<{ id: Id }>();
    return row ? Number(row.id) : null;
  }

  /** The session that already extends this activity, other than `exceptId`. */
  async sessionOfActivity(
    manager: EntityManager,
    activityId: number,
    exceptId?: number,
  ): Promise<number | null> {
    const query = manager
      .createQueryBuilder(PlenarySession, 'session')
      .select('session.id', 'id')
      .where('session.activityId = :activityId', { activityId });
    if (exceptId !== undefined) query.andWhere('session.id <> :exceptId', { exceptId });
    const row = await query.getRawOne<{ id: Id }>();
    return row ? Number(row.id) : null;
  }

  /** The names of these terms, by id (a session's derived name). */
  async termNames(ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const terms = await this.sessions.manager.find(Term, {
      select: { id: true, name: true },
      where: { id: In([...new Set(ids)]) },
    });
    return new Map(terms.map((term) => [term.id, term.name]));
  }

  /** A session's agenda, in its order. */
  agendaOf(
    sessionId: number,
    manager: EntityManager = this.sessions.manager,
  ): Promise<AgendaItem[]> {
    return manager.find(AgendaItem, {
      where: { sessionId },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
  }

  /** Attended / on leave / absent rows of an activity's core attendance, in one aggregate. */
  async attendanceTally(activityId: number): Promise<AttendanceTally> {
    const rows = await this.sessions.manager
      .createQueryBuilder(Attendance, 'attendance')
      .select('attendance.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('attendance.activityId = :activityId', { activityId })
      .groupBy('attendance.status')
      .getRawMany<{ status: AttendanceStatus; count: Id }>();
    const tally: AttendanceTally = { attended: 0, leave: 0, absent: 0 };
    for (const row of rows) tally[row.status] = Number(row.count);
    return tally;
  }

  /**
   * The committees' sessions whose first day is in [firstDay, lastDay] and whose activity was
   * held (a session counts once it took place, as every activity does), by the activity's own
   * committee, with the term's name; in date order.
   */
  async heldSessionsBetween(
    committeeIds: readonly number[],
    firstDay: string,
    lastDay: string,
  ): Promise<SessionOfYear[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.sessions
      .createQueryBuilder('session')
      .innerJoin('session.activity', 'activity')
      // Still of a plenary kind: a kind changed since is counted by activities, not here.
      .innerJoin('activity.kind', 'kind', "kind.category = 'plenary'")
      .innerJoin('session.term', 'term')
      .select('session.id', 'id')
      .addSelect('session.activityId', 'activityId')
      .addSelect('session.termId', 'termId')
      .addSelect('term.name', 'termName')
      .addSelect('session.sessionNumber', 'sessionNumber')
      .addSelect('session.startsOn', 'startsOn')
      .addSelect('session.endsOn', 'endsOn')
      .addSelect('session.place', 'place')
      .where("activity.status = 'held'")
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('session.startsOn >= :firstDay AND session.startsOn <= :lastDay', {
        firstDay,
        lastDay,
      })
      .orderBy('session.startsOn')
      .addOrderBy('session.id')
      .getRawMany<{
        id: Id;
        activityId: Id;
        termId: Id;
        termName: string;
        sessionNumber: Id;
        startsOn: string;
        endsOn: string | null;
        place: string | null;
      }>();
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      activityId: Number(row.activityId),
      termId: Number(row.termId),
      sessionNumber: Number(row.sessionNumber),
    }));
  }

  /** The agenda items of these sessions, by session and order. */
  agendaOfSessions(sessionIds: readonly number[]): Promise<AgendaItem[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.sessions.manager.find(AgendaItem, {
      where: { sessionId: In([...sessionIds]) },
      order: { sessionId: 'ASC', sortOrder: 'ASC', id: 'ASC' },
    });
  }

  /** Every attendance row at these activities (the sessions' core attendance). */
  async attendanceAt(activityIds: readonly number[]): Promise<SessionAttendanceRow[]> {
    if (activityIds.length === 0) return [];
    const rows = await this.sessions.manager
      .createQueryBuilder(Attendance, 'attendance')
      .select('attendance.id', 'id')
      .addSelect('attendance.activityId', 'activityId')
      .addSelect('attendance.status', 'status')
      .where('attendance.activityId IN (:...activityIds)', { activityIds: [...activityIds] })
      .orderBy('attendance.id')
      .getRawMany<{ id: Id; activityId: Id; status: AttendanceStatus }>();
    return rows.map((row) => ({
      id: Number(row.id),
      activityId: Number(row.activityId),
      status: row.status,
    }));
  }
}
