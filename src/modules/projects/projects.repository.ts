import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { CountedOutcome } from './counted-outcome.entity.js';
import { KeyProject } from './key-project.entity.js';
import { ProjectProgress } from './project-progress.entity.js';
import type { OutcomeStatus, ProgressSnapshot, ProjectStage } from './projects.rules.js';

/** A key project of a committee-year with the snapshot that holds as of a date, if any. */
export interface ProjectAsOf {
  id: number;
  name: string;
  stage: ProjectStage;
  plannedInvestment: number;
  snapshotId: number | null;
  snapshotAsOf: string | null;
  completedInvestment: number;
}

/** A counted outcome of a committee-year, as the overview lists it. */
export interface OutcomeRow {
  id: number;
  name: string;
  value: number;
  unit: string;
  status: OutcomeStatus;
  communityId: number | null;
  activityId: number | null;
}

interface Span {
  committeeIds: readonly number[];
  year: number;
}

const amount = (value: number | string | null): number => (value === null ? 0 : Number(value));
const idOrNull = (value: number | string | null): number | null =>
  value === null ? null : Number(value);
/** A DATE read raw: MariaDB answers 'YYYY-MM-DD' (dateStrings), SQLite its stored text. */
const day = (value: string | null): string | null => (value === null ? null : value.slice(0, 10));

/**
 * The projects area's queries beyond a record's CRUD: named for what they answer, one statement
 * each, the same SQL on MariaDB and SQLite; raw rows become typed numbers here.
 */
@Injectable()
export class ProjectsRepository {
  constructor(@InjectRepository(KeyProject) private readonly projects: Repository<KeyProject>) {}

  /**
   * The committees' key projects of `year`, each with its latest progress snapshot dated on or
   * before `date` (none → nulls): the overview's stage counts, sums and completion.
   */
  async projectsOfYearAsOf({ committeeIds, year }: Span, date: string): Promise<ProjectAsOf[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.projects
      .createQueryBuilder('project')
      .leftJoin(
        ProjectProgress,
        'snapshot',
        'snapshot.projectId = project.id AND snapshot.asOf = ' +
          '(SELECT MAX(latest.as_of) FROM project_progress latest' +
          ' WHERE latest.project_id = project.id AND latest.as_of <= :date)',
        { date },
      )
      .select('project.id', 'id')
      .addSelect('project.name', 'name')
      .addSelect('project.stage', 'stage')
      .addSelect('project.plannedInvestment', 'plannedInvestment')
      .addSelect('snapshot.id', 'snapshotId')
      .addSelect('snapshot.asOf', 'snapshotAsOf')
      .addSelect('snapshot.completedInvestment', 'completedInvestment')
      .where('project.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('project.year = :year', { year })
      .orderBy('project.id')
      .getRawMany<{
        id: number | string;
        name: string;
        stage: ProjectStage;
        plannedInvestment: number | string;
        snapshotId: number | string | null;
        snapshotAsOf: string | null;
        completedInvestment: number | string | null;
      }>();
    return rows.map((row) => ({
      id: Number(row.id),
      name: row.name,
      stage: row.stage,
      plannedInvestment: amount(row.plannedInvestment),
      snapshotId: idOrNull(row.snapshotId),
      snapshotAsOf: day(row.snapshotAsOf),
      completedInvestment: amount(row.completedInvestment),
    }));
  }

  /** One project's snapshots, oldest first (its completion as of any date). */
  async snapshotsOf(projectId: number): Promise<ProgressSnapshot[]> {
    const rows = await this.projects.manager.find(ProjectProgress, {
      select: { id: true, asOf: true, completedInvestment: true },
      where: { projectId },
      order: { asOf: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id,
      asOf: row.asOf,
      completedInvestment: Number(row.completedInvestment),
    }));
  }

  /**
   * Whether the project has a snapshot outside `year` (a project moved to another year would
   * leave it there), in the caller's transaction.
   */
  async hasSnapshotOutsideYear(
    manager: EntityManager,
    projectId: number,
    year: number,
  ): Promise<boolean> {
    const found = await manager
      .createQueryBuilder(ProjectProgress, 'snapshot')
      .select('snapshot.id', 'id')
      .where('snapshot.projectId = :projectId', { projectId })
      .andWhere('(snapshot.asOf < :first OR snapshot.asOf > :last)', {
        first: `${year}-01-01`,
        last: `${year}-12-31`,
      })
      .limit(1)
      .getRawOne<{ id: number }>();
    return found !== undefined;
  }

  /** The committees' counted outcomes of `year`, in the order recorded (the overview's list). */
  async outcomesOfYear({ committeeIds, year }: Span): Promise<OutcomeRow[]> {
    if (committeeIds.length === 0) return [];
    const rows = await this.projects.manager
      .createQueryBuilder(CountedOutcome, 'outcome')
      .select('outcome.id', 'id')
      .addSelect('outcome.name', 'name')
      .addSelect('outcome.value', 'value')
      .addSelect('outcome.unit', 'unit')
      .addSelect('outcome.status', 'status')
      .addSelect('outcome.communityId', 'communityId')
      .addSelect('outcome.activityId', 'activityId')
      .where('outcome.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('outcome.year = :year', { year })
      .orderBy('outcome.id')
      .getRawMany<{
        id: number | string;
        name: string;
        value: number | string;
        unit: string;
        status: OutcomeStatus;
        communityId: number | string | null;
        activityId: number | string | null;
      }>();
    return rows.map((row) => ({
      id: Number(row.id),
      name: row.name,
      value: amount(row.value),
      unit: row.unit,
      status: row.status,
      communityId: idOrNull(row.communityId),
      activityId: idOrNull(row.activityId),
    }));
  }
}
