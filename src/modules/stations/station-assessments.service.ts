import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { In, Repository } from 'typeorm';
import { invalidInput, ruleViolation } from '../../common/errors.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService, type WithinWrite } from '../../platform/records/record.service.js';
import { loadInScope, useCase, type Write } from '../../platform/records/write-use-case.js';
import type {
  AssessmentItemDto,
  CreateStationAssessmentDto,
  ListStationAssessmentsQuery,
  UpdateStationAssessmentDto,
} from './dto/station-assessment.dto.js';
import { StationAssessment } from './station-assessment.entity.js';
import { StationAssessmentItem } from './station-assessment-item.entity.js';
import { StationStandardItem } from './station-standard-item.entity.js';
import { requireStation } from './station-references.js';
import { StationsRepository } from './stations.repository.js';
import { STATIONS_LABELS } from './stations.labels.js';
import { assessmentScore } from './stations.rules.js';
import { STATION_ASSESSMENT_ITEM_SCOPE, STATION_ASSESSMENT_SCOPE } from './stations.scopes.js';

/** An assessment as the API answers it: with its items and the gaps (items not met). */
export type AssessmentDetail = StationAssessment & {
  items: StationAssessmentItem[];
  gaps: { standardItemId: number; title: string; weight: number }[];
};

const ITEMS_USE_CASE = (action: 'new' | 'edit') =>
  useCase('stationAssessmentItem', STATIONS_LABELS.records.stationAssessmentItem, action);

/**
 * 年度考评: a station's yearly assessment against the standard, written with one row per item in
 * the same transaction (like a session's agenda); the score is the weights of the items met.
 */
@Injectable()
export class StationAssessmentsService extends RecordService<StationAssessment> {
  protected readonly recordName = STATIONS_LABELS.records.stationAssessment;
  protected readonly resource = 'stationAssessment';
  protected readonly scope: RecordScope<StationAssessment> = STATION_ASSESSMENT_SCOPE;
  protected readonly sortable = ['id', 'stationId', 'year', 'totalScore'] as const;
  protected override readonly defaultSort = '-year';

  constructor(
    @InjectRepository(StationAssessment) repository: Repository<StationAssessment>,
    audit: AuditTrail,
    private readonly stations: StationsRepository,
  ) {
    super(repository, audit);
  }

  protected override where(
    query: ListStationAssessmentsQuery,
  ): FindOptionsWhere<StationAssessment> {
    return { stationId: query.stationId, year: query.year };
  }

  protected override async checkWrite(
    manager: EntityManager,
    next: StationAssessment,
  ): Promise<void> {
    await requireStation(manager, next.stationId);
  }

  override async get(id: number): Promise<AssessmentDetail> {
    return this.detail(await super.get(id));
  }

  /** A new assessment with a row for every enabled standard item (one transaction). */
  override async create(
    input: CreateStationAssessmentDto | DeepPartial<StationAssessment>,
  ): Promise<AssessmentDetail> {
    const { items, fields } = withoutItems(input);
    const saved = await super.create(fields, this.itemsWriter(items ?? [], true));
    return this.detail(saved);
  }

  /** Changes the sent fields and the items listed; the score follows (one transaction). */
  override async update(
    id: number,
    input: UpdateStationAssessmentDto | DeepPartial<StationAssessment>,
  ): Promise<AssessmentDetail> {
    const { items, fields } = withoutItems(input);
    const saved = await super.update(id, fields, items && this.itemsWriter(items, false));
    return this.detail(saved);
  }

  /** 考评条目 edited alone (the panel): the same use case as an update listing that one item. */
  async updateItem(
    id: number,
    input: { met?: boolean; evidence?: string | null },
  ): Promise<StationAssessmentItem> {
    const item = await loadInScope(
      this.repository.manager,
      StationAssessmentItem,
      id,
      STATION_ASSESSMENT_ITEM_SCOPE,
      this.authorize('edit'),
      STATIONS_LABELS.records.stationAssessmentItem,
    );
    await this.update(item.assessmentId, {
      items: [
        {
          standardItemId: item.standardItemId,
          met: input.met ?? item.met,
          evidence: input.evidence === undefined ? item.evidence : input.evidence,
        },
      ],
    });
    return this.repository.manager.findOneByOrFail(StationAssessmentItem, { id });
  }

  private async detail(assessment: StationAssessment): Promise<AssessmentDetail> {
    const items = await this.stations.assessmentItems(assessment.id);
    for (const item of items) delete item.standardItem;
    const score = assessmentScore(items);
    return Object.assign(assessment, {
      totalScore: score.total,
      maxScore: score.max,
      items,
      gaps: score.gaps.map((gap) => ({
        standardItemId: gap.standardItemId,
        title: gap.title,
        weight: gap.weight,
      })),
    });
  }

  /**
   * Writes the item rows in the assessment's transaction: on create one per enabled standard
   * item (those not sent are not met), on update the ones sent. An item outside the standard
   * (or the assessment) is 422 `items.N.standardItemId`; one sent twice, 400.
   */
  private itemsWriter(
    sent: AssessmentItemDto[],
    creating: boolean,
  ): WithinWrite<StationAssessment> {
    return async (parent: Write, assessment: StationAssessment) => {
      const seen = new Set<number>();
      sent.forEach((item, index) => {
        if (seen.has(item.standardItemId)) {
          throw invalidInput([
            { field: `items.${index}.standardItemId`, problem: '条目重复 / listed twice' },
          ]);
        }
        seen.add(item.standardItemId);
      });
      await this.writes.run(
        ITEMS_USE_CASE(creating ? 'new' : 'edit'),
        async (write) => {
          const { manager } = write;
          const rows = creating
            ? await this.newRows(manager, assessment.id)
            : await manager.findBy(StationAssessmentItem, { assessmentId: assessment.id });
          const byItem = new Map(rows.map((row) => [row.standardItemId, row]));
          sent.forEach((item, index) => {
            const row = byItem.get(item.standardItemId);
            if (!row) {
              throw ruleViolation(
                {
                  zh: `标准条目（ID ${item.standardItemId}）不在${creating ? '启用的建站标准' : '本次考评'}中`,
                  en: `Standard item ${item.standardItemId} is not part of ${creating ? 'the enabled standard' : 'this assessment'}`,
                },
                `items.${index}.standardItemId`,
              );
            }
            row.met = item.met;
            if (item.evidence !== undefined) row.evidence = item.evidence;
          });
          for (const row of rows) row.score = row.met ? row.weight : 0;
          const saved = await manager.save(StationAssessmentItem, rows);
          const score = assessmentScore(saved);
          await manager.update(
            StationAssessment,
            { id: assessment.id },
            {
              totalScore: score.total,
              maxScore: score.max,
            },
          );
          for (const row of creating ? saved : saved.filter((r) => seen.has(r.standardItemId))) {
            await write.audit({
              action: creating ? 'create' : 'update',
              objectId: row.id,
              detail: { standardItemId: row.standardItemId, met: row.met, evidence: row.evidence },
            });
          }
        },
        parent,
      );
    };
  }

  private async newRows(
    manager: EntityManager,
    assessmentId: number,
  ): Promise<StationAssessmentItem[]> {
    const standard = await manager.find(StationStandardItem, {
      where: { enabled: true },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    return standard.map((item) =>
      manager.create(StationAssessmentItem, {
        assessmentId,
        standardItemId: item.id,
        title: item.title,
        weight: item.weight,
        met: false,
        evidence: null,
        score: 0,
      }),
    );
  }

  /** An assessment's items go with it (their files too). */
  protected override async removeChildren(write: Write, current: StationAssessment): Promise<void> {
    const rows = await write.manager.findBy(StationAssessmentItem, { assessmentId: current.id });
    await this.removeAlong(
      write,
      'stationAssessmentItem',
      rows.map((row) => row.id),
    );
    if (rows.length > 0) {
      await write.manager.delete(StationAssessmentItem, { id: In(rows.map((row) => row.id)) });
    }
  }
}

function withoutItems(input: object): {
  items?: AssessmentItemDto[];
  fields: DeepPartial<StationAssessment>;
} {
  const {
    items,
    totalScore: _t,
    maxScore: _m,
    ...fields
  } = input as {
    items?: AssessmentItemDto[];
    totalScore?: number;
    maxScore?: number;
  };
  return { items, fields };
}
