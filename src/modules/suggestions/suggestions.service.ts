import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { localDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { Deputy } from '../deputies/deputy.entity.js';
import { DEPUTIES_LABELS } from '../deputies/deputies.labels.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { RecordService, requireReference } from '../../platform/records/record.service.js';
import type { Write } from '../../platform/records/write-use-case.js';
import type { ListSuggestionsQuery } from './dto/suggestion.dto.js';
import { Suggestion } from './suggestion.entity.js';
import { SUGGESTION_WORKFLOW } from './suggestion.rules.js';
import { SUGGESTIONS_LABELS } from './suggestions.labels.js';
import { SUGGESTION_SCOPE } from './suggestions.scopes.js';

/**
 * 代表建议: CRUD (the status and the step fields never by a generic update) and, for other areas,
 * `createWithin` — a suggestion created inside the caller's transaction (a voter issue escalated
 * by outreach).
 */
@Injectable()
export class SuggestionsService extends RecordService<Suggestion> {
  protected readonly recordName = SUGGESTIONS_LABELS.records.suggestion;
  protected readonly resource = 'suggestion';
  protected readonly scope: RecordScope<Suggestion> = SUGGESTION_SCOPE;
  protected readonly sortable = ['id', 'raisedOn', 'dueOn', 'status', 'committeeId'] as const;
  protected override readonly defaultSort = '-raisedOn';
  protected override readonly workflow = SUGGESTION_WORKFLOW;

  constructor(
    @InjectRepository(Suggestion) repository: Repository<Suggestion>,
    audit: AuditTrail,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  /** Today in the configured time zone (the Clock's). */
  private today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }

  /** The lead deputy exists (their committee becomes the suggestion's); dates default. */
  protected override async checkWrite(manager: EntityManager, next: Suggestion): Promise<void> {
    const deputy = await requireReference(
      manager,
      Deputy,
      next.leadDeputyId,
      'leadDeputyId',
      DEPUTIES_LABELS.records.deputy,
    );
    next.committeeId = deputy.committeeId;
    next.raisedOn ??= this.today();
    next.registeredOn ??= next.raisedOn;
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

  /** A new suggestion is registered; the step fields come only with their steps. */
  override create(input: DeepPartial<Suggestion>): Promise<Suggestion> {
    return super.create({ ...input, status: 'registered', round: 1 });
  }

  /**
   * A suggestion created inside the caller's write (outreach's 转为代表建议): the `suggestion`
   * `new` permission is checked for the same actor, the audit row joins the caller's
   * transaction, and both commit or fail together.
   */
  createWithin(within: Write, input: DeepPartial<Suggestion>): Promise<Suggestion> {
    return this.writes.run(
      this.useCaseFor('new'),
      async (write) => {
        const entity = write.manager.create(Suggestion, {
          ...input,
          status: 'registered',
          round: 1,
        });
        await write.keepInScope(this.scope, entity);
        await this.checkWrite(write.manager, entity);
        const saved = await write.manager.save(Suggestion, entity);
        await write.audit({ action: 'create', objectId: saved.id });
        return saved;
      },
      within,
    );
  }
}
