import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { In, Not, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import {
  conflict,
  DomainError,
  ErrorCode,
  invalidInput,
  referenceNotFound,
  ruleViolation,
} from '../../common/errors.js';
import { localDate } from '../../common/period.js';
import { addCalendarMonths } from '../../common/working-days.rules.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import {
  authorize,
  RecordService,
  requireReference,
} from '../../platform/records/record.service.js';
import {
  invalidTransition,
  refuseForeignStepFields,
  transitionTarget,
} from '../../platform/records/workflow.js';
import { loadInScope, useCase, type Write } from '../../platform/records/write-use-case.js';
import { DEPUTIES_LABELS } from '../deputies/deputies.labels.js';
import { Deputy } from '../deputies/deputy.entity.js';
import { DictionaryItemsService } from '../dictionaries/dictionary-items.service.js';
import { PLENARY_LABELS } from '../plenary/plenary.labels.js';
import { PlenarySession } from '../plenary/plenary-session.entity.js';
import type {
  CreateSuggestionDto,
  ListSuggestionsQuery,
  SuggestionTransitionDto,
} from './dto/suggestion.dto.js';
import { HandlingUnit } from './handling-unit.entity.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { SuggestionCoSigner } from './suggestion-co-signer.entity.js';
import { SuggestionCoUnit } from './suggestion-co-unit.entity.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionUpdate } from './suggestion-update.entity.js';
import { SuggestionUpdatesService } from './suggestion-updates.service.js';
import {
  OPEN_STATUSES,
  planStep,
  STEP_FIELDS,
  SUGGESTION_STEP_LABELS,
  SUGGESTION_STEPS,
  SUGGESTION_WORKFLOW,
  type StepInput,
  type SuggestionAction,
  type SuggestionProblem,
} from './suggestion.rules.js';
import { SUGGESTIONS_LABELS } from './suggestions.labels.js';
import { SUGGESTION_SCOPE } from './suggestions.scopes.js';

const LABELS = SUGGESTIONS_LABELS.records;

/** A suggestion's input: its columns and its co-signers (replaced as a whole when sent). */
export type SuggestionInput = DeepPartial<Suggestion> & { coSignerIds?: number[] };

/** Ids sent twice → 400 naming the field. */
function refuseDuplicates(field: string, ids: readonly number[]): void {
  const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (twice.length > 0) {
    throw invalidInput([
      { field, problem: `重复：${[...new Set(twice)].join(', ')} / listed twice` },
    ]);
  }
}

const ruleProblems = (problems: readonly SuggestionProblem[]): DomainError =>
  new DomainError(
    ErrorCode.RuleViolation,
    problems[0].message,
    problems.map(({ field, message }) => ({ field, problem: `${message.zh} / ${message.en}` })),
  );

/**
 * 代表建议: CRUD with co-signers (the status and the step fields never by a generic update), the
 * workflow steps (suggestion.rules.ts; each its own permission, its timeline entry in the step's
 * transaction), 督办 entries and the timeline; and, for other areas, `createWithin` — a
 * suggestion created inside the caller's transaction (a voter issue escalated by outreach).
 */
@Injectable()
export class SuggestionsService extends RecordService<Suggestion> {
  protected readonly recordName = LABELS.suggestion;
  protected readonly resource = 'suggestion';
  protected readonly scope: RecordScope<Suggestion> = SUGGESTION_SCOPE;
  protected readonly sortable = [
    'id',
    'number',
    'raisedOn',
    'registeredOn',
    'dueOn',
    'status',
    'committeeId',
  ] as const;
  protected override readonly defaultSort = '-raisedOn';
  protected override readonly workflow = SUGGESTION_STEPS;

  constructor(
    @InjectRepository(Suggestion) repository: Repository<Suggestion>,
    audit: AuditTrail,
    private readonly updates: SuggestionUpdatesService,
    private readonly dictionaryItems: DictionaryItemsService,
    private readonly calendar: CalendarService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListSuggestionsQuery): FindOptionsWhere<Suggestion> {
    return {
      committeeId: query.committeeId,
      status: query.status,
      leadDeputyId: query.leadDeputyId,
      leadUnitId: query.leadUnitId,
      plenarySessionId: query.plenarySessionId,
      categoryId: query.categoryId,
    };
  }

  /** Today in the configured time zone (the Clock's). */
  private today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }

  /** A new suggestion is registered, with its co-signers, in one transaction. */
  override create(input: SuggestionInput | CreateSuggestionDto): Promise<Suggestion> {
    return this.writes.run(this.useCaseFor('new'), (write) => this.insert(write, input));
  }

  /**
   * For outreach's 转为代表建议: a suggestion created inside the caller's write. The actor needs
   * `suggestion` `new` too; the suggestion, its co-signers and audit rows join the caller's
   * transaction, so both commit or neither. Refusals are the same as `create`'s.
   */
  createWithin(within: Write, input: SuggestionInput | CreateSuggestionDto): Promise<Suggestion> {
    return this.writes.run(this.useCaseFor('new'), (write) => this.insert(write, input), within);
  }

  private async insert(write: Write, input: SuggestionInput): Promise<Suggestion> {
    const { coSignerIds, ...fields } = input;
    refuseDuplicates('coSignerIds', coSignerIds ?? []);
    const entity = write.manager.create(Suggestion, {
      ...fields,
      status: 'registered',
      round: 1,
    } as DeepPartial<Suggestion>);
    await write.keepInScope(this.scope, entity);
    await this.checkWrite(write.manager, entity);
    const saved = await write.manager.save(Suggestion, entity);
    await write.audit({ action: 'create', objectId: saved.id, detail: { ...saved, coSignerIds } });
    await this.writeCoSigners(write.manager, saved, coSignerIds ?? []);
    return saved;
  }

  /** Changes the sent fields; `coSignerIds`, when sent, replaces the co-signers. */
  override update(id: number, input: SuggestionInput): Promise<Suggestion> {
    const { coSignerIds, ...fields } = input;
    if (coSignerIds) refuseDuplicates('coSignerIds', coSignerIds);
    return super.update(id, fields, async (write, saved) => {
      if (coSignerIds) {
        await write.manager.delete(SuggestionCoSigner, { suggestionId: saved.id });
        await this.writeCoSigners(write.manager, saved, coSignerIds);
        await write.audit({ action: 'update', objectId: saved.id, detail: { coSignerIds } });
      } else {
        // The lead deputy may have changed to one of the co-signers.
        const current = await write.manager.find(SuggestionCoSigner, {
          where: { suggestionId: saved.id },
        });
        await this.checkCoSigners(
          write.manager,
          saved,
          current.map((row) => row.deputyId),
        );
      }
    });
  }

  /** The co-signers' ids, in the order they were added. */
  async coSignersOf(id: number): Promise<number[]> {
    await this.get(id);
    const rows = await this.repository.manager.find(SuggestionCoSigner, {
      where: { suggestionId: id },
      order: { id: 'ASC' },
    });
    return rows.map((row) => row.deputyId);
  }

  /** The co-handling units' ids of the current assignment. */
  async coUnitsOf(id: number): Promise<number[]> {
    await this.get(id);
    const rows = await this.repository.manager.find(SuggestionCoUnit, {
      where: { suggestionId: id },
      order: { id: 'ASC' },
    });
    return rows.map((row) => row.handlingUnitId);
  }

  private async writeCoSigners(
    manager: EntityManager,
    suggestion: Suggestion,
    deputyIds: readonly number[],
  ): Promise<void> {
    await this.checkCoSigners(manager, suggestion, deputyIds);
    for (const deputyId of deputyIds) {
      await manager.save(
        SuggestionCoSigner,
        manager.create(SuggestionCoSigner, { suggestionId: suggestion.id, deputyId }),
      );
    }
  }

  /** Co-signers: deputies of the suggestion's committee, never its lead deputy. */
  private async checkCoSigners(
    manager: EntityManager,
    suggestion: Suggestion,
    deputyIds: readonly number[],
  ): Promise<void> {
    if (deputyIds.includes(suggestion.leadDeputyId)) {
      throw ruleViolation(
        {
          zh: '领衔代表不能同时是附议代表',
          en: 'The lead deputy cannot also be a co-signer',
        },
        'coSignerIds',
      );
    }
    if (deputyIds.length === 0) return;
    const found = await manager.find(Deputy, {
      select: { id: true, committeeId: true },
      where: { id: In([...deputyIds]), committeeId: suggestion.committeeId },
    });
    const missing = deputyIds.find((id) => !found.some((deputy) => deputy.id === id));
    if (missing !== undefined) {
      throw referenceNotFound('coSignerIds', DEPUTIES_LABELS.records.deputy, missing);
    }
  }

  /**
   * The lead deputy exists (their committee becomes the suggestion's); the congress session is
   * the same committee's (its first day the default raise date); the category is an enabled
   * 问题类别; the number is free within the committee; dates in order (raised ≤ registered ≤
   * assigned), none in the future.
   */
  protected override async checkWrite(manager: EntityManager, next: Suggestion): Promise<void> {
    const deputy = await requireReference(
      manager,
      Deputy,
      next.leadDeputyId,
      'leadDeputyId',
      DEPUTIES_LABELS.records.deputy,
    );
    next.committeeId = deputy.committeeId;
    next.plenarySessionId ??= null;
    next.categoryId ??= null;
    next.number ??= null;
    if (next.plenarySessionId !== null) {
      const session = await manager.findOne(PlenarySession, {
        where: { id: next.plenarySessionId },
        relations: { activity: true },
      });
      if (!session || session.activity?.committeeId !== next.committeeId) {
        throw referenceNotFound(
          'plenarySessionId',
          PLENARY_LABELS.records.plenarySession,
          next.plenarySessionId,
        );
      }
      next.raisedOn ??= session.startsOn;
    }
    if (next.categoryId !== null) {
      await this.dictionaryItems.requireItemOf(
        manager,
        'issue_category',
        next.categoryId,
        'categoryId',
        LABELS.issueCategory,
      );
    }
    const today = this.today();
    next.raisedOn ??= today;
    next.registeredOn ??= next.raisedOn;
    const problems: SuggestionProblem[] = [];
    if (next.raisedOn > today) {
      problems.push({
        field: 'raisedOn',
        message: { zh: '提出日期晚于今天', en: 'The raise date is in the future' },
      });
    }
    if (next.registeredOn < next.raisedOn) {
      problems.push({
        field: 'registeredOn',
        message: { zh: '登记日期早于提出日期', en: 'Registered before it was raised' },
      });
    }
    if (next.registeredOn > today) {
      problems.push({
        field: 'registeredOn',
        message: { zh: '登记日期晚于今天', en: 'The registration date is in the future' },
      });
    }
    if (next.assignedOn) {
      for (const [field, day, zh, en] of [
        ['raisedOn', next.raisedOn, '提出日期', 'raised'],
        ['registeredOn', next.registeredOn, '登记日期', 'registered'],
      ] as const) {
        if (day > next.assignedOn) {
          problems.push({
            field,
            message: {
              zh: `${zh}晚于交办日期（${next.assignedOn}）`,
              en: `It is ${en} after it was assigned on ${next.assignedOn}`,
            },
          });
        }
      }
    }
    if (problems.length > 0) throw ruleProblems(problems);
    if (next.number !== null) {
      const duplicate = await manager.findOne(Suggestion, {
        select: { id: true },
        where: {
          committeeId: next.committeeId,
          number: next.number,
          ...(next.id ? { id: Not(next.id) } : {}),
        },
      });
      if (duplicate) {
        throw conflict(
          {
            zh: `建议编号“${next.number}”已被使用（ID ${duplicate.id}）`,
            en: `Number ${next.number} is already used (${duplicate.id})`,
          },
          'number',
          duplicate.id,
        );
      }
    }
  }

  /**
   * 流转: one step (suggestion.rules.ts) with the fields it records and an optional note for the
   * timeline. The step's own permission; a field of another step → 400; a step the state does not
   * allow → 409 INVALID_TRANSITION with `allowed`; a rule (return window, second extension, …) →
   * 422 naming the field; units not found or disabled → 422. Nothing is written on a refusal.
   */
  override async transition(id: number, action: string, input: object = {}): Promise<Suggestion> {
    const step = action as SuggestionAction;
    this.writes.permit(useCase('suggestion', this.recordName, step));
    const { note, coUnitIds, ...fields } = input as Partial<SuggestionTransitionDto>;
    refuseForeignStepFields(
      { ...fields, coUnitIds },
      STEP_FIELDS[step] ?? [],
      action,
      SUGGESTION_STEP_LABELS[step],
    );
    refuseDuplicates('coUnitIds', coUnitIds ?? []);
    const today = this.today();
    const on =
      fields.assignedOn ??
      fields.returnedOn ??
      fields.repliedOn ??
      fields.evaluatedOn ??
      fields.solvedOn ??
      today;
    const stepInput: StepInput = {
      on,
      leadUnitId: fields.leadUnitId,
      reason: fields.reason,
      dueOn: fields.dueOn,
      approvedBy: fields.approvedBy,
      approvedOn: fields.approvedOn,
      replyText: fields.replyText,
      replyClass: fields.replyClass,
      evaluation: fields.evaluation,
    };
    let unitId: number | null = null;
    let timelineNote: string | null = null;
    // Planned on the row the write loads, in its transaction: the rules (one extension, the
    // return window, …) read the record the step then writes.
    const plan = async (write: Write, current: Suggestion) => {
      if (transitionTarget(SUGGESTION_WORKFLOW, current.status, step) === null) {
        throw invalidTransition(this.recordName, SUGGESTION_WORKFLOW, current.status, step);
      }
      const calendar = await this.calendar.calendarFor(
        current.registeredOn,
        addCalendarMonths(on > today ? on : today, 12),
        write.manager,
      );
      const planned = planStep(step, current, stepInput, {
        today,
        periods: this.config.suggestions,
        calendar,
      });
      if (!('plan' in planned)) throw ruleProblems(planned.problems);
      if (step === 'assign') {
        await this.requireUnits(write.manager, fields.leadUnitId!, coUnitIds ?? []);
      }
      unitId = step === 'assign' ? (fields.leadUnitId ?? null) : (current.leadUnitId ?? null);
      timelineNote = [planned.plan.flag, note].filter(Boolean).join('\n') || null;
      return { action: planned.plan.step, input: planned.plan.changes };
    };
    return this.transitionPlanned(id, plan, async (write, saved) => {
      if (step === 'assign' || step === 'return') {
        await write.manager.delete(SuggestionCoUnit, { suggestionId: saved.id });
      }
      if (step === 'assign') {
        for (const handlingUnitId of coUnitIds ?? []) {
          await write.manager.save(
            SuggestionCoUnit,
            write.manager.create(SuggestionCoUnit, { suggestionId: saved.id, handlingUnitId }),
          );
        }
      }
      await this.updates.recordStep(write, saved.id, {
        action: step,
        stepOn: step === 'extend' ? (fields.approvedOn ?? null) : on,
        handlingUnitId: unitId,
        note:
          step === 'return' || step === 'extend'
            ? [fields.reason, timelineNote].filter(Boolean).join('\n')
            : timelineNote,
      });
    });
  }

  /** The lead unit and the co-units exist and are enabled; no co-unit is the lead unit. */
  private async requireUnits(
    manager: EntityManager,
    leadUnitId: number,
    coUnitIds: readonly number[],
  ): Promise<void> {
    if (coUnitIds.includes(leadUnitId)) {
      throw ruleViolation(
        { zh: '主办单位不能同时是会办单位', en: 'The lead unit cannot also be a co-unit' },
        'coUnitIds',
      );
    }
    const ids = [leadUnitId, ...coUnitIds];
    const units = await manager.find(HandlingUnit, { where: { id: In(ids) } });
    for (const [index, unitId] of ids.entries()) {
      const field = index === 0 ? 'leadUnitId' : 'coUnitIds';
      const unit = units.find((candidate) => candidate.id === unitId);
      if (!unit) throw referenceNotFound(field, LABELS.handlingUnit, unitId);
      if (!unit.enabled) {
        throw ruleViolation(
          { zh: `承办单位“${unit.name}”已停用`, en: `The handling unit ${unit.name} is disabled` },
          field,
        );
      }
    }
  }

  /**
   * 督办: a supervision entry on the timeline (the note, the date), while the suggestion is open;
   * no change of state. A closed suggestion → 409 INVALID_TRANSITION.
   */
  supervise(id: number, note: string, supervisedOn?: string): Promise<SuggestionUpdate> {
    return this.writes.run(useCase('suggestion', this.recordName, 'supervise'), async (write) => {
      const current = await write.load(Suggestion, id, this.scope, this.recordName);
      if (!OPEN_STATUSES.includes(current.status)) {
        throw invalidTransition(this.recordName, SUGGESTION_WORKFLOW, current.status, 'supervise');
      }
      const today = this.today();
      const on = supervisedOn ?? today;
      if (on > today || on < current.registeredOn) {
        throw ruleViolation(
          {
            zh: `督办日期须在登记日期（${current.registeredOn}）与今天之间`,
            en: `The date must be between ${current.registeredOn} and today`,
          },
          'supervisedOn',
        );
      }
      return this.updates.recordStep(write, id, {
        action: 'supervise',
        stepOn: on,
        handlingUnitId: current.leadUnitId,
        note,
      });
    });
  }

  /** The suggestion's timeline, oldest first; 404 for a suggestion outside the actor's committees. */
  async timeline(id: number): Promise<SuggestionUpdate[]> {
    const actor = authorize('suggestionUpdate', LABELS.suggestionUpdate, 'list');
    await loadInScope(this.repository.manager, Suggestion, id, this.scope, actor, this.recordName);
    return this.repository.manager.find(SuggestionUpdate, {
      where: { suggestionId: id },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  /** Takes the timeline and the join rows along when a suggestion entered by mistake is deleted. */
  protected override async removeChildren(write: Write, current: Suggestion): Promise<void> {
    await write.manager.delete(SuggestionUpdate, { suggestionId: current.id });
    await write.manager.delete(SuggestionCoSigner, { suggestionId: current.id });
    await write.manager.delete(SuggestionCoUnit, { suggestionId: current.id });
  }
}
