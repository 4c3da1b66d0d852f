import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { formatInstant, localDate, periodContaining, type Period } from '../../common/period.js';
import { RECORD_NAMES } from '../../common/record-names.js';
import { authorize } from '../../common/record.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { Committee } from '../committees/committee.entity.js';
import { OutboxService } from '../notifications/outbox.service.js';
import { CadenceRule } from './cadence-rule.entity.js';
import { complianceStatus, dueThreshold, hasEnded, parseReminderDays } from './cadence.rules.js';
import { ComplianceRecord } from './compliance-record.entity.js';
import { ComplianceRepository } from './compliance.repository.js';

export interface CloseCounts {
  subjects: number;
  met: number;
  missed: number;
  notifications: number;
}

/**
 * The quarterly rule (and any cadence rule like it): evaluating a period for every subject,
 * finalising an ended one with notices for misses, and reminding subjects still short before a
 * period ends. Callers (the jobs) make each close and each day's check happen once.
 */
@Injectable()
export class ComplianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: ComplianceRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get timeZone(): string {
    return this.config.timeZone;
  }

  enabledRules(): Promise<CadenceRule[]> {
    return this.dataSource.getRepository(CadenceRule).find({
      where: { enabled: true },
      order: { id: 'ASC' },
    });
  }

  lastClosedKey(rule: CadenceRule): Promise<string | null> {
    return this.records.lastClosedKey(rule.id);
  }

  /**
   * Writes every subject's record for the period as of `asOf`: final (met/missed) once the period
   * has ended, otherwise in progress. Misses are notified to the committee and its district.
   */
  async evaluate(rule: CadenceRule, period: Period, asOf: Date): Promise<CloseCounts> {
    const ended = hasEnded(period, asOf);
    return this.dataSource.transaction(async (manager) => {
      const subjects = await this.records.subdistrictIds(manager);
      const tallies = await this.records.tally(rule, period, manager);
      const counted = subjects.filter((id) => (tallies.get(id)?.held ?? 0) > 0);
      const ids = await this.records.qualifyingIds(rule, period, counted, manager);
      const now = this.clock.now();
      const rows = subjects.map((committeeId): Partial<ComplianceRecord> => {
        const held = tallies.get(committeeId)?.held ?? 0;
        return {
          ruleId: rule.id,
          subjectType: rule.subject,
          subjectId: committeeId,
          committeeId,
          periodKey: period.key,
          periodStart: period.start,
          periodEnd: period.end,
          status: complianceStatus(held, rule.minCount, ended),
          qualifyingCount: held,
          qualifyingActivityIds: ids.get(committeeId)?.join(',') || null,
          evaluatedAt: now,
          finalisedAt: ended ? now : null,
        };
      });
      await this.records.replacePeriod(manager, rule.id, period.key, rows);
      const missed = rows.filter((row) => row.status === 'missed');
      let notifications = 0;
      for (const row of missed) {
        notifications += await this.notifyMiss(
          manager,
          rule,
          period,
          row.committeeId as number,
          row,
        );
      }
      return {
        subjects: rows.length,
        met: rows.filter((row) => row.status === 'met').length,
        missed: missed.length,
        notifications,
      };
    });
  }

  /** Writes the running period's records (met / in progress) for every enabled rule. */
  async refreshCurrent(asOf: Date): Promise<number> {
    let subjects = 0;
    for (const rule of await this.enabledRules()) {
      const period = periodContaining(rule.period, asOf, this.timeZone);
      subjects += (await this.evaluate(rule, period, asOf)).subjects;
    }
    return subjects;
  }

  /**
   * 期限前提醒: for the period running at `asOf`, subjects still short get the most urgent
   * reminder threshold reached (30/14/7/1 days before the end), each threshold once.
   */
  async remind(
    rule: CadenceRule,
    asOf: Date,
  ): Promise<{ reminded: number; notifications: number }> {
    const period = periodContaining(rule.period, asOf, this.timeZone);
    const threshold = dueThreshold(
      parseReminderDays(rule.reminderDays),
      period,
      asOf,
      this.timeZone,
    );
    if (threshold === null) return { reminded: 0, notifications: 0 };
    return this.dataSource.transaction(async (manager) => {
      const subjects = await this.records.subdistrictIds(manager);
      const tallies = await this.records.tally(rule, period, manager);
      const names = await this.committeeNames(manager, subjects);
      let reminded = 0;
      let notifications = 0;
      for (const committeeId of subjects) {
        const tally = tallies.get(committeeId);
        const held = tally?.held ?? 0;
        if (held >= rule.minCount) continue;
        reminded += 1;
        const planned = tally?.nextPlannedAt
          ? `已计划于 ${formatInstant(tally.nextPlannedAt, this.timeZone).slice(0, 16).replace('T', ' ')} 举行，举行后请及时登记。`
          : '目前没有已登记的计划活动，请尽快安排。';
        const recipients = await this.outbox.recipients(manager, committeeId, { district: false });
        notifications += await this.outbox.queue(manager, recipients, {
          kind: 'cadenceReminder',
          committeeId,
          about: `rule${rule.id}:c${committeeId}:${period.key}:d${threshold}`,
          title: `【提醒】${names.get(committeeId) ?? ''}${period.key} 还差 ${rule.minCount - held} 次活动（${threshold} 天内到期）`,
          body: [
            `${names.get(committeeId) ?? ''}：`,
            `按“${rule.name}”的要求，${period.key}（至 ${localDate(new Date(period.end.getTime() - 1), this.timeZone)}）应至少举行 ${rule.minCount} 次，目前已举行并登记 ${held} 次。`,
            planned,
            `计数规则：${rule.countingRule}`,
          ].join('\n'),
        });
      }
      return { reminded, notifications };
    });
  }

  /** 达标情况 for a year, within the actor's committees (the compliance API). */
  async forYear(year: number, committeeId?: number): Promise<ComplianceRecord[]> {
    const actor = authorize('complianceRecord', RECORD_NAMES.complianceRecord, 'list');
    const start = `${year}-`;
    const query = this.dataSource
      .getRepository(ComplianceRecord)
      .createQueryBuilder('record')
      .where('record.periodKey LIKE :start', { start: `${start}%` })
      .orderBy('record.committeeId')
      .addOrderBy('record.periodKey');
    if (committeeId) query.andWhere('record.committeeId = :committeeId', { committeeId });
    if (actor.committeeIds) {
      if (actor.committeeIds.length === 0) return [];
      query.andWhere('record.committeeId IN (:...scope)', { scope: [...actor.committeeIds] });
    }
    return query.getMany();
  }

  private async notifyMiss(
    manager: EntityManager,
    rule: CadenceRule,
    period: Period,
    committeeId: number,
    row: Partial<ComplianceRecord>,
  ): Promise<number> {
    const committee = await manager.findOneBy(Committee, { id: committeeId });
    const recipients = await this.outbox.recipients(manager, committeeId, { district: true });
    return this.outbox.queue(manager, recipients, {
      kind: 'cadenceMissed',
      committeeId,
      about: `rule${rule.id}:c${committeeId}:${period.key}`,
      title: `【未达标】${committee?.name ?? ''}${period.key} 未达到“${rule.name}”`,
      body: [
        `${committee?.name ?? ''} 在 ${period.key} 举行并登记的活动为 ${row.qualifyingCount ?? 0} 次，要求至少 ${rule.minCount} 次，未达标。`,
        '如有已举行但未登记的活动，请补登后由管理员在“达标记录”中重新检查。',
        `计数规则：${rule.countingRule}`,
      ].join('\n'),
    });
  }

  private async committeeNames(
    manager: EntityManager,
    ids: number[],
  ): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const committees = await manager.findBy(Committee, { id: In(ids) });
    return new Map(committees.map((committee) => [committee.id, committee.name]));
  }
}
