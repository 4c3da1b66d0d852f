import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { JobRegistry } from './job-registry.service.js';
import { JobRunner } from './job-runner.service.js';
import { JobsScheduler } from './jobs.scheduler.js';
import { JobsService } from './jobs.service.js';

/**
 * The machinery of scheduled work — claims and leases (JobRunner), the handler registry, the
 * crons — and no business area: each area module imports this one and supplies its jobs'
 * handlers (`@ScheduledJob`). ScheduleModule.forRoot() lives here and only here (STACK.md
 * pitfall 14).
 */
@Module({
  imports: [ScheduleModule.forRoot(), DiscoveryModule],
  providers: [JobRunner, JobRegistry, JobsService, JobsScheduler],
  exports: [JobRunner, JobsService, JobsScheduler],
})
export class JobsModule {}
