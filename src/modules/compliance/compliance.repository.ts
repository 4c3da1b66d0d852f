import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Period } from '../../common/period.js';
import { ActivitiesRepository } from '../activities/activities.repository.js';
import { Committee } from '../committees/committee.entity.js';
import { StationsRepository, type StationMeasure } from '../stations/stations.repository.js';
import { CadenceRule } from './cadence-rule.entity.js';
import { ComplianceEvaluation } from './compliance-evaluation.entity.js';
import { ComplianceRecord, type ComplianceStatus } from './compliance-record.entity.js';

/** One subject's tally for a period: held qualifying activities, and planned ones still to come. */
export interface SubjectTally {
  committeeId: number;
  held: number;
  heldIds: number[];
  planned: number;
  /** The earliest planned activity's start, for "已计划于…" in a reminder. */
  nextPlannedAt: Date | null;
}

/**
 * One subject's standing in a period, whatever the subject: a committee (subjectId = committeeId)
 * or a station (its committee is the record's scope and receives its reminders).
 */
export interface SubjectStanding {
  subjectId: number;
  committeeId: number;
  /** The station's name; committees are named from their table when a notice needs it. */
  name: string | null;
  count: number;
  /** What the subject must reach: the rule's `minCount`, or (deputies on duty) the assigned. */
  required: number;
  /** The held activities that counted, oldest first (at most 200). */
  activityIds: number[];
  nextPlannedAt: Date | null;
}

/** A record lists at most this many of the activities that counted. */
const QUALIFYING_IDS_SHOWN = 200;

const categoriesOf = (rule: CadenceRule): string[] =>
  (rule.categories ?? '')
    .split(',')
    .map((category) => category.trim())
    .filter(Boolean);

/**
 * The cadence rules' records, evaluations and subjects. The counting itself is the activities'
 * (ActivitiesRepository: one aggregate over the period's activities grouped by committee, no
 * query per committee); here it is read through a rule's categories.
 */
@Injectable()
export class ComplianceRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesRepository,
    private readonly stations: StationsRepository,
  ) {}

  /** How many subjects the rule would judge now (a close waits while there are none). */
  async subjectCount(rule: CadenceRule): Promise<number> {
    return rule.subject === 'station'
      ? (await this.stations.allStations()).length
      : (await this.subdistrictIds()).length;
  }

  /**
   * Every subject of the rule with its count for the period: the subdistrict committees from
   * their activities (ActivitiesRepository), or the stations from their receptions
   * (StationsRepository.cadenceTally) — one aggregate each, no query per subject.
   */
  async standings(
    rule: CadenceRule,
    period: Period,
    timeZone: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SubjectStanding[]> {
    if (rule.subject === 'station') {
      const tallies = await this.stations.cadenceTally(
        period,
        rule.measure as StationMeasure,
        rule.noticeDays ?? 0,
        timeZone,
        manager,
      );
      return tallies.map((tally) => ({
        subjectId: tally.stationId,
        committeeId: tally.committeeId,
        name: tally.name,
        count: tally.count,
        required: tally.required ?? rule.minCount,
        activityIds: tally.activityIds.slice(0, QUALIFYING_IDS_SHOWN),
        nextPlannedAt: tally.nextPlannedAt,
      }));
    }
    const subjects = await this.subdistrictIds(manager);
    const tallies = await this.tally(rule, period, manager);
    const counted = subjects.filter((id) => (tallies.get(id)?.held ?? 0) > 0);
    const ids = await this.qualifyingIds(rule, period, counted, manager);
    return subjects.map((committeeId) => ({
      subjectId: committeeId,
      committeeId,
      name: null,
      count: tallies.get(committeeId)?.held ?? 0,
      required: rule.minCount,
      activityIds: ids.get(committeeId) ?? [],
      nextPlannedAt: tallies.get(committeeId)?.nextPlannedAt ?? null,
    }));
  }

  /** The cadence rules in force, in id order (the jobs evaluate each). */
  enabledRules(): Promise<CadenceRule[]> {
    return this.dataSource.manager.find(CadenceRule, {
      where: { enabled: true },
      order: { id: 'ASC' },
    });
  }

  async subdistrictIds(manager: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await manager
      .createQueryBuilder(Committee, 'committee')
      .select('committee.id', 'id')
      .where("committee.kind = 'subdistrict'")
      .orderBy('committee.id')
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /**
   * The subdistrict committees within `scope` (null: all), and with `committeeId` only that one
   * or those under it.
   */
  async subdistrictsWithin(
    scope: readonly number[] | null,
    committeeId?: number,
  ): Promise<number[]> {
    if (scope !== null && scope.length === 0) return [];
    const query = this.dataSource
      .createQueryBuilder(Committee, 'committee')
      .select('committee.id', 'id')
      .where("committee.kind = 'subdistrict'")
      .orderBy('committee.id');
    if (scope !== null) query.andWhere('committee.id IN (:...scope)', { scope: [...scope] });
    if (committeeId !== undefined) {
      query.andWhere('(committee.id = :committeeId OR committee.parentId = :committeeId)', {
        committeeId,
      });
    }
    const rows = await query.getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  /** Held and planned qualifying activities per committee in the period (committees with any). */
  async tally(
    rule: CadenceRule,
    period: Period,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, SubjectTally>> {
    const rows = await this.activities.tallyHeldAndPlannedByCommittee(
      period,
      categoriesOf(rule),
      manager,
    );
    const tallies = new Map<number, SubjectTally>();
    for (const row of rows) {
      tallies.set(row.committeeId, {
        committeeId: row.committeeId,
        held: row.held,
        heldIds: [],
        planned: row.planned,
        nextPlannedAt: row.nextPlannedAt,
      });
    }
    return tallies;
  }

  /** The ids of the held activities that counted, for the record's drill-down (first 200). */
  qualifyingIds(
    rule: CadenceRule,
    period: Period,
    committeeIds: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, number[]>> {
    return this.activities.heldIdsByCommittee(
      period,
      categoriesOf(rule),
      committeeIds,
      QUALIFYING_IDS_SHOWN,
      manager,
    );
  }

  /** Replaces the rule's records for one period with `records`, in the caller's transaction. */
  async replacePeriod(
    manager: EntityManager,
    ruleId: number,
    periodKey: string,
    records: Partial<ComplianceRecord>[],
  ): Promise<void> {
    await manager.delete(ComplianceRecord, { ruleId, periodKey });
    for (let i = 0; i < records.length; i += 500) {
      await manager.insert(ComplianceRecord, records.slice(i, i + 500));
    }
  }

  /**
   * The latest period of the rule, at or before `upTo`, that a close has made final, or null:
   * a close as of an earlier date is not stopped by later periods already closed.
   */
  async lastClosedKey(ruleId: number, upTo: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(ComplianceRecord)
      .createQueryBuilder('record')
      .select('MAX(record.periodKey)', 'key')
      .where('record.ruleId = :ruleId', { ruleId })
      .andWhere('record.periodKey <= :upTo', { upTo })
      .andWhere('record.finalisedAt IS NOT NULL')
      .getRawOne<{ key: string | null }>();
    return row?.key ?? null;
  }

  /** Each subject's final outcome of the period so far (before a re-evaluation replaces it). */
  async finalOutcomes(
    manager: EntityManager,
    ruleId: number,
    periodKey: string,
  ): Promise<Map<number, { status: ComplianceStatus; evaluatedAt: Date }>> {
    const rows = await manager.find(ComplianceRecord, {
      select: { subjectId: true, status: true, evaluatedAt: true, finalisedAt: true },
      where: { ruleId, periodKey },
    });
    return new Map(
      rows
        .filter((row) => row.finalisedAt !== null)
        .map((row) => [row.subjectId, { status: row.status, evaluatedAt: row.evaluatedAt }]),
    );
  }

  /** Appends final evaluations to the history, in the caller's transaction. */
  async addEvaluations(
    manager: EntityManager,
    evaluations: Partial<ComplianceEvaluation>[],
  ): Promise<void> {
    for (let i = 0; i < evaluations.length; i += 500) {
      await manager.insert(ComplianceEvaluation, evaluations.slice(i, i + 500));
    }
  }

  /** One subject's final evaluations of one period, oldest first. */
  history(ruleId: number, subjectId: number, periodKey: string): Promise<ComplianceEvaluation[]> {
    return this.dataSource.getRepository(ComplianceEvaluation).find({
      where: { ruleId, subjectId, periodKey },
      order: { id: 'ASC' },
    });
  }

  /** The final records of the rule for the given periods and subjects. */
  async finalRecords(
    ruleId: number,
    periodKeys: string[],
    subjectIds: number[],
  ): Promise<ComplianceRecord[]> {
    if (periodKeys.length === 0 || subjectIds.length === 0) return [];
    return this.dataSource
      .getRepository(ComplianceRecord)
      .createQueryBuilder('record')
      .where('record.ruleId = :ruleId', { ruleId })
      .andWhere('record.periodKey IN (:...periodKeys)', { periodKeys })
      .andWhere('record.subjectId IN (:...subjectIds)', { subjectIds })
      .andWhere('record.finalisedAt IS NOT NULL')
      .getMany();
  }
}
