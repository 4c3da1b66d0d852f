import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import {
  requireReference,
  requireReferenceOfCommittee,
} from '../../platform/records/record.service.js';
import type { Write } from '../../platform/records/write-use-case.js';
import { DEPUTIES_LABELS } from '../deputies/deputies.labels.js';
import { Deputy } from '../deputies/deputy.entity.js';
import { HandlingUnit } from '../suggestions/handling-unit.entity.js';
import { Suggestion } from '../suggestions/suggestion.entity.js';
import { SuggestionsService } from '../suggestions/suggestions.service.js';
import { SUGGESTIONS_LABELS } from '../suggestions/suggestions.labels.js';
import type { VoterIssueTransitionDto } from './dto/voter-issue.dto.js';
import type { VoterIssue } from './voter-issue.entity.js';

/**
 * Where a voter issue meets the suggestions area (DOMAIN.md: voter issue → suggestion → handling
 * unit → reply): the handling unit a referral names, the suggestion an escalation creates
 * (SuggestionsService.createWithin, in the step's transaction) or links, and the units'
 * contacts for the deadline reminders. Reads run in the caller's transaction.
 */
@Injectable()
export class VoterIssueEscalation {
  constructor(@Inject(SuggestionsService) private readonly suggestions: SuggestionsService) {}

  /** The handling unit a referral names: it exists (422) and is enabled (422). */
  async requireHandlingUnit(manager: EntityManager, id: number): Promise<void> {
    const unit = await requireReference(
      manager,
      HandlingUnit,
      id,
      'handlingUnitId',
      SUGGESTIONS_LABELS.records.handlingUnit,
    );
    if (!unit.enabled) {
      throw ruleViolation(
        { zh: '该承办单位已停用', en: 'This handling unit is disabled' },
        'handlingUnitId',
      );
    }
  }

  /**
   * The suggestion the issue becomes (its id, written on the issue: the link both ways, as
   * `GET /voter-issues?suggestionId=` lists a suggestion's source issues): an existing one of the
   * issue's committee (422 `suggestionId` otherwise), or one created now from the issue — title
   * given, content the issue's description unless given, lead deputy the collecting deputy
   * unless given (of the issue's committee), the issue's category, raised on the step's day.
   */
  async suggestionFor(
    write: Write,
    issue: VoterIssue,
    fields: Partial<VoterIssueTransitionDto>,
    on: string,
  ): Promise<number> {
    if (fields.suggestionId) {
      const linked = await write.manager.findOneBy(Suggestion, { id: fields.suggestionId });
      if (!linked || linked.committeeId !== issue.committeeId) {
        throw ruleViolation(
          {
            zh: `代表建议 ${fields.suggestionId} 不存在或不属于该人大工委`,
            en: `Suggestion ${fields.suggestionId} does not exist in the issue's committee`,
          },
          'suggestionId',
        );
      }
      return linked.id;
    }
    const wanted = fields.suggestion!;
    const leadDeputyId = wanted.leadDeputyId ?? issue.deputyId;
    if (!leadDeputyId) {
      throw ruleViolation(
        {
          zh: '新建代表建议须有领衔代表（未登记收集代表时请填写 suggestion.leadDeputyId）',
          en: 'A new suggestion needs a lead deputy (suggestion.leadDeputyId)',
        },
        'suggestion.leadDeputyId',
      );
    }
    await requireReferenceOfCommittee(
      write.manager,
      Deputy,
      leadDeputyId,
      'suggestion.leadDeputyId',
      DEPUTIES_LABELS.records.deputy,
      issue.committeeId,
    );
    const created = await this.suggestions.createWithin(write, {
      title: wanted.title,
      content: wanted.content ?? issue.description,
      leadDeputyId,
      categoryId: issue.categoryId,
      raisedOn: on,
    });
    return created.id;
  }
}
