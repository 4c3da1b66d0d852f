import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '../../platform/access/actor.js';
import { loadInScope } from '../../platform/records/write-use-case.js';
import { Activity } from '../activities/activity.entity.js';
import { Opinion } from './opinion.entity.js';
import { OpinionUpdate } from './opinion-update.entity.js';
import type { OpinionStatus } from './opinion.rules.js';
import { SupervisionActivity } from './supervision-activity.entity.js';
import { SUPERVISION_LABELS } from './supervision.labels.js';
import { OPINION_SCOPE } from './supervision.scopes.js';

/** A held supervision activity with its method (the activity's kind) and its area. */
export interface HeldSupervision {
  id: number;
  activityId: number;
  subject: string;
  methodCode: string;
  methodLabel: string;
  areaCode: string;
  areaLabel: string;
}

/** An opinion as the statistics read it (dates YYYY-MM-DD). */
export interface OpinionFigures {
  id: number;
  status: OpinionStatus;
  dueOn: string | null;
  completedOn: string | null;
}

/**
 * The supervision queries beyond a record's CRUD: named for what they answer, one statement
 * each, the same on MariaDB and SQLite (mysql2 returns DATE columns as strings here:
 * `dateStrings: ['DATE']`).
 */
@Injectable()
export class SupervisionRepository {
  constructor(
    @InjectRepository(SupervisionActivity)
    private readonly supervision: Repository<SupervisionActivity>,
  ) {}

  /**
   * The committees' supervision activities whose core activity was held in [start, end), with
   * its kind (the method) and the area, in start order.
   */
  async heldSupervisionActivities(
    committeeIds: readonly number[],
    span: { start: Date; end: Date },
  ): Promise<HeldSupervision[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.supervision
      .createQueryBuilder('supervision')
      .innerJoin(Activity, 'activity', 'activity.id = supervision.activityId')
      .innerJoin('activity.kind', 'kind')
      .innerJoin('supervision.area', 'area')
      .select('supervision.id', 'id')
      .addSelect('activity.id', 'activityId')
      .addSelect('supervision.subject', 'subject')
      .addSelect('kind.code', 'methodCode')
      .addSelect('kind.label', 'methodLabel')
      .addSelect('area.code', 'areaCode')
      .addSelect('area.label', 'areaLabel')
      .where("activity.status = 'held'")
      // Still of a supervision kind: a kind changed since is counted by activities, not here.
      .andWhere("kind.category = 'supervision'")
      .andWhere('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('activity.startsAt >= :start AND activity.startsAt < :end', {
        start: span.start,
        end: span.end,
      })
      .orderBy('activity.startsAt')
      .addOrderBy('supervision.id')
      .getRawMany<
        Omit<HeldSupervision, 'id' | 'activityId'> & {
          id: number | string;
          activityId: number | string;
        }
      >();
    return rows.map((row) => ({ ...row, id: Number(row.id), activityId: Number(row.activityId) }));
  }

  /**
   * The opinions raised on a day in [firstDay, lastDay] on the committees' activities, oldest
   * first.
   */
  async opinionsRaised(
    committeeIds: readonly number[],
    firstDay: string,
    lastDay: string,
  ): Promise<OpinionFigures[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.supervision.manager
      .createQueryBuilder(Opinion, 'opinion')
      .select('opinion.id', 'id')
      .addSelect('opinion.status', 'status')
      .addSelect('opinion.dueOn', 'dueOn')
      .addSelect('opinion.completedOn', 'completedOn')
      // The activity's committee, not the opinion's copy (an activity may have moved).
      .innerJoin('opinion.supervisionActivity', 'supervision')
      .innerJoin('supervision.activity', 'activity')
      .where('activity.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('opinion.raisedOn >= :firstDay AND opinion.raisedOn <= :lastDay', {
        firstDay,
        lastDay,
      })
      .orderBy('opinion.raisedOn')
      .addOrderBy('opinion.id')
      .getRawMany<{
        id: number | string;
        status: OpinionStatus;
        dueOn: string | null;
        completedOn: string | null;
      }>();
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  /** The opinion if it is within the actor's committees; 404 otherwise. */
  opinionInScope(id: number, actor: Actor): Promise<Opinion> {
    return loadInScope(
      this.supervision.manager,
      Opinion,
      id,
      OPINION_SCOPE,
      actor,
      SUPERVISION_LABELS.records.opinion,
    );
  }

  /** An opinion's timeline, oldest first. */
  timelineOf(opinionId: number): Promise<OpinionUpdate[]> {
    return this.supervision.manager.find(OpinionUpdate, {
      where: { opinionId },
      order: { at: 'ASC', id: 'ASC' },
    });
  }
}
