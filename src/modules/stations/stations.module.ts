import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Reception } from './reception.entity.js';
import { ReceptionsService } from './receptions.service.js';
import { StationAssessment } from './station-assessment.entity.js';
import { StationAssessmentItem } from './station-assessment-item.entity.js';
import { StationAssessmentsService } from './station-assessments.service.js';
import { StationDocument } from './station-document.entity.js';
import { StationDocumentsService } from './station-documents.service.js';
import { StationRole } from './station-role.entity.js';
import { StationRolesService } from './station-roles.service.js';
import { StationStandardItem } from './station-standard-item.entity.js';
import { StationStandardItemsService } from './station-standard-items.service.js';
import { Station } from './station.entity.js';
import {
  ReceptionsController,
  StationAssessmentsController,
  StationDocumentsController,
  StationRolesController,
  StationsController,
  StationStandardItemsController,
} from './stations.controller.js';
import { StationsRepository } from './stations.repository.js';
import { StationsService } from './stations.service.js';
import { StationsStatistics } from './stations.stats.js';

export const STATION_ENTITIES = [
  Station,
  StationRole,
  StationDocument,
  Reception,
  StationStandardItem,
  StationAssessment,
  StationAssessmentItem,
];

@Module({
  imports: [TypeOrmModule.forFeature(STATION_ENTITIES)],
  controllers: [
    StationsController,
    StationRolesController,
    StationDocumentsController,
    ReceptionsController,
    StationStandardItemsController,
    StationAssessmentsController,
  ],
  providers: [
    StationsRepository,
    StationsService,
    StationRolesService,
    StationDocumentsService,
    ReceptionsService,
    StationStandardItemsService,
    StationAssessmentsService,
    StationsStatistics,
  ],
  exports: [
    StationsRepository,
    StationsService,
    StationRolesService,
    StationDocumentsService,
    ReceptionsService,
    StationStandardItemsService,
    StationAssessmentsService,
    StationsStatistics,
  ],
})
export class StationsModule {}
