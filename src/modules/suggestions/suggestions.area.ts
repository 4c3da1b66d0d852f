import type { Area } from '../../platform/areas/area.js';
import { HandlingUnit } from './handling-unit.entity.js';
import { SuggestionCoSigner } from './suggestion-co-signer.entity.js';
import { SuggestionCoUnit } from './suggestion-co-unit.entity.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionUpdate } from './suggestion-update.entity.js';
import { SUGGESTIONS_LABELS } from './suggestions.labels.js';
import { SuggestionsModule } from './suggestions.module.js';
import { SuggestionDeadlines } from './suggestions.deadlines.js';
import { SuggestionStatistics } from './suggestions.stats.js';

/** 代表建议、批评和意见: handling units (承办单位), suggestions and their timeline (办理过程). */
export const SUGGESTIONS_AREA = {
  name: 'suggestions',
  module: SuggestionsModule,
  entities: [HandlingUnit, Suggestion, SuggestionCoSigner, SuggestionCoUnit, SuggestionUpdate],
  labels: SUGGESTIONS_LABELS,
  statistics: SuggestionStatistics,
  deadlines: SuggestionDeadlines,
  adminAccess: {
    HandlingUnit: { permission: 'handlingUnit', recordActions: ['reveal'] },
    Suggestion: {
      permission: 'suggestion',
      recordActions: ['assign', 'return', 'extend', 'reply', 'evaluate', 'supervise', 'solve'],
    },
    SuggestionUpdate: { permission: 'suggestionUpdate' },
    SuggestionCategory: { permission: 'dictionaryItem', picker: true },
  },
  admin: () => import('./admin/suggestions.admin.js'),
} satisfies Area;
