import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { conflict, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { isUniqueViolation } from '../../database/database-errors.js';
import type { Actor } from '../../platform/access/actor.js';
import { auditDiff, auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { COMMITTEE_RECORD_NAME } from '../../platform/records/record-names.js';
import { RecordWrites, useCase } from '../../platform/records/write-use-case.js';
import { CommitteesService } from '../committees/committees.service.js';
import {
  checkRows,
  readSheet,
  templateWorkbook,
  type ImportProblem,
  type ImportRow,
  type UploadedSheet,
} from './indicator-sheet.js';
import { IndicatorValue } from './indicator-value.entity.js';
import { INDICATORS_LABELS } from './indicators.labels.js';
import { IndicatorsRepository, valueKey } from './indicators.repository.js';

/** What an import answers: the rows read, what is (or would be) created and updated, problems. */
export interface ImportResult {
  dryRun: boolean;
  committeeId: number;
  /** Value rows read (blank template rows not counted). */
  rows: number;
  created: number;
  updated: number;
  /** Every bad row: its row number, column and problem (Chinese first). Empty when all pass. */
  problems: ImportProblem[];
  /** On a commit: the ids written. */
  createdIds?: number[];
  updatedIds?: number[];
}

const importUseCase = (action: 'new' | 'edit' | 'list') =>
  useCase('indicatorValue', INDICATORS_LABELS.records.indicatorValue, action);

/**
 * 指标数值导入 (Excel): a template per committee, a dry run that lists every bad row and writes
 * nothing, and a commit that writes every row or none (one transaction; a bad row → 422 listing
 * all of them). A row whose indicator, year, period and kind already have a value updates it.
 * Each value written has its own audit row (`create` / `update`, detail `via: 'import'`).
 */
@Injectable()
export class IndicatorImportService {
  constructor(
    private readonly writes: RecordWrites,
    private readonly indicators: IndicatorsRepository,
    private readonly committees: CommitteesService,
  ) {}

  /** The .xlsx template with the committee's enabled indicators. */
  async template(committeeId: number): Promise<{ fileName: string; body: Buffer }> {
    const actor = this.writes.permit(importUseCase('list'));
    await this.requireVisible(actor, committeeId);
    const catalogue = await this.indicators.catalogueOf(committeeId);
    return { fileName: '指标数值导入模板.xlsx', body: await templateWorkbook(catalogue) };
  }

  async import(
    committeeId: number,
    file: UploadedSheet | undefined,
    dryRun: boolean,
  ): Promise<ImportResult> {
    // Importing creates and updates: both permissions, before the file is even read.
    this.writes.permit(importUseCase('edit'));
    const actor = this.writes.permit(importUseCase('new'));
    await this.requireVisible(actor, committeeId);
    const sheet = await readSheet(file);
    if (dryRun) {
      const catalogue = await this.indicators.catalogueOf(committeeId);
      const { rows, problems } = checkRows(sheet, catalogue);
      const existing = await this.indicators.existingValues(
        [...new Set(rows.map((row) => row.indicatorId))],
        [...new Set(rows.map((row) => row.year))],
      );
      const updated = rows.filter((row) => existing.has(valueKey(row))).length;
      return {
        dryRun: true,
        committeeId,
        rows: sheet.rows.length,
        created: rows.length - updated,
        updated,
        problems,
      };
    }
    return this.writes.run(importUseCase('new'), async (write) => {
      const { manager } = write;
      const catalogue = await this.indicators.catalogueOf(committeeId, manager);
      const { rows, problems } = checkRows(sheet, catalogue);
      if (problems.length > 0) throw rowsRejected(problems);
      const existing = await this.indicators.existingValues(
        [...new Set(rows.map((row) => row.indicatorId))],
        [...new Set(rows.map((row) => row.year))],
        manager,
      );
      const createdIds: number[] = [];
      const updatedIds: number[] = [];
      const via = { via: 'import', file: file?.originalname?.slice(0, 100) ?? null };
      for (const { row: _row, ...fields } of rows) {
        const current = existing.get(valueKey(fields));
        if (current) {
          const next = manager.merge(
            IndicatorValue,
            manager.create(IndicatorValue, { ...current }),
            {
              value: fields.value,
              yoyPercent: fields.yoyPercent,
              note: fields.note,
            },
          );
          const saved = await manager.save(IndicatorValue, next);
          await write.audit({
            action: 'update',
            objectId: saved.id,
            detail: { ...via, ...auditDiff(current, saved) },
          });
          updatedIds.push(saved.id);
        } else {
          const saved = await this.insert(manager, { ...fields, committeeId });
          await write.audit({
            action: 'create',
            objectId: saved.id,
            detail: { ...via, ...(auditSnapshot(saved) as object) },
          });
          createdIds.push(saved.id);
        }
      }
      return {
        dryRun: false,
        committeeId,
        rows: sheet.rows.length,
        created: createdIds.length,
        updated: updatedIds.length,
        problems: [],
        createdIds,
        updatedIds,
      };
    });
  }

  /**
   * A new value; one written meanwhile by someone else for the same key (after this import read
   * the existing ones) makes the whole import a 409 to retry, never a 500.
   */
  private async insert(
    manager: EntityManager,
    fields: Omit<ImportRow, 'row'> & { committeeId: number },
  ): Promise<IndicatorValue> {
    try {
      return await manager.save(IndicatorValue, manager.create(IndicatorValue, fields));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw conflict({
        zh: '导入期间有相同指标、年份、期间、数值类型的数值被录入，请重新导入',
        en: 'A value with the same key was written meanwhile; import again',
      });
    }
  }

  /** The committee must exist and be within the actor's committees: 404 naming `committeeId`. */
  private async requireVisible(actor: Actor, committeeId: number): Promise<void> {
    const visible = !actor.committeeIds || actor.committeeIds.includes(committeeId);
    if (!visible || !(await this.committees.exists(committeeId))) {
      throw new DomainError(
        ErrorCode.NotFound,
        notFound(COMMITTEE_RECORD_NAME, committeeId).bilingual,
        [
          {
            field: 'committeeId',
            problem: '人大工委不存在或不在权限范围内 / no such committee within your scope',
          },
        ],
      );
    }
  }
}

/** 422 listing every bad row: `details` name the file, with the row and column of each. */
export function rowsRejected(problems: readonly ImportProblem[]): DomainError {
  return new DomainError(
    ErrorCode.RuleViolation,
    {
      zh: `导入表有 ${new Set(problems.map((p) => p.row)).size} 行有问题，未写入任何数据`,
      en: 'Some rows are invalid; nothing was written',
    },
    problems.map((problem) => ({
      field: 'file',
      problem: `第 ${problem.row} 行「${problem.column}」：${problem.problem}`,
      row: problem.row,
      column: problem.column,
    })),
  );
}
