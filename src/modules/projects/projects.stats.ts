import { Injectable } from '@nestjs/common';
import { localDate } from '../../common/period.js';
import type {
  AreaStatistics,
  Figure,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf, sumOf } from '../../platform/areas/statistics.js';
import { PROJECTS_LABELS } from './projects.labels.js';
import { ProjectsRepository, type OutcomeRow, type ProjectAsOf } from './projects.repository.js';
import {
  COUNTED_OUTCOME_STATUSES,
  PROJECT_STAGES,
  percentageOf,
  reportingDate,
  type ProjectStage,
} from './projects.rules.js';

const STAGE_LABELS = PROJECTS_LABELS.values.projectStage;
const STATUS_LABELS = PROJECTS_LABELS.values.outcomeStatus;

/** Money sums in 万元 to the cent, as sumOf keeps them. */
const ids = (rows: readonly { id: number }[]): number[] =>
  rows.map((row) => row.id).sort((a, b) => a - b);

const total = (amounts: readonly number[]): number =>
  amounts.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;

/**
 * 重大项目与工作成效 in the overview (report 一(二)/(四)): key projects of the year by stage —
 * count, planned investment, completed investment as of min(asOf, 31 December), completion
 * rate — and counted outcomes, each figure with the ids it counted. One definition, read by the
 * overview, the dashboard and the annual report.
 */
@Injectable()
export class ProjectsStatistics implements AreaStatistics {
  constructor(private readonly repository: ProjectsRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const date = reportingDate(scope.year, localDate(scope.asOf, scope.timeZone));
    const projects = await this.repository.projectsOfYearAsOf(scope, date);
    const outcomes = await this.repository.outcomesOfYear(scope);
    return {
      label: '重大项目与工作成效',
      figures: [...this.projectFigures(projects), ...this.outcomeFigures(outcomes)],
      lists: {
        keyProjects: {
          label: `重大项目（截至 ${date}）`,
          type: 'keyProject',
          columns: {
            name: '项目',
            stageLabel: '阶段',
            plannedInvestment: '计划投资（万元）',
            completedInvestment: '完成投资（万元）',
            percentage: '完成率（%）',
            snapshotAsOf: '截至',
          },
          items: projects.map((row) => ({
            id: row.id,
            name: row.name,
            stage: row.stage,
            stageLabel: STAGE_LABELS[row.stage],
            plannedInvestment: row.plannedInvestment,
            completedInvestment: row.completedInvestment,
            percentage: percentageOf(row.completedInvestment, row.plannedInvestment),
            snapshotId: row.snapshotId,
            snapshotAsOf: row.snapshotAsOf,
          })),
        },
        countedOutcomes: {
          label: '工作成效',
          type: 'countedOutcome',
          columns: { name: '名称', value: '数量', unit: '单位', statusLabel: '状态' },
          items: outcomes.map((row) => ({
            id: row.id,
            name: row.name,
            value: row.value,
            unit: row.unit,
            status: row.status,
            statusLabel: STATUS_LABELS[row.status],
            communityId: row.communityId,
            activityId: row.activityId,
          })),
        },
      },
    };
  }

  private projectFigures(projects: readonly ProjectAsOf[]): Figure[] {
    const stages = this.byStage(projects);
    const count = countOf(
      'keyProjects',
      '重大项目',
      'keyProject',
      projects.map((row) => row.id),
    );
    count.breakdown = stages.map(({ stage, rows }) =>
      countOf(
        `keyProjects.${stage}`,
        STAGE_LABELS[stage],
        'keyProject',
        rows.map((row) => row.id),
      ),
    );
    const planned = (name: string, label: string, rows: readonly ProjectAsOf[]) =>
      sumOf(
        name,
        label,
        'keyProject',
        rows.map((row) => ({ id: row.id, amount: row.plannedInvestment })),
        '万元',
      );
    const plannedInvestment = planned('plannedInvestment', '计划投资', projects);
    plannedInvestment.breakdown = stages.map(({ stage, rows }) =>
      planned(`plannedInvestment.${stage}`, `${STAGE_LABELS[stage]}项目计划投资`, rows),
    );
    // The records of a completed sum are the snapshots it added up (a project without one
    // adds 0 and no record).
    const completed = (name: string, label: string, rows: readonly ProjectAsOf[]) =>
      sumOf(
        name,
        label,
        'projectProgress',
        rows.flatMap((row) =>
          row.snapshotId === null ? [] : [{ id: row.snapshotId, amount: row.completedInvestment }],
        ),
        '万元',
      );
    const completedInvestment = completed('completedInvestment', '完成投资', projects);
    completedInvestment.breakdown = stages.map(({ stage, rows }) =>
      completed(`completedInvestment.${stage}`, `${STAGE_LABELS[stage]}项目完成投资`, rows),
    );
    const rate = (name: string, label: string, rows: readonly ProjectAsOf[]): Figure[] => {
      const value = this.rate(rows);
      // No planned investment: no rate at all (0 would read as "nothing done").
      if (value === null) return [];
      return [{ name, label, value, unit: '%', records: { type: 'keyProject', ids: ids(rows) } }];
    };
    const [completionRate] = rate('completionRate', '投资完成率', projects);
    if (!completionRate) return [count, plannedInvestment, completedInvestment];
    // Rates do not add up: the stages' rates are a breakdown that is not a sum.
    completionRate.breakdown = stages.flatMap(({ stage, rows }) =>
      rate(`completionRate.${stage}`, `${STAGE_LABELS[stage]}项目投资完成率`, rows),
    );
    completionRate.overlapping = true;
    return [count, plannedInvestment, completedInvestment, completionRate];
  }

  /**
   * 工作成效 as figures: per name and unit, the achieved value (done, and in progress so far;
   * a planned value is a target) summed over its records — several communities' rows of one
   * counter add up.
   */
  private outcomeFigures(outcomes: readonly OutcomeRow[]): Figure[] {
    const counted = outcomes.filter((row) => COUNTED_OUTCOME_STATUSES.includes(row.status));
    const groups = new Map<string, { name: string; unit: string; rows: OutcomeRow[] }>();
    for (const row of counted) {
      const key = JSON.stringify([row.name, row.unit]);
      const group = groups.get(key) ?? { name: row.name, unit: row.unit, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
    const figures = [...groups.values()].map(({ name, unit, rows }) =>
      sumOf(
        `countedOutcome.${name}`,
        name,
        'countedOutcome',
        rows.map((row) => ({ id: row.id, amount: row.value })),
        unit,
      ),
    );
    return [
      countOf(
        'countedOutcomes',
        '工作成效（已完成或进行中）',
        'countedOutcome',
        counted.map((row) => row.id),
        '项',
      ),
      ...figures,
    ];
  }

  private byStage(
    projects: readonly ProjectAsOf[],
  ): { stage: ProjectStage; rows: ProjectAsOf[] }[] {
    return PROJECT_STAGES.map((stage) => ({
      stage,
      rows: projects.filter((row) => row.stage === stage),
    }));
  }

  /** Completed ÷ planned over the projects, %; null without any planned investment. */
  private rate(rows: readonly ProjectAsOf[]): number | null {
    return percentageOf(
      total(rows.map((row) => row.completedInvestment)),
      total(rows.map((row) => row.plannedInvestment)),
    );
  }
}
