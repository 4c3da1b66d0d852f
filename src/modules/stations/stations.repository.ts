import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, In, LessThan, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import { localDate, type Period } from '../../common/period.js';
import { Attendance } from '../activities/attendance.entity.js';
import { Reception } from './reception.entity.js';
import { StationAssessment } from './station-assessment.entity.js';
import { StationAssessmentItem } from './station-assessment-item.entity.js';
import { StationRole } from './station-role.entity.js';
import { Station } from './station.entity.js';
import { noticedInTime, termCovers } from './stations.rules.js';

/** What a station cadence rule counts (CadenceRule.measure for subject `station`). */
export type StationMeasure = 'receptions' | 'noticedReceptions' | 'deputiesOnDuty';

/** One station's tally for a period: what counted, what was required, and what is planned. */
export interface StationTally {
  stationId: number;
  committeeId: number;
  name: string;
  count: number;
  /** The count a station must reach; null: the rule's `minCount`. */
  required: number | null;
  /** The activities (receptions' activities) that counted, oldest first. */
  activityIds: number[];
  planned: number;
  nextPlannedAt: Date | null;
}

/** A reception held in a span, with its activity's day and the deputies who attended it. */
export interface HeldReception {
  id: number;
  activityId: number;
  stationId: number;
  committeeId: number;
  day: string;
  startsAt: Date;
  announcedOn: string | null;
  votersReceived: number;
  /** The attendance rows (attended) and their deputies. */
  duty: { attendanceId: number; deputyId: number }[];
}

/** An assessment with its items, for the overview. */
export type AssessmentWithItems = StationAssessment & {
  station: Station;
  items: StationAssessmentItem[];
};

/** The stations area's intent-named queries. */
@Injectable()
export class StationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every station (the cadence rules' subjects), in id order. */
  allStations(manager: EntityManager = this.dataSource.manager): Promise<Station[]> {
    return manager.find(Station, {
      select: { id: true, committeeId: true, name: true },
      order: { id: 'ASC' },
    });
  }

  /** The stations of the committees, in id order. */
  stationsOf(committeeIds: readonly number[]): Promise<Station[]> {
    if (committeeIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(Station, {
      where: { committeeId: In([...committeeIds]) },
      order: { id: 'ASC' },
    });
  }

  /**
   * The receptions whose activity is held (or, with `planned`, planned too) in the span, of the
   * stations of `committeeIds` (null: every station), oldest first, with who was on duty.
   */
  async receptionsIn(
    span: { start: Date; end: Date },
    committeeIds: readonly number[] | null,
    options: { planned?: boolean; manager?: EntityManager; timeZone: string },
  ): Promise<(HeldReception & { held: boolean })[]> {
    const manager = options.manager ?? this.dataSource.manager;
    if (committeeIds !== null && committeeIds.length === 0) return [];
    const receptions = await manager.find(Reception, {
      relations: { activity: true, station: true },
      where: {
        activity: {
          status: In(options.planned ? ['held', 'planned'] : ['held']),
          startsAt: And(MoreThanOrEqual(span.start), LessThan(span.end)),
        },
        ...(committeeIds === null ? {} : { station: { committeeId: In([...committeeIds]) } }),
      },
      order: { activity: { startsAt: 'ASC' }, id: 'ASC' },
    });
    const activityIds = receptions.map((reception) => reception.activityId);
    const attended =
      activityIds.length === 0
        ? []
        : await manager.find(Attendance, {
            select: { id: true, activityId: true, deputyId: true },
            where: { activityId: In(activityIds), status: 'attended' },
            order: { id: 'ASC' },
          });
    return receptions.map((reception) => {
      const activity = reception.activity!;
      return {
        id: reception.id,
        activityId: reception.activityId,
        stationId: reception.stationId,
        committeeId: reception.station!.committeeId,
        day: localDate(activity.startsAt, options.timeZone),
        startsAt: activity.startsAt,
        held: activity.status === 'held',
        announcedOn: reception.announcedOn,
        votersReceived: reception.votersReceived,
        duty: attended
          .filter((row) => row.activityId === reception.activityId)
          .map((row) => ({ attendanceId: row.id, deputyId: row.deputyId })),
      };
    });
  }

  /** The 驻站代表 terms of the stations (every station: null), for a span's assigned deputies. */
  deputyTerms(
    stationIds: readonly number[] | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StationRole[]> {
    if (stationIds !== null && stationIds.length === 0) return Promise.resolve([]);
    return manager.find(StationRole, {
      where: {
        role: 'deputy',
        ...(stationIds === null ? {} : { stationId: In([...stationIds]) }),
      },
      order: { id: 'ASC' },
    });
  }

  /**
   * 联络站频次规则's tally of every station for one period: receptions held (all, or only those
   * announced at least `noticeDays` ahead), or the station's deputies on duty at least once.
   */
  async cadenceTally(
    period: Period,
    measure: StationMeasure,
    noticeDays: number,
    timeZone: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StationTally[]> {
    const stations = await this.allStations(manager);
    const receptions = await this.receptionsIn(period, null, { planned: true, manager, timeZone });
    const firstDay = localDate(period.start, timeZone);
    const lastDay = localDate(new Date(period.end.getTime() - 1), timeZone);
    const terms =
      measure === 'deputiesOnDuty'
        ? (await this.deputyTerms(null, manager)).filter((term) =>
            termCovers(term, firstDay, lastDay),
          )
        : [];
    return stations.map((station) => {
      const own = receptions.filter((reception) => reception.stationId === station.id);
      const held = own.filter((reception) => reception.held);
      const planned = own.filter((reception) => !reception.held);
      const tally = {
        stationId: station.id,
        committeeId: station.committeeId,
        name: station.name,
        planned: planned.length,
        nextPlannedAt: planned[0]?.startsAt ?? null,
      };
      if (measure === 'deputiesOnDuty') {
        const assigned = new Set(
          terms.filter((term) => term.stationId === station.id).map((term) => term.deputyId!),
        );
        const onDuty = new Set<number>();
        const activityIds: number[] = [];
        for (const reception of held) {
          const present = reception.duty.filter((row) => assigned.has(row.deputyId));
          present.forEach((row) => onDuty.add(row.deputyId));
          if (present.length > 0) activityIds.push(reception.activityId);
        }
        return { ...tally, count: onDuty.size, required: assigned.size, activityIds };
      }
      const counted =
        measure === 'noticedReceptions'
          ? held.filter((reception) =>
              noticedInTime(reception.announcedOn, reception.day, noticeDays),
            )
          : held;
      return {
        ...tally,
        count: counted.length,
        required: null,
        activityIds: counted.map((reception) => reception.activityId),
      };
    });
  }

  /** The head terms of a station other than `exceptId` (for the no-overlap rule). */
  headTerms(manager: EntityManager, stationId: number, exceptId?: number): Promise<StationRole[]> {
    return manager.find(StationRole, {
      where: {
        stationId,
        role: 'head',
        ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
      },
      order: { startsOn: 'ASC' },
    });
  }

  /** An assessment's items, in the standard's order. */
  assessmentItems(
    assessmentId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StationAssessmentItem[]> {
    return manager.find(StationAssessmentItem, {
      where: { assessmentId },
      relations: { standardItem: true },
      order: { standardItem: { sortOrder: 'ASC' }, id: 'ASC' },
    });
  }

  /** The year's assessments of the committees' stations with their items. */
  async assessmentsOf(
    committeeIds: readonly number[],
    year: number,
  ): Promise<AssessmentWithItems[]> {
    if (committeeIds.length === 0) return [];
    const assessments = await this.dataSource.manager.find(StationAssessment, {
      relations: { station: true },
      where: { year, station: { committeeId: In([...committeeIds]) } },
      order: { stationId: 'ASC' },
    });
    const items =
      assessments.length === 0
        ? []
        : await this.dataSource.manager.find(StationAssessmentItem, {
            relations: { standardItem: true },
            where: { assessmentId: In(assessments.map((assessment) => assessment.id)) },
            order: { standardItem: { sortOrder: 'ASC' }, id: 'ASC' },
          });
    return assessments.map((assessment) =>
      Object.assign(assessment, {
        station: assessment.station!,
        items: items.filter((item) => item.assessmentId === assessment.id),
      }),
    );
  }
}
