import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DictionariesModule } from '../dictionaries/dictionaries.module.js';
import { Opinion } from './opinion.entity.js';
import { OpinionUpdate } from './opinion-update.entity.js';
import { OpinionUpdatesService } from './opinion-updates.service.js';
import { OpinionsService } from './opinions.service.js';
import { SupervisionActivitiesService } from './supervision-activities.service.js';
import { SupervisionActivity } from './supervision-activity.entity.js';
import { OpinionsController, SupervisionActivitiesController } from './supervision.controller.js';
import { SupervisionRepository } from './supervision.repository.js';
import { SupervisionStatistics } from './supervision.stats.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([SupervisionActivity, Opinion, OpinionUpdate]),
    DictionariesModule,
  ],
  controllers: [SupervisionActivitiesController, OpinionsController],
  providers: [
    SupervisionRepository,
    SupervisionActivitiesService,
    OpinionsService,
    OpinionUpdatesService,
    SupervisionStatistics,
  ],
  exports: [
    SupervisionRepository,
    SupervisionActivitiesService,
    OpinionsService,
    OpinionUpdatesService,
    SupervisionStatistics,
  ],
})
export class SupervisionModule {}
