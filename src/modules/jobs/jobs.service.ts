import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { localDate, periodContaining, previousPeriod } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { Activity } from '../activities/activity.entity.js';
import { Attendance } from '../activities/attendance.entity.js';
import { periodsToClose } from '../compliance/cadence.rules.js';
import { ComplianceService } from '../compliance/compliance.service.js';
import { OutboxService } from '../notifications/outbox.service.js';
import { RECORD_NAMES } from '../../common/record-names.js';
import { RecordWrites, useCase } from '../../platform/records/write-use-case.js';
import { JobRun } from './job-run.entity.js';
import { JobRunner, type JobCounts, type RunResult } from './job-runner.service.js';
import { JOBS, type JobName } from './schedule.js';

/** What one call of a job did: one result per claimed unit (a day, or a rule's period). */
export interface JobReport {
  job: JobName;
  asOf: Date;
  runs: { runKey: string; result: RunResult }[];
}

const RECORD_KEEPING_DAYS = 3;
/** The record-keeping notices a job queues: only the system holds this permission. */
const QUEUE_NOTICES = useCase('notification', RECORD_NAMES.notification, 'new');

/**
 * The jobs themselves, each `as of` a moment (the clock, the CLI's --as-of or a test's), each
 * unit of work claimed once through JobRunner. Cron, the CLI and start-up catch-up come through
 * `run`; the runs people start (立即检查, 往期检查) through ManualRunsService.
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly compliance: ComplianceService,
    private readonly outbox: OutboxService,
    private readonly writes: RecordWrites,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(job: JobName, asOf: Date, runner?: string): Promise<JobReport> {
    switch (job) {
      case JOBS.periodClose.name:
        return this.periodClose(asOf, runner);
      case JOBS.deadlineCheck.name:
        return this.deadlineCheck(asOf, runner);
      case JOBS.recordKeeping.name:
        return this.recordKeeping(asOf, runner);
      case JOBS.deliverNotifications.name:
        return this.deliverNotifications(asOf, runner);
      case JOBS.deadlineReminders.name:
        throw new Error(
          'deadline-reminders 需要建议与选民意见模块（M2），尚不可用 / needs suggestions and voter issues [M2]',
        );
    }
  }

  /**
   * Finalises, once each, every period of every rule that ended since its last close (the last
   * close at or before the period just ended, so a close as of an earlier date still works).
   * While there is no subject to judge, nothing is claimed: the period stays open to a later
   * close or evaluation instead of being claimed forever with no records.
   */
  async periodClose(asOf: Date, runner?: string): Promise<JobReport> {
    const report: JobReport = { job: JOBS.periodClose.name, asOf, runs: [] };
    const zone = this.config.timeZone;
    for (const rule of await this.compliance.enabledRules()) {
      const justEnded = previousPeriod(periodContaining(rule.period, asOf, zone), zone);
      const last = await this.compliance.lastClosedKey(rule, justEnded.key);
      const periods = periodsToClose(rule.period, last, asOf, zone);
      if (periods.length > 0 && (await this.compliance.subjectCount()) === 0) {
        this.logger.log(`period-close: no subjects yet, ${periods[0].key} left open`);
        continue;
      }
      for (const period of periods) {
        const runKey = `rule${rule.id}:${period.key}`;
        const result = await this.runner.once(
          report.job,
          runKey,
          asOf,
          async () => {
            const runId = await this.runIdOf(report.job, runKey);
            return { ...(await this.compliance.evaluate(rule, period, asOf, runId)) };
          },
          runner,
        );
        report.runs.push({ runKey, result });
      }
    }
    return report;
  }

  /** The id of the claimed run (the job monitor's row), for the records it writes. */
  async runIdOf(job: string, runKey: string): Promise<number | null> {
    const run = await this.dataSource.getRepository(JobRun).findOneBy({ job, runKey });
    return run?.id ?? null;
  }

  /** Once a day: reminders for the running periods. */
  private deadlineCheck(asOf: Date, runner?: string): Promise<JobReport> {
    return this.daily(JOBS.deadlineCheck.name, asOf, runner, async () => {
      let reminded = 0;
      let notifications = 0;
      for (const rule of await this.compliance.enabledRules()) {
        const counts = await this.compliance.remind(rule, asOf);
        reminded += counts.reminded;
        notifications += counts.notifications;
      }
      const current = await this.compliance.refreshCurrent(asOf);
      return { reminded, notifications, current };
    });
  }

  /** Once a day: held activities older than 3 days with no attendance or no minutes. */
  private recordKeeping(asOf: Date, runner?: string): Promise<JobReport> {
    return this.daily(JOBS.recordKeeping.name, asOf, runner, async () => {
      const before = new Date(asOf.getTime() - RECORD_KEEPING_DAYS * 86_400_000);
      const activities = await this.dataSource
        .getRepository(Activity)
        .createQueryBuilder('activity')
        .leftJoin(Attendance, 'attendance', 'attendance.activityId = activity.id')
        .where("activity.status = 'held'")
        .andWhere('activity.startsAt < :before', { before })
        .groupBy('activity.id')
        .having('COUNT(attendance.id) = 0 OR MAX(activity.summary) IS NULL')
        .select(['activity.id', 'activity.committeeId', 'activity.title', 'activity.startsAt'])
        .addSelect('COUNT(attendance.id)', 'attendanceCount')
        .getRawMany<{
          activity_id: number | string;
          activity_committee_id: number | string;
          activity_title: string;
          attendanceCount: number | string;
        }>();
      let notifications = 0;
      await this.writes.run(QUEUE_NOTICES, async ({ manager }) => {
        for (const row of activities) {
          const missing = Number(row.attendanceCount) === 0 ? '出席情况' : '活动纪要';
          const recipients = await this.outbox.recipients(
            manager,
            Number(row.activity_committee_id),
            { district: false },
          );
          notifications += await this.outbox.queue(manager, recipients, {
            kind: 'recordKeeping',
            committeeId: Number(row.activity_committee_id),
            about: `activity${row.activity_id}`,
            title: `【补登】“${row.activity_title}”尚未登记${missing}`,
            body: `活动“${row.activity_title}”已举行超过 ${RECORD_KEEPING_DAYS} 天，尚未登记${missing}。请在“代表活动”中补登，以便统计和年度报告引用。`,
          });
        }
      });
      return { activities: activities.length, notifications };
    });
  }

  /** A job that runs once per local calendar day (its run key is the date). */
  private async daily(
    job: JobName,
    asOf: Date,
    runner: string | undefined,
    work: () => Promise<JobCounts>,
  ): Promise<JobReport> {
    const runKey = localDate(asOf, this.config.timeZone);
    const result = await this.runner.once(job, runKey, asOf, work, runner);
    return { job, asOf, runs: [{ runKey, result }] };
  }

  /** Every minute: due emails. Not claimed per run (the outbox claims each row). */
  private async deliverNotifications(asOf: Date, _runner?: string): Promise<JobReport> {
    const counts = await this.outbox.deliver();
    return {
      job: JOBS.deliverNotifications.name,
      asOf,
      runs: [{ runKey: '-', result: { status: 'ran', runId: 0, counts } }],
    };
  }
}
