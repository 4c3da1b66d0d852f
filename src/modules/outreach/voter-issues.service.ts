import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import {
  DomainError,
  ErrorCode,
  invalidInput,
  ruleViolation,
  type Message,
} from '../../common/errors.js';
import { localDate } from '../../common/period.js';
import { personalDataHash } from '../../common/personal-data.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail, auditDiff } from '../../platform/audit/audit-trail.service.js';
import {
  RecordService,
  requireReferenceOfCommittee,
} from '../../platform/records/record.service.js';
import { actionList } from '../../platform/records/workflow.js';
import { useCase, type Write } from '../../platform/records/write-use-case.js';
import { requireActivityOfCategory } from '../activities/activity-extension.js';
import { COMMITTEES_LABELS } from '../committees/committees.labels.js';
import { requireCommittee } from '../committees/committee-references.js';
import { Community } from '../committees/community.entity.js';
import { DEPUTIES_LABELS } from '../deputies/deputies.labels.js';
import { Deputy } from '../deputies/deputy.entity.js';
import { DictionaryItemsService } from '../dictionaries/dictionary-items.service.js';
import type { ListVoterIssuesQuery, VoterIssueTransitionDto } from './dto/voter-issue.dto.js';
import { OUTREACH_LABELS } from './outreach.labels.js';
import { VOTER_ISSUE_SCOPE } from './outreach.scopes.js';
import { VoterIssueEscalation } from './voter-issue-escalation.js';
import { VoterIssue } from './voter-issue.entity.js';
import { VoterIssueUpdate } from './voter-issue-update.entity.js';
import {
  openSteps,
  SOURCE_ACTIVITY_CATEGORY,
  STEP_FIELDS,
  stepProblems,
  stepResult,
  VOTER_ISSUE_STEP_LABELS,
  VOTER_ISSUE_STEPS,
  VOTER_ISSUE_WORKFLOW,
  type VoterIssueProblem,
  type VoterIssueStep,
} from './voter-issue.rules.js';

/** The dictionary of 问题类别 (seeded by the dictionaries migration; suggestions share it). */
export const ISSUE_CATEGORY_DICTIONARY = 'issue_category';

/** The voter's personal data: masked in lists and answers, shown only by an audited reveal. */
export const VOTER_PERSONAL_FIELDS = ['voterName', 'voterPhone', 'voterAddress'] as const;

const rulesRefusal = (problems: readonly VoterIssueProblem[]): DomainError =>
  new DomainError(
    ErrorCode.RuleViolation,
    problems[0].message,
    problems.map(({ field, message }) => ({ field, problem: `${message.zh} / ${message.en}` })),
  );

/**
 * 选民意见: CRUD (the status never by a generic update; the voter's data encrypted and masked)
 * and the steps of voter-issue.rules.ts, each ONE use case: the step's permission, the state
 * (409 INVALID_TRANSITION with the open steps), the step's fields, the write, its audit row and
 * its timeline entry in one transaction — with the suggestion an escalation creates.
 */
@Injectable()
export class VoterIssuesService extends RecordService<VoterIssue> {
  protected readonly recordName = OUTREACH_LABELS.records.voterIssue;
  protected readonly resource = 'voterIssue';
  protected readonly scope: RecordScope<VoterIssue> = VOTER_ISSUE_SCOPE;
  protected readonly sortable = ['id', 'receivedOn', 'dueOn', 'status', 'committeeId'] as const;
  protected override readonly defaultSort = '-receivedOn';
  protected override readonly workflow = VOTER_ISSUE_WORKFLOW;

  constructor(
    @InjectRepository(VoterIssue) repository: Repository<VoterIssue>,
    audit: AuditTrail,
    private readonly dictionaryItems: DictionaryItemsService,
    private readonly escalation: VoterIssueEscalation,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  private today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }

  protected override where(query: ListVoterIssuesQuery): FindOptionsWhere<VoterIssue> {
    return {
      committeeId: query.committeeId,
      communityId: query.communityId,
      deputyId: query.deputyId,
      categoryId: query.categoryId,
      activityId: query.activityId,
      suggestionId: query.suggestionId,
      status: query.status,
      source: query.source,
      // Phones are ciphertext at rest: an exact match goes through the keyed hash.
      voterPhoneHash: query.voterPhone
        ? (personalDataHash(query.voterPhone) ?? undefined)
        : undefined,
    };
  }

  /** A new issue is registered, with its first timeline entry; step fields come with steps. */
  override create(input: DeepPartial<VoterIssue>): Promise<VoterIssue> {
    return super.create(
      {
        ...input,
        status: 'registered',
        handlingUnitId: null,
        referredOn: null,
        dueOn: null,
        referralCount: 0,
        resolution: null,
        suggestionId: null,
        declineReason: null,
        closedOn: null,
        feedbackOn: null,
        satisfaction: null,
        feedbackNote: null,
      },
      (write, saved) => this.appendTimeline(write, saved.id, 'register', null, 'registered', null),
    );
  }

  /**
   * 流转: one step with the fields it records and an optional note for the timeline. Unknown
   * action or a field of another step → 400; a step not open from the issue's state → 409
   * INVALID_TRANSITION with `allowed`; a step's missing field or a date out of order → 422.
   * Nothing is written on any refusal.
   */
  override async transition(id: number, action: string, input: object = {}): Promise<VoterIssue> {
    if (!(VOTER_ISSUE_STEPS as string[]).includes(action)) {
      throw invalidInput([
        {
          field: 'action',
          problem: `未知的流转操作，可选：${VOTER_ISSUE_STEPS.join(', ')} / unknown step`,
        },
      ]);
    }
    const step = action as VoterIssueStep;
    this.writes.permit(useCase('voterIssue', this.recordName, step));
    const { note, on, ...fields } = input as Partial<VoterIssueTransitionDto>;
    const foreign = Object.entries(fields)
      .filter(([field, value]) => field !== 'action' && value !== undefined)
      .map(([field]) => field)
      .filter((field) => !STEP_FIELDS[step].includes(field));
    if (foreign.length > 0) {
      throw invalidInput(
        foreign.map((field) => ({
          field,
          problem: `不适用于“${VOTER_ISSUE_STEP_LABELS[step]}”操作 / not a field of ${step}`,
        })),
      );
    }
    return this.writes.run(this.useCaseFor('edit'), async (write) => {
      const current = await this.load(write, id);
      const today = this.today();
      const day = on ?? today;
      const next = stepResult(current, step, day);
      if (next === null) throw this.invalidStep(current, step);
      const problems = stepProblems(step, {
        on: day,
        receivedOn: current.receivedOn,
        referredOn: current.status === 'referred' ? current.referredOn : null,
        closedOn: current.closedOn,
        today,
        resolution: fields.resolution,
        handlingUnitId: fields.handlingUnitId,
        dueOn: fields.dueOn,
        suggestionId: fields.suggestionId,
        suggestion: fields.suggestion,
        reason: fields.reason,
        satisfaction: fields.satisfaction,
      });
      if (problems.length > 0) throw rulesRefusal(problems);
      const changes: Partial<VoterIssue> = { status: next.status, feedbackOn: next.feedbackOn };
      switch (step) {
        case 'answer':
        case 'resolve':
          Object.assign(changes, { resolution: fields.resolution, closedOn: day });
          break;
        case 'refer':
          await this.escalation.requireHandlingUnit(write.manager, fields.handlingUnitId!);
          Object.assign(changes, {
            handlingUnitId: fields.handlingUnitId,
            dueOn: fields.dueOn,
            referredOn: day,
            referralCount: current.referralCount + 1,
          });
          break;
        case 'escalate':
          Object.assign(changes, {
            suggestionId: await this.escalation.suggestionFor(write, current, fields, day),
            closedOn: day,
          });
          break;
        case 'decline':
          Object.assign(changes, { declineReason: fields.reason, closedOn: day });
          break;
        case 'feedback':
          Object.assign(changes, { satisfaction: fields.satisfaction, feedbackNote: note ?? null });
          break;
      }
      const saved = await write.manager.save(
        VoterIssue,
        write.manager.merge(VoterIssue, write.manager.create(VoterIssue, { ...current }), changes),
      );
      delete saved.voterPhoneHash;
      await write.audit({
        action: 'transition',
        objectId: id,
        detail: {
          action: step,
          from: current.status,
          to: saved.status,
          changes: auditDiff(current, saved),
        },
      });
      await this.appendTimeline(write, id, step, current.status, saved.status, note ?? null);
      return saved;
    });
  }

  /** 409: the step is not open from the issue's state; `allowed` lists those that are. */
  private invalidStep(current: VoterIssue, step: string): DomainError {
    const allowed = openSteps(current);
    const actions = actionList(VOTER_ISSUE_WORKFLOW, allowed);
    const en = allowed.join(', ') || '-';
    const message: Message = {
      zh: `${this.recordName.zh}当前状态（${current.status}${current.feedbackOn ? '，已反馈' : ''}）不能执行“${step}”，可执行：${actions}`,
      en: `${this.recordName.en} in state ${current.status} cannot ${step}; allowed: ${en}`,
    };
    return new DomainError(
      ErrorCode.InvalidTransition,
      message,
      [{ field: 'action', problem: `可执行：${actions} / allowed: ${en}` }],
      undefined,
      allowed,
    );
  }

  /** The issue's timeline entry, in the write's transaction (history: only ever appended). */
  private async appendTimeline(
    write: Write,
    voterIssueId: number,
    action: string,
    fromStatus: string | null,
    toStatus: string,
    note: string | null,
  ): Promise<void> {
    await write.manager.save(
      VoterIssueUpdate,
      write.manager.create(VoterIssueUpdate, {
        voterIssueId,
        at: this.clock.now(),
        actorName: write.actor.name.slice(0, 100),
        action,
        fromStatus,
        toStatus,
        note,
      }),
    );
  }

  /** The issue's timeline, oldest first; 404 for an issue outside the actor's committees. */
  async timeline(id: number): Promise<VoterIssueUpdate[]> {
    await this.get(id);
    return this.repository.manager.find(VoterIssueUpdate, {
      where: { voterIssueId: id },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  /** An issue entered by mistake goes with its timeline, in the delete's transaction. */
  protected override async removeChildren(write: Write, current: VoterIssue): Promise<void> {
    await write.manager.delete(VoterIssueUpdate, { voterIssueId: current.id });
  }

  /**
   * The committee exists; the activity (if any) is the committee's and of the source's category
   * (visit/forum: outreach; reception: station; phone/online: none); community and deputy are
   * the committee's; the category an enabled 问题类别; received no later than today nor after
   * the first step recorded (referredOn, closedOn, feedbackOn).
   */
  protected override async checkWrite(
    manager: EntityManager,
    next: VoterIssue,
    current?: VoterIssue,
  ): Promise<void> {
    const today = this.today();
    next.receivedOn ??= today;
    await requireCommittee(manager, next.committeeId);
    if (next.activityId) {
      const category = SOURCE_ACTIVITY_CATEGORY[next.source];
      if (category === null) {
        throw ruleViolation(
          {
            zh: '电话、网络来源的选民意见不关联代表活动',
            en: 'An issue received by phone or online has no activity',
          },
          'activityId',
        );
      }
      await requireActivityOfCategory(
        manager,
        next.activityId,
        category,
        this.recordName,
        next.committeeId,
      );
    }
    if (next.communityId) {
      await requireReferenceOfCommittee(
        manager,
        Community,
        next.communityId,
        'communityId',
        COMMITTEES_LABELS.records.community,
        next.committeeId,
      );
    }
    if (next.deputyId) {
      await requireReferenceOfCommittee(
        manager,
        Deputy,
        next.deputyId,
        'deputyId',
        DEPUTIES_LABELS.records.deputy,
        next.committeeId,
      );
    }
    if (!current || current.categoryId !== next.categoryId) {
      await this.dictionaryItems.requireItemOf(
        manager,
        ISSUE_CATEGORY_DICTIONARY,
        next.categoryId,
        'categoryId',
        OUTREACH_LABELS.records.voterIssueCategory,
      );
    }
    if (next.receivedOn > today) {
      throw ruleViolation(
        { zh: '受理日期晚于今天', en: 'The issue is received in the future' },
        'receivedOn',
      );
    }
    const [firstStep] = [next.referredOn, next.closedOn, next.feedbackOn]
      .filter((day): day is string => Boolean(day))
      .sort();
    if (firstStep !== undefined && next.receivedOn > firstStep) {
      throw ruleViolation(
        {
          zh: `受理日期晚于已记录的办理日期（${firstStep}）`,
          en: `The issue is received after a step recorded on ${firstStep}`,
        },
        'receivedOn',
      );
    }
  }
}
