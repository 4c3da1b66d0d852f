import { Injectable } from '@nestjs/common';
import type { JobReport } from './job-handler.js';
import { JobRegistry } from './job-registry.service.js';
import type { JobName } from './schedule.js';

/**
 * Runs a scheduled job by name through the handler its module supplied (JobRegistry). Cron, the
 * CLI and start-up catch-up come through `run`; the runs people start (立即检查, 往期检查) through
 * ManualRunsService (compliance).
 */
@Injectable()
export class JobsService {
  constructor(private readonly registry: JobRegistry) {}

  run(job: JobName, asOf: Date, runner?: string): Promise<JobReport> {
    return this.registry.handlerOf(job).run(asOf, runner);
  }
}
