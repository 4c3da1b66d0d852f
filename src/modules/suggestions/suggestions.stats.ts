import { Inject, Injectable } from '@nestjs/common';
import { localDate } from '../../common/period.js';
import type {
  AreaStatistics,
  Figure,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf } from '../../platform/areas/statistics.js';
import {
  REPLY_CLASSES,
  replyOverdue,
  SUGGESTION_EVALUATIONS,
  SUGGESTION_STATUSES,
} from './suggestion.rules.js';
import { SUGGESTIONS_LABELS } from './suggestions.labels.js';
import { SuggestionsRepository, type SuggestionFigures } from './suggestions.repository.js';

const VALUES = SUGGESTIONS_LABELS.values;

/** The year's suggestions split by `key` into groups that add up (those without a value last). */
function suggestionsBy(
  name: string,
  label: string,
  rows: readonly SuggestionFigures[],
  groups: readonly { code: string; label: string; has: (row: SuggestionFigures) => boolean }[],
): Figure {
  const figure = countOf(
    name,
    label,
    'suggestion',
    rows.map((row) => row.id),
    '件',
  );
  figure.breakdown = groups.map((group) =>
    countOf(
      `${name}.${group.code}`,
      group.label,
      'suggestion',
      rows.filter(group.has).map((row) => row.id),
      '件',
    ),
  );
  return figure;
}

/**
 * 代表建议办理 in the overview: the suggestions raised in the year by status, by reply class
 * (未答复 for those not replied yet) and by the deputy's evaluation (未评价), each breakdown
 * adding up to the year's count; overdue (a reply due and past its date on the overview's
 * `asOf` day); and the lead units they were assigned to.
 */
@Injectable()
export class SuggestionStatistics implements AreaStatistics {
  constructor(@Inject(SuggestionsRepository) private readonly repository: SuggestionsRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const rows = await this.repository.suggestionsRaised(
      scope.committeeIds,
      scope.firstDay,
      scope.lastDay,
    );
    const asOf = localDate(scope.asOf, scope.timeZone);
    const unitIds = rows.flatMap((row) => (row.leadUnitId === null ? [] : [row.leadUnitId]));
    return {
      label: '代表建议办理',
      figures: [
        suggestionsBy(
          'suggestions',
          '代表建议（按办理状态）',
          rows,
          SUGGESTION_STATUSES.map((status) => ({
            code: status,
            label: VALUES.suggestionStatus[status],
            has: (row) => row.status === status,
          })),
        ),
        suggestionsBy('suggestionsByClass', '代表建议（按答复类别）', rows, [
          ...REPLY_CLASSES.map((replyClass) => ({
            code: replyClass,
            label: VALUES.replyClass[replyClass],
            has: (row: SuggestionFigures) => row.replyClass === replyClass,
          })),
          { code: 'none', label: '未答复', has: (row) => row.replyClass === null },
        ]),
        suggestionsBy('suggestionsBySatisfaction', '代表建议（按代表评价）', rows, [
          ...SUGGESTION_EVALUATIONS.map((evaluation) => ({
            code: evaluation,
            label: VALUES.suggestionEvaluation[evaluation],
            has: (row: SuggestionFigures) => row.evaluation === evaluation,
          })),
          { code: 'none', label: '未评价', has: (row) => row.evaluation === null },
        ]),
        countOf(
          'suggestionsOverdue',
          '代表建议逾期未答复',
          'suggestion',
          rows.filter((row) => replyOverdue(row, asOf)).map((row) => row.id),
          '件',
        ),
        countOf('handlingUnits', '承办单位', 'handlingUnit', unitIds, '个'),
      ],
      lists: {},
    };
  }
}
