import type { Area } from '../../platform/areas/area.js';
import { IndicatorValue } from './indicator-value.entity.js';
import { Indicator } from './indicator.entity.js';
import { INDICATORS_LABELS } from './indicators.labels.js';
import { IndicatorsModule } from './indicators.module.js';
import { IndicatorsStatistics } from './indicators.stats.js';

/** 经济指标 (监督 › 经济运行): each committee's indicators and their values, with Excel import. */
export const INDICATORS_AREA = {
  name: 'indicators',
  module: IndicatorsModule,
  entities: [Indicator, IndicatorValue],
  labels: INDICATORS_LABELS,
  statistics: IndicatorsStatistics,
  adminAccess: {
    Indicator: { permission: 'indicator' },
    IndicatorValue: { permission: 'indicatorValue' },
  },
  admin: () => import('./admin/indicators.admin.js'),
} satisfies Area;
