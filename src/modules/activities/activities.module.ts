import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DictionariesModule } from '../dictionaries/dictionaries.module.js';
import { ActivitiesController } from './activities.controller.js';
import { ActivitiesService } from './activities.service.js';
import { Activity } from './activity.entity.js';
import { Attendance } from './attendance.entity.js';
import { AttendanceService } from './attendance.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Activity, Attendance]), DictionariesModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService, AttendanceService],
  exports: [ActivitiesService, AttendanceService],
})
export class ActivitiesModule {}
