import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { invalidInput } from '../../common/errors.js';
import { COMPLIANCE_LABELS } from './compliance.labels.js';
import { RecordService } from '../../platform/records/record.service.js';
import { sharedRecords, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { ACTIVITY_CATEGORIES } from '../dictionaries/dictionary-item.entity.js';
import { CadenceRule, MEASURES_OF } from './cadence-rule.entity.js';
import { parseReminderDays } from './cadence.rules.js';

/** 活动频次规则: read by everyone, edited by the system administrator (configuration, audited). */
@Injectable()
export class CadenceRulesService extends RecordService<CadenceRule> {
  protected readonly recordName = COMPLIANCE_LABELS.records.cadenceRule;
  protected readonly resource = 'cadenceRule';
  protected readonly scope: RecordScope<CadenceRule> = sharedRecords<CadenceRule>();
  protected readonly sortable = ['id', 'name'] as const;

  constructor(
    @InjectRepository(CadenceRule) repository: Repository<CadenceRule>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }

  protected override checkWrite(_manager: EntityManager, next: CadenceRule): Promise<void> {
    const categories = (next.categories ?? '')
      .split(',')
      .map((category) => category.trim())
      .filter(Boolean);
    const unknown = categories.filter(
      (category) => !(ACTIVITY_CATEGORIES as readonly string[]).includes(category),
    );
    if (unknown.length > 0) {
      throw invalidInput([
        {
          field: 'categories',
          problem: `未知类别 ${unknown.join(', ')}，可用 ${ACTIVITY_CATEGORIES.join(', ')} / unknown categories`,
        },
      ]);
    }
    next.categories = categories.length > 0 ? categories.join(',') : null;
    const measures = MEASURES_OF[next.subject] ?? [];
    next.measure ??= measures[0];
    if (!measures.includes(next.measure)) {
      throw invalidInput([
        {
          field: 'measure',
          problem: `该对象可用的计数方式：${measures.join(', ')} / measures for this subject: ${measures.join(', ')}`,
        },
      ]);
    }
    next.noticeDays ??= null;
    if (next.measure === 'noticedReceptions' && next.noticeDays === null) {
      throw invalidInput([
        { field: 'noticeDays', problem: '须填写提前公告天数 / required for noticedReceptions' },
      ]);
    }
    try {
      next.reminderDays = parseReminderDays(next.reminderDays).join(',');
    } catch {
      throw invalidInput([
        { field: 'reminderDays', problem: '到期前天数须为 1–366 的整数 / whole days 1–366' },
      ]);
    }
    return Promise.resolve();
  }
}
