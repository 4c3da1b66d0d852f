import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, LessThanOrEqual, Repository } from 'typeorm';
import { Activity } from '../activities/activity.entity.js';
import { Attendance } from '../activities/attendance.entity.js';
import { HandlingUnit } from '../suggestions/handling-unit.entity.js';
import { OutreachActivity } from './outreach-activity.entity.js';
import { VoterIssue } from './voter-issue.entity.js';
import type { VoterIssueSource, VoterIssueStatus } from './voter-issue.rules.js';

/** A held visit or forum with what its outreach record adds (zeros when it has none yet). */
export interface HeldOutreach {
  activityId: number;
  title: string;
  kindCode: string;
  kindLabel: string;
  outreachId: number | null;
  votersReached: number;
  officialsCount: number;
  residentsCount: number;
}

/** A voter issue as the statistics read it. */
export interface IssueRow {
  id: number;
  status: VoterIssueStatus;
  source: VoterIssueSource;
  feedbackOn: string | null;
  categoryCode: string;
  categoryLabel: string;
  communityId: number | null;
  communityName: string | null;
}

/** A referred issue with its due date, for the reminders. */
export interface ReferredIssue {
  id: number;
  committeeId: number;
  description: string;
  dueOn: string;
  referralCount: number;
  handlingUnitId: number | null;
}

const num = (value: number | string | null): number => (value === null ? 0 : Number(value));

/**
 * The outreach queries beyond a record's CRUD: named for what they answer, one statement each,
 * the same on MariaDB and SQLite (mysql2 answers counts and sums as strings: converted here).
 */
@Injectable()
export class OutreachRepository {
  constructor(@InjectRepository(VoterIssue) private readonly issues: Repository<VoterIssue>) {}

  /**
   * The committees' activities of an outreach kind held in [start, end), with their outreach
   * record if one was written, in start order. Receptions (station kinds) are not here: the
   * stations' section counts them and their voters.
   */
  async heldOutreach(
    committeeIds: readonly number[],
    span: { start: Date; end: Date },
  ): Promise<HeldOutreach[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.issues.manager
      .createQueryBuilder(Activity, 'activity')
      .innerJoin('activity.kind', 'kind')
      .leftJoin(OutreachActivity, 'outreach', 'outreach.activityId = activity.id')
      .select('activity.id', 'activityId')
      .addSelect('activity.title', 'title')
      .addSelect('kind.code', 'kindCode')
      .addSelect('kind.label', 'kindLabel')
      .addSelect('outreach.id', 'outreachId')
      .addSelect('outreach.votersReached', 'votersReached')
      .addSelect('outreach.officialsCount', 'officialsCount')
      .addSelect('outreach.residentsCount', 'residentsCount')
      .where("activity.status = 'held'")
      .andWhere("kind.category = 'outreach'")
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', span)
      .orderBy('activity.startsAt')
      .addOrderBy('activity.id')
      .getRawMany<Record<keyof HeldOutreach, number | string | null>>();
    return rows.map((row) => ({
      activityId: num(row.activityId),
      title: String(row.title),
      kindCode: String(row.kindCode),
      kindLabel: String(row.kindLabel),
      outreachId: row.outreachId === null ? null : num(row.outreachId),
      votersReached: num(row.votersReached),
      officialsCount: num(row.officialsCount),
      residentsCount: num(row.residentsCount),
    }));
  }

  /** The deputies who attended any of the activities (distinct, by id). */
  async deputiesAttending(activityIds: readonly number[]): Promise<number[]> {
    if (activityIds.length === 0) return [];
    const rows = await this.issues.manager
      .createQueryBuilder(Attendance, 'attendance')
      .select('DISTINCT attendance.deputyId', 'deputyId')
      .where('attendance.activityId IN (:...activityIds)', { activityIds: [...activityIds] })
      .andWhere("attendance.status = 'attended'")
      .getRawMany<{ deputyId: number | string }>();
    return rows.map((row) => num(row.deputyId)).sort((a, b) => a - b);
  }

  /** The committees' voter issues received on a day in [firstDay, lastDay], oldest first. */
  async issuesReceived(
    committeeIds: readonly number[],
    firstDay: string,
    lastDay: string,
  ): Promise<IssueRow[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.issues
      .createQueryBuilder('issue')
      .innerJoin('issue.category', 'category')
      .leftJoin('issue.community', 'community')
      .select('issue.id', 'id')
      .addSelect('issue.status', 'status')
      .addSelect('issue.source', 'source')
      .addSelect('issue.feedbackOn', 'feedbackOn')
      .addSelect('category.code', 'categoryCode')
      .addSelect('category.label', 'categoryLabel')
      .addSelect('community.id', 'communityId')
      .addSelect('community.name', 'communityName')
      .where('issue.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('issue.receivedOn >= :firstDay AND issue.receivedOn <= :lastDay', {
        firstDay,
        lastDay,
      })
      .orderBy('issue.receivedOn')
      .addOrderBy('issue.id')
      .getRawMany<
        Omit<IssueRow, 'id' | 'communityId'> & {
          id: number | string;
          communityId: number | string | null;
        }
      >();
    return rows.map((row) => ({
      ...row,
      id: num(row.id),
      communityId: row.communityId === null ? null : num(row.communityId),
    }));
  }

  /** Issues still referred to a unit whose due date is on or before `until` (as the system). */
  async referredDueBy(until: string, manager?: EntityManager): Promise<ReferredIssue[]> {
    const rows = await (manager ?? this.issues.manager).find(VoterIssue, {
      select: {
        id: true,
        committeeId: true,
        description: true,
        dueOn: true,
        referralCount: true,
        handlingUnitId: true,
      },
      where: { status: 'referred', dueOn: LessThanOrEqual(until) },
      order: { dueOn: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id,
      committeeId: row.committeeId,
      description: row.description,
      dueOn: row.dueOn ?? until,
      referralCount: row.referralCount,
      handlingUnitId: row.handlingUnitId,
    }));
  }

  /**
   * Each handling unit's contact to remind by email (units without an email, or disabled, have
   * none — as for suggestions).
   */
  async unitContacts(
    unitIds: readonly number[],
    manager?: EntityManager,
  ): Promise<Map<number, { name: string; email: string }[]>> {
    const contacts = new Map<number, { name: string; email: string }[]>();
    if (unitIds.length === 0) return contacts;
    const units = await (manager ?? this.issues.manager).find(HandlingUnit, {
      select: { id: true, name: true, contactName: true, contactEmail: true },
      where: { id: In([...new Set(unitIds)]), enabled: true },
    });
    for (const unit of units) {
      if (unit.contactEmail) {
        contacts.set(unit.id, [{ name: unit.contactName ?? unit.name, email: unit.contactEmail }]);
      }
    }
    return contacts;
  }
}
