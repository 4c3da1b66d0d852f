import { Injectable } from '@nestjs/common';
import type {
  AreaStatistics,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf } from '../../platform/areas/statistics.js';
import { effectiveYoy, periodLabel } from './indicator.rules.js';
import { INDICATORS_LABELS } from './indicators.labels.js';
import { IndicatorsRepository, valueKey } from './indicators.repository.js';

/**
 * 经济指标 in the overview (报告 一(二) "固定资产投资 X 亿元，同比增长 X%"): the year's values of the
 * committees' indicators, each with its period in Chinese and its 同比 — as reported, or else
 * computed from last year's value of the same indicator, period and kind (indicator.rules).
 */
@Injectable()
export class IndicatorsStatistics implements AreaStatistics {
  constructor(private readonly indicators: IndicatorsRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const rows = await this.indicators.valuesOfYears(scope.committeeIds, [
      scope.year - 1,
      scope.year,
    ]);
    const lastYear = new Map(
      rows.filter((row) => row.year === scope.year - 1).map((row) => [valueKey(row), row.value]),
    );
    const values = rows.filter((row) => row.year === scope.year);
    const kinds = INDICATORS_LABELS.values.valueKind;
    return {
      label: '经济指标',
      figures: [
        countOf(
          'indicatorValues',
          '经济指标数值',
          'indicatorValue',
          values.map((row) => row.id),
          '项',
        ),
        countOf(
          'watchedIndicators',
          '有数值的经济指标',
          'indicator',
          values.map((row) => row.indicatorId),
          '项',
        ),
      ],
      lists: {
        values: {
          label: '经济指标数值',
          type: 'indicatorValue',
          columns: {
            indicator: '指标',
            periodLabel: '期间',
            kindLabel: '类型',
            value: '数值',
            unit: '单位',
            yoyPercent: '同比（%）',
          },
          items: values.map((row) => {
            const previous = lastYear.get(valueKey({ ...row, year: scope.year - 1 }));
            const yoy = effectiveYoy(row.yoyPercent, row.value, previous);
            return {
              id: row.id,
              committeeId: row.committeeId,
              indicatorId: row.indicatorId,
              indicator: row.indicatorName,
              code: row.code,
              unit: row.unit,
              period: row.period,
              periodLabel: periodLabel(row.frequency, row.period, row.kind),
              kind: row.kind,
              kindLabel: kinds[row.kind],
              value: row.value,
              yoyPercent: yoy.percent,
              yoySource: yoy.source,
            };
          }),
        },
      },
    };
  }
}
