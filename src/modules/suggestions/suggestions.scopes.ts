import { In } from 'typeorm';
import { Deputy } from '../deputies/deputy.entity.js';
import {
  sharedRecords,
  throughParent,
  type RecordScope,
} from '../../platform/access/record-scope.js';
import { HandlingUnit } from './handling-unit.entity.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionUpdate } from './suggestion-update.entity.js';

/** 承办单位: one registry every committee shares (like the dictionaries). */
export const HANDLING_UNIT_SCOPE: RecordScope<HandlingUnit> = sharedRecords<HandlingUnit>();

/**
 * A suggestion is its committee's, which is its lead deputy's (copied into `committeeId` at every
 * write): a write is placed by the lead deputy it names (another committee's deputy is refused on
 * `leadDeputyId`, like a missing one).
 */
export const SUGGESTION_SCOPE: RecordScope<Suggestion> = {
  where: (ids) => ({ committeeId: In([...ids]) }),
  owner: async (manager, record) => {
    const deputy = await manager.findOne(Deputy, {
      select: { id: true, committeeId: true },
      where: { id: record.leadDeputyId },
    });
    return deputy?.committeeId ?? null;
  },
  field: 'leadDeputyId',
};

/** A timeline entry is seen through its suggestion. */
export const SUGGESTION_UPDATE_SCOPE = throughParent<SuggestionUpdate, Suggestion>(
  'suggestion',
  'suggestionId',
  Suggestion,
);
