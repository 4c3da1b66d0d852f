import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { JobsService } from './jobs.service.js';
import { JOBS, type JobName } from './schedule.js';

/**
 * Puts the schedule registry on the clock (JOBS_ENABLED): each job as a cron in APP_TIMEZONE.
 * At start-up, and again on each tick of period-close, any period that ended while no instance
 * ran is finalised once (catch-up).
 */
@Injectable()
export class JobsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobsScheduler.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly registry: SchedulerRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.enabled) return;
    await this.tick(JOBS.periodClose.name);
    for (const job of Object.values(JOBS)) {
      const cron = CronJob.from({
        cronTime: job.cron,
        timeZone: this.config.timeZone,
        onTick: () => void this.tick(job.name),
        start: true,
      });
      this.registry.addCronJob(job.name, cron);
    }
  }

  /** When a job runs next (the job monitor); null when it is not scheduled here (JOBS_ENABLED=false). */
  nextRun(job: string): Date | null {
    return this.registry.doesExist('cron', job)
      ? this.registry.getCronJob(job).nextDate().toJSDate()
      : null;
  }

  private async tick(job: JobName): Promise<void> {
    try {
      await this.jobs.run(job, this.clock.now());
    } catch (error) {
      this.logger.error({ err: error, job }, `scheduled job ${job} failed`);
    }
  }
}
