import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DomainError, ErrorCode, referenceNotFound } from '../../common/errors.js';
import { localDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { RecordService } from '../../platform/records/record.service.js';
import { refuseForeignStepFields } from '../../platform/records/workflow.js';
import { useCase, type Write } from '../../platform/records/write-use-case.js';
import type { ListOpinionsQuery, OpinionTransitionDto } from './dto/opinion.dto.js';
import { Opinion } from './opinion.entity.js';
import { OpinionUpdate } from './opinion-update.entity.js';
import { OpinionUpdatesService } from './opinion-updates.service.js';
import {
  dateProblems,
  OPINION_STEP_LABELS,
  OPINION_WORKFLOW,
  STEP_FIELDS,
  stepProblems,
  type OpinionAction,
  type OpinionProblem,
  type OpinionStatus,
} from './opinion.rules.js';
import { SupervisionActivity } from './supervision-activity.entity.js';
import { SUPERVISION_LABELS } from './supervision.labels.js';
import { OPINION_SCOPE } from './supervision.scopes.js';

/** The action whose step leads to `status` (each state is the target of one action at most). */
const stepInto = (status: OpinionStatus): OpinionAction | undefined =>
  (Object.keys(OPINION_WORKFLOW.transitions) as OpinionAction[]).find(
    (action) => OPINION_WORKFLOW.transitions[action].to === status,
  );

/**
 * 意见建议: CRUD (the status never by a generic update) and the workflow steps, each one use
 * case that checks the step's permission and rules and writes its timeline entry in the same
 * transaction.
 */
@Injectable()
export class OpinionsService extends RecordService<Opinion> {
  protected readonly recordName = SUPERVISION_LABELS.records.opinion;
  protected readonly resource = 'opinion';
  protected readonly scope: RecordScope<Opinion> = OPINION_SCOPE;
  protected readonly sortable = ['id', 'raisedOn', 'dueOn', 'status', 'committeeId'] as const;
  protected override readonly defaultSort = '-raisedOn';
  protected override readonly workflow = OPINION_WORKFLOW;

  constructor(
    @InjectRepository(Opinion) repository: Repository<Opinion>,
    audit: AuditTrail,
    private readonly updates: OpinionUpdatesService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListOpinionsQuery): FindOptionsWhere<Opinion> {
    return {
      committeeId: query.committeeId,
      supervisionActivityId: query.supervisionActivityId,
      status: query.status,
    };
  }

  /** A new opinion is open; the step fields come only with their steps. */
  override create(input: DeepPartial<Opinion>): Promise<Opinion> {
    return super.create({ ...input, status: 'open', completedOn: null, closeReason: null });
  }

  /**
   * 流转: one step of OPINION_WORKFLOW with the fields it records (交办: responsibleUnit, dueOn;
   * 办结: completedOn; 关闭: reason) and an optional note for the timeline. A field of another
   * step → 400; a step the state does not allow → 409 INVALID_TRANSITION with `allowed`.
   */
  override async transition(id: number, action: string, input: object = {}): Promise<Opinion> {
    const step = action as OpinionAction;
    this.writes.permit(useCase('opinion', this.recordName, step));
    const { note, reason, ...fields } = input as Partial<OpinionTransitionDto>;
    refuseForeignStepFields(
      { ...fields, reason },
      STEP_FIELDS[step] ?? [],
      action,
      OPINION_STEP_LABELS[step],
    );
    const changes: DeepPartial<Opinion> = {
      ...(fields.responsibleUnit !== undefined && { responsibleUnit: fields.responsibleUnit }),
      ...(fields.dueOn !== undefined && { dueOn: fields.dueOn }),
      ...(fields.completedOn !== undefined && { completedOn: fields.completedOn }),
      ...(reason !== undefined && { closeReason: reason }),
    };
    return super.transition(id, action, changes, async (write, saved) => {
      await this.updates.recordStep(write, saved.id, action, note ?? null);
    });
  }

  /**
   * An opinion entered by mistake goes with its timeline and the entries' attachments, in the
   * delete's transaction (each entry's creation and the opinion's deletion stay in the audit
   * trail; the files go after the commit).
   */
  protected override async removeChildren(write: Write, current: Opinion): Promise<void> {
    const entries = await write.manager.find(OpinionUpdate, {
      select: { id: true },
      where: { opinionId: current.id },
    });
    await this.removeAlong(
      write,
      'opinionUpdate',
      entries.map((entry) => entry.id),
    );
    await write.manager.delete(OpinionUpdate, { opinionId: current.id });
  }

  /**
   * The supervision activity exists (its committee becomes the opinion's; the raise date
   * defaults to its day); dates in order (opinion.rules.ts); a step's own needs when the write
   * is a step.
   */
  protected override async checkWrite(
    manager: EntityManager,
    next: Opinion,
    current?: Opinion,
  ): Promise<void> {
    const supervision = await manager.findOne(SupervisionActivity, {
      where: { id: next.supervisionActivityId },
      relations: { activity: true },
    });
    if (!supervision?.activity) {
      throw referenceNotFound(
        'supervisionActivityId',
        SUPERVISION_LABELS.records.supervisionActivity,
        next.supervisionActivityId,
      );
    }
    const timeZone = this.config.timeZone;
    const activityDay = localDate(supervision.activity.startsAt, timeZone);
    next.committeeId = supervision.activity.committeeId;
    next.raisedOn ??= activityDay;
    next.dueOn ??= null;
    next.responsibleUnit ??= null;
    const problems: OpinionProblem[] = dateProblems(
      next,
      activityDay,
      localDate(this.clock.now(), timeZone),
    );
    const step = current && current.status !== next.status ? stepInto(next.status) : undefined;
    if (step) problems.push(...stepProblems(step, next));
    if (problems.length > 0) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        problems[0].message,
        problems.map(({ field, message }) => ({
          field,
          problem: `${message.zh} / ${message.en}`,
        })),
      );
    }
  }
}
