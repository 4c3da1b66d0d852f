import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { requireCommittee } from '../committees/committee-references.js';
import type { ListIndicatorsQuery } from './dto/indicator.dto.js';
import { Indicator } from './indicator.entity.js';
import { INDICATORS_LABELS } from './indicators.labels.js';
import { IndicatorsRepository } from './indicators.repository.js';

/** 经济指标: each committee's catalogue of the indicators its deputies watch. */
@Injectable()
export class IndicatorsService extends RecordService<Indicator> {
  protected readonly recordName = INDICATORS_LABELS.records.indicator;
  protected readonly resource = 'indicator';
  protected readonly scope: RecordScope<Indicator> = ownedByCommittee<Indicator>();
  protected readonly sortable = ['id', 'code', 'name', 'committeeId', 'sortOrder'] as const;
  protected override readonly defaultSort = 'sortOrder';

  constructor(
    @InjectRepository(Indicator) repository: Repository<Indicator>,
    audit: AuditTrail,
    private readonly indicators: IndicatorsRepository,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListIndicatorsQuery): FindOptionsWhere<Indicator> {
    return { committeeId: query.committeeId, code: query.code, frequency: query.frequency };
  }

  protected override async checkWrite(
    manager: EntityManager,
    next: Indicator,
    current?: Indicator,
  ): Promise<void> {
    next.enabled ??= true;
    next.sortOrder ??= 0;
    await requireCommittee(manager, next.committeeId);
    if (!current) return;
    const moved = next.committeeId !== current.committeeId;
    const refrequenced = next.frequency !== current.frequency;
    if ((moved || refrequenced) && (await this.indicators.hasValues(current.id, manager))) {
      throw ruleViolation(
        {
          zh: '该指标已有数值，不能更改所属人大工委或频率',
          en: 'The indicator has values: its committee and frequency cannot change',
        },
        moved ? 'committeeId' : 'frequency',
      );
    }
  }
}
