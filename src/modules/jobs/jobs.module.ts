import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { JobRunner } from './job-runner.service.js';
import { JobsScheduler } from './jobs.scheduler.js';
import { JobsService } from './jobs.service.js';
import { ManualRunsService } from './manual-runs.service.js';

/** ScheduleModule.forRoot() lives here and only here (STACK.md pitfall 14). */
@Module({
  imports: [ScheduleModule.forRoot(), ComplianceModule, NotificationsModule],
  providers: [JobRunner, JobsService, ManualRunsService, JobsScheduler],
  exports: [JobsService, ManualRunsService, JobsScheduler],
})
export class JobsModule {}
