import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import type { Write } from '../../platform/records/write-use-case.js';
import type { VoterIssueTransitionDto } from './dto/voter-issue.dto.js';
import type { VoterIssue } from './voter-issue.entity.js';

/**
 * Where a voter issue meets the suggestions area: the handling unit a referral names and the
 * suggestion an escalation creates or links, both inside the step's transaction.
 * PLACEHOLDER until the suggestions area (HandlingUnit, Suggestion, SuggestionsService) is on
 * main: a unit is not checked and only an existing suggestion id can be linked.
 */
@Injectable()
export class VoterIssueEscalation {
  /** The handling unit a referral names: it exists and is enabled (422 `handlingUnitId`). */
  requireHandlingUnit(_manager: EntityManager, _id: number): Promise<void> {
    return Promise.resolve();
  }

  /** Each unit's contact to remind by email (the units' registry is the suggestions area's). */
  contactsOf(
    _unitIds: readonly number[],
    _manager?: EntityManager,
  ): Promise<Map<number, { name: string; email: string }[]>> {
    return Promise.resolve(new Map<number, { name: string; email: string }[]>());
  }

  /** The suggestion the issue becomes: an existing one in scope, or one created now. */
  suggestionFor(
    _write: Write,
    _issue: VoterIssue,
    fields: Partial<VoterIssueTransitionDto>,
    _on: string,
  ): Promise<number> {
    if (fields.suggestionId) return Promise.resolve(fields.suggestionId);
    throw ruleViolation(
      { zh: '代表建议模块尚未接入', en: 'The suggestions area is not connected yet' },
      'suggestion',
    );
  }
}
