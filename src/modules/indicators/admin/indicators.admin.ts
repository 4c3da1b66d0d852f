import { Transform } from 'class-transformer';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { CommitteesService } from '../../committees/committees.service.js';
import {
  CreateIndicatorDto,
  CreateIndicatorValueDto,
  UpdateIndicatorDto,
  UpdateIndicatorValueDto,
} from '../dto/indicator.dto.js';
import { IndicatorImportService } from '../indicator-import.service.js';
import { IndicatorValue } from '../indicator-value.entity.js';
import { IndicatorValuesService } from '../indicator-values.service.js';
import { Indicator } from '../indicator.entity.js';
import { INDICATORS_LABELS } from '../indicators.labels.js';
import { IndicatorsService } from '../indicators.service.js';
import { indicatorImportPages } from './indicator-import.page.js';

const { values } = INDICATORS_LABELS;

/**
 * A DECIMAL column reaches the form's params as text (@adminjs/typeorm converts only integer
 * types): the panel's forms read a number written in the field as that number, then validate
 * it as the API does.
 */
const FormNumber = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
    ? Number(value)
    : value,
);

export class IndicatorValueForm extends CreateIndicatorValueDto {}
export class IndicatorValueEditForm extends UpdateIndicatorValueDto {}
for (const form of [IndicatorValueForm, IndicatorValueEditForm]) {
  for (const field of ['value', 'yoyPercent']) FormNumber(form.prototype, field);
}

/** 监督工作 › 经济指标, 指标数值, and the page 指标数值导入 (/admin/indicator-import). */
export const adminArea = defineAdminArea({
  inject: {
    indicators: IndicatorsService,
    values: IndicatorValuesService,
    imports: IndicatorImportService,
    committees: CommitteesService,
  },
  resources: ({ indicators, values: indicatorValues }) => [
    {
      resource: new ServiceResource(
        Indicator,
        bindRecordService(indicators, CreateIndicatorDto, UpdateIndicatorDto),
      ),
      options: {
        navigation: NAVIGATION.supervision,
        listProperties: [
          'id',
          'sortOrder',
          'code',
          'name',
          'unit',
          'frequency',
          'committeeId',
          'enabled',
        ],
        filterProperties: ['committeeId', 'code', 'name', 'frequency', 'enabled'],
        sort: { sortBy: 'sortOrder', direction: 'asc' },
        properties: {
          ...TIMESTAMPS,
          name: { isTitle: true },
          frequency: { availableValues: availableValues(values.frequency) },
          enabled: { type: 'boolean' },
        },
      },
    },
    {
      resource: new ServiceResource(
        IndicatorValue,
        bindRecordService(indicatorValues, IndicatorValueForm, IndicatorValueEditForm),
      ),
      options: {
        navigation: NAVIGATION.supervision,
        listProperties: ['id', 'indicatorId', 'year', 'period', 'kind', 'value', 'yoyPercent'],
        filterProperties: ['indicatorId', 'year', 'kind', 'committeeId'],
        sort: { sortBy: 'year', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          kind: { availableValues: availableValues(values.valueKind) },
          value: { type: 'number' },
          yoyPercent: { type: 'number' },
          // Always the indicator's: shown and filtered on, never chosen in a form.
          committeeId: { isVisible: { list: false, filter: true, show: true, edit: false } },
        },
      },
    },
  ],
  pages: ({ imports, committees }, { rootPath }) =>
    indicatorImportPages({ imports, committees, rootPath }),
});
