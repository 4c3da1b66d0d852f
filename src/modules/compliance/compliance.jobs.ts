import { Inject, Injectable, Logger } from '@nestjs/common';
import { periodContaining, previousPeriod } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { ScheduledJob, type JobHandler, type JobReport } from '../jobs/job-handler.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { JOBS } from '../jobs/schedule.js';
import { periodsToClose } from './cadence.rules.js';
import { ComplianceService } from './compliance.service.js';

/**
 * 期末结算: finalises, once each, every period of every rule that ended since its last close (the
 * last close at or before the period just ended, so a close as of an earlier date still works).
 * While there is no subject to judge, nothing is claimed: the period stays open to a later close
 * or evaluation instead of being claimed forever with no records.
 */
@ScheduledJob(JOBS.periodClose.name)
@Injectable()
export class PeriodCloseJob implements JobHandler {
  private readonly logger = new Logger(PeriodCloseJob.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly compliance: ComplianceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(asOf: Date, runner?: string): Promise<JobReport> {
    const report: JobReport = { job: JOBS.periodClose.name, asOf, runs: [] };
    const zone = this.config.timeZone;
    for (const rule of await this.compliance.enabledRules()) {
      const justEnded = previousPeriod(periodContaining(rule.period, asOf, zone), zone);
      const last = await this.compliance.lastClosedKey(rule, justEnded.key);
      const periods = periodsToClose(rule.period, last, asOf, zone);
      if (periods.length > 0 && (await this.compliance.subjectCount(rule)) === 0) {
        this.logger.log(
          `period-close: rule ${rule.id} has no subjects yet, ${periods[0].key} left open`,
        );
        continue;
      }
      for (const period of periods) {
        const runKey = `rule${rule.id}:${period.key}`;
        const result = await this.runner.once(
          report.job,
          runKey,
          asOf,
          async () => {
            const runId = await this.runner.runIdOf(report.job, runKey);
            return { ...(await this.compliance.evaluate(rule, period, asOf, runId)) };
          },
          runner,
        );
        report.runs.push({ runKey, result });
      }
    }
    return report;
  }
}

/** 期限前提醒, once a day: reminders for the running periods, and their records re-counted. */
@ScheduledJob(JOBS.deadlineCheck.name)
@Injectable()
export class DeadlineCheckJob implements JobHandler {
  constructor(
    private readonly runner: JobRunner,
    private readonly compliance: ComplianceService,
  ) {}

  run(asOf: Date, runner?: string): Promise<JobReport> {
    return this.runner.daily(
      JOBS.deadlineCheck.name,
      asOf,
      async () => {
        let reminded = 0;
        let notifications = 0;
        for (const rule of await this.compliance.enabledRules()) {
          const counts = await this.compliance.remind(rule, asOf);
          reminded += counts.reminded;
          notifications += counts.notifications;
        }
        const current = await this.compliance.refreshCurrent(asOf);
        return { reminded, notifications, current };
      },
      runner,
    );
  }
}
