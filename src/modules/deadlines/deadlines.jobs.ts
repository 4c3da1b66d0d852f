import { Injectable } from '@nestjs/common';
import { ScheduledJob, type JobHandler, type JobReport } from '../jobs/job-handler.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { JOBS } from '../jobs/schedule.js';
import { DeadlinesService } from './deadlines.service.js';

/** 办理期限提醒, once a local day (claimed: a second run that day does nothing). */
@ScheduledJob(JOBS.deadlineReminders.name)
@Injectable()
export class DeadlineRemindersJob implements JobHandler {
  constructor(
    private readonly runner: JobRunner,
    private readonly deadlines: DeadlinesService,
  ) {}

  run(asOf: Date, runner?: string): Promise<JobReport> {
    return this.runner.daily(
      JOBS.deadlineReminders.name,
      asOf,
      async () => ({ ...(await this.deadlines.remind(asOf)) }),
      runner,
    );
  }
}
