import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { In, Repository } from 'typeorm';
import { referenceNotFound, ruleViolation } from '../../common/errors.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService, requireReference } from '../../platform/records/record.service.js';
import type { ListIndicatorValuesQuery } from './dto/indicator.dto.js';
import { IndicatorValue } from './indicator-value.entity.js';
import { Indicator } from './indicator.entity.js';
import { valueFitProblem } from './indicator.rules.js';
import { INDICATORS_LABELS } from './indicators.labels.js';

/**
 * A value is read by its own `committeeId` (a copy of its indicator's) and placed by its
 * indicator: a write names the indicator, never the committee.
 */
export const INDICATOR_VALUE_SCOPE: RecordScope<IndicatorValue> = {
  where: (ids) => ({ committeeId: In([...ids]) }),
  owner: async (manager, record) => {
    const indicator = await manager.findOne(Indicator, {
      select: { committeeId: true },
      where: { id: record.indicatorId },
    });
    if (!indicator) {
      throw referenceNotFound(
        'indicatorId',
        INDICATORS_LABELS.records.indicator,
        record.indicatorId,
      );
    }
    return indicator.committeeId;
  },
  field: 'indicatorId',
};

/** 指标数值: one value of an indicator per year, period and kind (409 with `existingId` twice). */
@Injectable()
export class IndicatorValuesService extends RecordService<IndicatorValue> {
  protected readonly recordName = INDICATORS_LABELS.records.indicatorValue;
  protected readonly resource = 'indicatorValue';
  protected readonly scope = INDICATOR_VALUE_SCOPE;
  protected readonly sortable = ['id', 'year', 'period', 'indicatorId', 'kind'] as const;

  constructor(
    @InjectRepository(IndicatorValue) repository: Repository<IndicatorValue>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListIndicatorValuesQuery): FindOptionsWhere<IndicatorValue> {
    return {
      committeeId: query.committeeId,
      indicatorId: query.indicatorId,
      year: query.year,
      kind: query.kind,
    };
  }

  protected override async checkWrite(manager: EntityManager, next: IndicatorValue): Promise<void> {
    const indicator = await requireReference(
      manager,
      Indicator,
      next.indicatorId,
      'indicatorId',
      INDICATORS_LABELS.records.indicator,
    );
    next.committeeId = indicator.committeeId;
    next.yoyPercent ??= null;
    next.note ??= null;
    const problem = valueFitProblem(indicator, next);
    if (problem) {
      throw ruleViolation(
        { zh: `${problem.problem.split(' / ')[0]}`, en: problem.problem.split(' / ')[1] ?? '' },
        problem.field,
      );
    }
  }
}
