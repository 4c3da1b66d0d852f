import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesModule } from '../committees/committees.module.js';
import { DeputiesModule } from '../deputies/deputies.module.js';
import { DictionariesModule } from '../dictionaries/dictionaries.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ActivitiesController } from './activities.controller.js';
import { RecordKeepingJob } from './activities.jobs.js';
import { ActivitiesRepository } from './activities.repository.js';
import { ActivitiesService } from './activities.service.js';
import { ActivitiesStatistics } from './activities.stats.js';
import { Activity } from './activity.entity.js';
import { Attendance } from './attendance.entity.js';
import { AttendanceService } from './attendance.service.js';
import { DeputyPerformanceController } from './deputy-performance.controller.js';
import { DeputyPerformanceService } from './deputy-performance.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Activity, Attendance]),
    CommitteesModule,
    DeputiesModule,
    DictionariesModule,
    JobsModule,
    NotificationsModule,
  ],
  controllers: [DeputyPerformanceController, ActivitiesController],
  providers: [
    ActivitiesRepository,
    ActivitiesService,
    ActivitiesStatistics,
    AttendanceService,
    DeputyPerformanceService,
    RecordKeepingJob,
  ],
  exports: [
    ActivitiesRepository,
    ActivitiesService,
    ActivitiesStatistics,
    AttendanceService,
    DeputyPerformanceService,
  ],
})
export class ActivitiesModule {}
