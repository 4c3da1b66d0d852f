import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CountedOutcome } from './counted-outcome.entity.js';
import { CountedOutcomesController } from './counted-outcomes.controller.js';
import { CountedOutcomesService } from './counted-outcomes.service.js';
import { KeyProject } from './key-project.entity.js';
import { KeyProjectsController } from './key-projects.controller.js';
import { KeyProjectsService } from './key-projects.service.js';
import { ProjectProgress } from './project-progress.entity.js';
import { ProjectProgressController } from './project-progress.controller.js';
import { ProjectProgressService } from './project-progress.service.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsStatistics } from './projects.stats.js';

/** 重大项目与工作成效: key projects, their progress, counted outcomes (report 一(二)/(四)). */
@Module({
  imports: [TypeOrmModule.forFeature([KeyProject, ProjectProgress, CountedOutcome])],
  controllers: [KeyProjectsController, ProjectProgressController, CountedOutcomesController],
  providers: [
    ProjectsRepository,
    KeyProjectsService,
    ProjectProgressService,
    CountedOutcomesService,
    ProjectsStatistics,
  ],
  exports: [
    ProjectsRepository,
    KeyProjectsService,
    ProjectProgressService,
    CountedOutcomesService,
    ProjectsStatistics,
  ],
})
export class ProjectsModule {}
