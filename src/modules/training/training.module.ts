import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesModule } from '../committees/committees.module.js';
import { DeputiesModule } from '../deputies/deputies.module.js';
import { StudyParticipationService } from './study-participation.service.js';
import { StudyPlanItem } from './study-plan-item.entity.js';
import { StudyPlanItemsService } from './study-plan-items.service.js';
import { StudyPlan } from './study-plan.entity.js';
import { StudyPlansService } from './study-plans.service.js';
import { StudySession } from './study-session.entity.js';
import { StudySessionsService } from './study-sessions.service.js';
import {
  StudyParticipationController,
  StudyPlanItemsController,
  StudyPlansController,
  StudySessionsController,
} from './training.controller.js';
import { TrainingRepository } from './training.repository.js';
import { TrainingStatistics } from './training.stats.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([StudySession, StudyPlan, StudyPlanItem]),
    CommitteesModule,
    DeputiesModule,
  ],
  // The participation route first: /study-sessions/deputies before /study-sessions/:id. Items
  // before plans: the document lists them in this order (a contract walk deletes an item before
  // the plan that would take it along).
  controllers: [
    StudyParticipationController,
    StudySessionsController,
    StudyPlanItemsController,
    StudyPlansController,
  ],
  providers: [
    TrainingRepository,
    StudySessionsService,
    StudyPlansService,
    StudyPlanItemsService,
    StudyParticipationService,
    TrainingStatistics,
  ],
  exports: [
    TrainingRepository,
    StudySessionsService,
    StudyPlansService,
    StudyPlanItemsService,
    StudyParticipationService,
    TrainingStatistics,
  ],
})
export class TrainingModule {}
