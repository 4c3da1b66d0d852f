import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { requireCommittee } from '../committees/committee-references.js';
import type { ListStudyPlansQuery } from './dto/training.dto.js';
import { StudyPlan } from './study-plan.entity.js';
import { TRAINING_LABELS } from './training.labels.js';
import { TrainingRepository, type PlanItemRow } from './training.repository.js';
import { planFulfilment, type PlanFulfilment } from './training.rules.js';

/** 计划落实情况: a plan's items and which of them a held study session fulfilled. */
export interface StudyPlanFulfilment extends PlanFulfilment {
  planId: number;
  committeeId: number;
  year: number;
  items: (Omit<PlanItemRow, 'sessionHeld' | 'planId'> & { fulfilled: boolean })[];
}

/** 年度学习计划: one per committee and year (a second answers 409 with the existing id). */
@Injectable()
export class StudyPlansService extends RecordService<StudyPlan> {
  protected readonly recordName = TRAINING_LABELS.records.studyPlan;
  protected readonly resource = 'studyPlan';
  protected readonly scope: RecordScope<StudyPlan> = ownedByCommittee<StudyPlan>();
  protected readonly sortable = ['id', 'year', 'committeeId', 'title'] as const;
  protected override readonly defaultSort = '-year';

  constructor(
    @InjectRepository(StudyPlan) repository: Repository<StudyPlan>,
    audit: AuditTrail,
    private readonly training: TrainingRepository,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListStudyPlansQuery): FindOptionsWhere<StudyPlan> {
    return { committeeId: query.committeeId, year: query.year };
  }

  /**
   * The committee must exist; once an item links a study session, the plan's committee and year
   * are those of the session and no longer change.
   */
  protected override async checkWrite(
    manager: EntityManager,
    next: StudyPlan,
    current?: StudyPlan,
  ): Promise<void> {
    await requireCommittee(manager, next.committeeId);
    if (!current) return;
    const moved = (['committeeId', 'year'] as const).find(
      (field) => next[field] !== current[field],
    );
    if (moved && (await this.training.planHasLinkedItems(manager, current.id))) {
      throw ruleViolation(
        {
          zh: '计划条目已关联学习培训，不能再改变计划的人大工委或年度',
          en: 'Items of this plan link study sessions: its committee and year can no longer change',
        },
        moved,
      );
    }
  }

  /** Planned vs held: the plan's items by month, each fulfilled or open. */
  async fulfilment(id: number): Promise<StudyPlanFulfilment> {
    const plan = await this.get(id);
    const items = await this.training.itemsOfPlan(plan.id);
    return {
      planId: plan.id,
      committeeId: plan.committeeId,
      year: plan.year,
      ...planFulfilment(items),
      items: items.map(({ sessionHeld, planId: _planId, ...item }) => ({
        ...item,
        fulfilled: item.studySessionId !== null && sessionHeld,
      })),
    };
  }
}
