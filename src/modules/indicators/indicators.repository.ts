import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { Indicator, type IndicatorFrequency } from './indicator.entity.js';
import { IndicatorValue, type ValueKind } from './indicator-value.entity.js';

/** One value with its indicator, as the statistics print it. */
export interface ValueWithIndicator {
  id: number;
  committeeId: number;
  indicatorId: number;
  indicatorName: string;
  code: string;
  unit: string;
  frequency: IndicatorFrequency;
  sortOrder: number;
  year: number;
  period: number;
  kind: ValueKind;
  value: number;
  yoyPercent: number | null;
}

/** The key a value is unique by: an indicator, a year, a period and a kind. */
export const valueKey = (row: {
  indicatorId: number;
  year: number;
  period: number;
  kind: ValueKind;
}): string => `${row.indicatorId}/${row.year}/${row.period}/${row.kind}`;

/** The indicators area's queries beyond one record's CRUD. */
@Injectable()
export class IndicatorsRepository {
  constructor(
    @InjectRepository(IndicatorValue) private readonly values: Repository<IndicatorValue>,
  ) {}

  /**
   * Every value of the committees' indicators for the given years, with its indicator's name,
   * unit and frequency, in the catalogue's order: one statement for the overview (this year's
   * values and last year's, from which 同比 is computed when not reported).
   */
  async valuesOfYears(
    committeeIds: readonly number[],
    years: readonly number[],
  ): Promise<ValueWithIndicator[]> {
    if (committeeIds.length === 0 || years.length === 0) return [];
    const rows = await this.values
      .createQueryBuilder('value')
      .innerJoin('value.indicator', 'indicator')
      .select('value.id', 'id')
      .addSelect('value.committeeId', 'committeeId')
      .addSelect('value.indicatorId', 'indicatorId')
      .addSelect('indicator.name', 'indicatorName')
      .addSelect('indicator.code', 'code')
      .addSelect('indicator.unit', 'unit')
      .addSelect('indicator.frequency', 'frequency')
      .addSelect('indicator.sortOrder', 'sortOrder')
      .addSelect('value.year', 'year')
      .addSelect('value.period', 'period')
      .addSelect('value.kind', 'kind')
      .addSelect('value.value', 'value')
      .addSelect('value.yoyPercent', 'yoyPercent')
      .where('value.committeeId IN (:...committeeIds)', { committeeIds: [...committeeIds] })
      .andWhere('value.year IN (:...years)', { years: [...years] })
      .orderBy('indicator.sortOrder')
      .addOrderBy('indicator.id')
      .addOrderBy('value.year')
      .addOrderBy('value.period')
      .addOrderBy('value.kind')
      .getRawMany<Record<keyof ValueWithIndicator, string | number | null>>();
    return rows.map((row) => ({
      id: Number(row.id),
      committeeId: Number(row.committeeId),
      indicatorId: Number(row.indicatorId),
      indicatorName: String(row.indicatorName),
      code: String(row.code),
      unit: String(row.unit),
      frequency: row.frequency as IndicatorFrequency,
      sortOrder: Number(row.sortOrder),
      year: Number(row.year),
      period: Number(row.period),
      kind: row.kind as ValueKind,
      value: Number(row.value),
      yoyPercent: row.yoyPercent === null ? null : Number(row.yoyPercent),
    }));
  }

  /** A committee's own catalogue (not its sub-committees'), by code: what an import sheet names. */
  async catalogueOf(committeeId: number, manager?: EntityManager): Promise<Indicator[]> {
    return (manager ?? this.values.manager).find(Indicator, {
      where: { committeeId },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The values that already exist for these indicators and years, by key (`valueKey`): what a re-import updates instead of duplicating.
   */
  async existingValues(
    indicatorIds: readonly number[],
    years: readonly number[],
    manager?: EntityManager,
  ): Promise<Map<string, IndicatorValue>> {
    if (indicatorIds.length === 0 || years.length === 0) return new Map();
    const rows = await (manager ?? this.values.manager).find(IndicatorValue, {
      where: { indicatorId: In([...indicatorIds]), year: In([...years]) },
    });
    return new Map(rows.map((row) => [valueKey(row), row]));
  }

  /** Whether an indicator has any value (its frequency may then not change). */
  async hasValues(indicatorId: number, manager: EntityManager): Promise<boolean> {
    return (await manager.count(IndicatorValue, { where: { indicatorId } })) > 0;
  }
}
