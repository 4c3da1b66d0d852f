import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { referenceNotFound, ruleViolation, type RecordName } from '../../common/errors.js';
import { currentActor } from '../../platform/access/actor.js';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService, requireReference } from '../../platform/records/record.service.js';
import { ACTIVITIES_LABELS } from '../activities/activities.labels.js';
import { Activity } from '../activities/activity.entity.js';
import { COMMITTEES_LABELS } from '../committees/committees.labels.js';
import { requireCommittee } from '../committees/committee-references.js';
import { Community } from '../committees/community.entity.js';
import type {
  CreateCountedOutcomeDto,
  ListCountedOutcomesQuery,
  UpdateCountedOutcomeDto,
} from './dto/counted-outcome.dto.js';
import { CountedOutcome } from './counted-outcome.entity.js';
import { amountToStore } from './money-column.js';
import { PROJECTS_LABELS } from './projects.labels.js';

/** The scope of counted outcomes: their own committee (the attachments helper loads them in it). */
export const COUNTED_OUTCOME_SCOPE = ownedByCommittee<CountedOutcome>();

/** 工作成效: named counters of a committee's year (清理"散乱污"企业 X 家, 旱厕改造 X 个 …). */
@Injectable()
export class CountedOutcomesService extends RecordService<CountedOutcome> {
  protected readonly recordName = PROJECTS_LABELS.records.countedOutcome;
  protected readonly resource = 'countedOutcome';
  protected readonly scope: RecordScope<CountedOutcome> = COUNTED_OUTCOME_SCOPE;
  protected readonly sortable = ['id', 'name', 'year', 'status', 'committeeId'] as const;

  constructor(
    @InjectRepository(CountedOutcome) repository: Repository<CountedOutcome>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }

  override create(
    input: CreateCountedOutcomeDto | DeepPartial<CountedOutcome>,
  ): Promise<CountedOutcome> {
    return super.create(input as DeepPartial<CountedOutcome>);
  }

  override update(
    id: number,
    input: UpdateCountedOutcomeDto | DeepPartial<CountedOutcome>,
  ): Promise<CountedOutcome> {
    return super.update(id, input as DeepPartial<CountedOutcome>);
  }

  protected override where(query: ListCountedOutcomesQuery): FindOptionsWhere<CountedOutcome> {
    return {
      committeeId: query.committeeId,
      year: query.year,
      communityId: query.communityId,
      activityId: query.activityId,
      status: query.status,
    };
  }

  protected override async checkWrite(manager: EntityManager, next: CountedOutcome): Promise<void> {
    next.status ??= 'done';
    await requireCommittee(manager, next.committeeId);
    next.value = amountToStore(next.value, 'value');
    if (next.communityId) {
      const community = await requireReference(
        manager,
        Community,
        next.communityId,
        'communityId',
        COMMITTEES_LABELS.records.community,
      );
      hideOutsideScope(
        community.committeeId,
        'communityId',
        COMMITTEES_LABELS.records.community,
        next.communityId,
      );
      if (community.committeeId !== next.committeeId) {
        throw ruleViolation(
          { zh: '社区/村不属于该人大工委', en: 'The community belongs to another committee' },
          'communityId',
        );
      }
    }
    if (next.activityId) {
      const activity = await requireReference(
        manager,
        Activity,
        next.activityId,
        'activityId',
        ACTIVITIES_LABELS.records.activity,
      );
      hideOutsideScope(
        activity.committeeId,
        'activityId',
        ACTIVITIES_LABELS.records.activity,
        next.activityId,
      );
      if (activity.committeeId !== next.committeeId) {
        throw ruleViolation(
          {
            zh: '来源活动不属于该人大工委',
            en: 'The source activity belongs to another committee',
          },
          'activityId',
        );
      }
    }
  }
}

/**
 * A referenced record of a committee the actor may not see answers exactly as one that does not
 * exist (no existence oracle across committees); one of another committee in scope is named.
 */
function hideOutsideScope(ownerId: number, field: string, name: RecordName, id: number): void {
  const { committeeIds } = currentActor();
  if (committeeIds && !committeeIds.includes(ownerId)) throw referenceNotFound(field, name, id);
}
