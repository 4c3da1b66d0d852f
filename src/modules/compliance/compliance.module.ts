import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StationsModule } from '../stations/stations.module.js';
import { CadenceRule } from './cadence-rule.entity.js';
import { CadenceRulesService } from './cadence-rules.service.js';
import { ComplianceController } from './compliance.controller.js';
import { ComplianceRepository } from './compliance.repository.js';
import { DeadlineCheckJob, PeriodCloseJob } from './compliance.jobs.js';
import { ComplianceService } from './compliance.service.js';
import { ManualRunsService } from './manual-runs.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CadenceRule]),
    ActivitiesModule,
    NotificationsModule,
    JobsModule,
    StationsModule,
  ],
  controllers: [ComplianceController],
  providers: [
    ComplianceRepository,
    ComplianceService,
    CadenceRulesService,
    ManualRunsService,
    PeriodCloseJob,
    DeadlineCheckJob,
  ],
  exports: [ComplianceService, CadenceRulesService, ManualRunsService],
})
export class ComplianceModule {}
