import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { referenceNotFound, ruleViolation } from '../../common/errors.js';
import { localDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { currentActor } from '../../platform/access/actor.js';
import { throughParent, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService, requireReference } from '../../platform/records/record.service.js';
import type { ListStudyPlanItemsQuery } from './dto/training.dto.js';
import { StudyPlanItem } from './study-plan-item.entity.js';
import { StudyPlan } from './study-plan.entity.js';
import { TRAINING_LABELS } from './training.labels.js';
import { TrainingRepository } from './training.repository.js';
import { linkProblem } from './training.rules.js';

/** 学习计划条目: seen and written through their plan's committee. */
@Injectable()
export class StudyPlanItemsService extends RecordService<StudyPlanItem> {
  protected readonly recordName = TRAINING_LABELS.records.studyPlanItem;
  protected readonly resource = 'studyPlanItem';
  protected readonly scope: RecordScope<StudyPlanItem> = throughParent<StudyPlanItem, StudyPlan>(
    'plan',
    'planId',
    StudyPlan,
  );
  protected readonly sortable = ['id', 'month', 'planId'] as const;
  protected override readonly defaultSort = 'month';

  constructor(
    @InjectRepository(StudyPlanItem) repository: Repository<StudyPlanItem>,
    audit: AuditTrail,
    private readonly training: TrainingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListStudyPlanItemsQuery): FindOptionsWhere<StudyPlanItem> {
    return { planId: query.planId, studySessionId: query.studySessionId };
  }

  /**
   * The plan must exist; a linked study session must exist (within the actor's committees) and
   * be of the plan's committee and year (training.rules.ts `linkProblem`).
   */
  protected override async checkWrite(manager: EntityManager, next: StudyPlanItem): Promise<void> {
    const plan = await requireReference(
      manager,
      StudyPlan,
      next.planId,
      'planId',
      TRAINING_LABELS.records.studyPlan,
    );
    next.studySessionId ??= null;
    if (next.studySessionId === null) return;
    const session = await this.training.sessionForLink(manager, next.studySessionId);
    const { committeeIds } = currentActor();
    if (!session || (committeeIds && !committeeIds.includes(session.committeeId))) {
      // Another committee's session answers exactly as one that does not exist.
      throw referenceNotFound(
        'studySessionId',
        TRAINING_LABELS.records.studySession,
        next.studySessionId,
      );
    }
    const problem = linkProblem({
      planCommitteeId: plan.committeeId,
      planYear: plan.year,
      sessionCommitteeId: session.committeeId,
      sessionYear: Number(localDate(session.startsAt, this.config.timeZone).slice(0, 4)),
    });
    if (problem) throw ruleViolation(problem, 'studySessionId');
  }
}
