import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteeTree } from '../../platform/access/committee-tree.js';
import { CommitteesController } from './committees.controller.js';
import { CommitteesRepository } from './committees.repository.js';
import { CommitteesService } from './committees.service.js';
import { CommunitiesController } from './communities.controller.js';
import { CommunitiesService } from './communities.service.js';
import { Committee } from './committee.entity.js';
import { Community } from './community.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Committee, Community])],
  controllers: [CommitteesController, CommunitiesController],
  providers: [
    CommitteesService,
    CommunitiesService,
    CommitteesRepository,
    // The platform's port for the committee tree (access scopes: platform/access/actors.ts).
    { provide: CommitteeTree, useExisting: CommitteesRepository },
  ],
  exports: [CommitteesService, CommunitiesService, CommitteeTree],
})
export class CommitteesModule {}
