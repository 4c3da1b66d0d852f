import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesController } from './committees.controller.js';
import { CommitteesService } from './committees.service.js';
import { CommunitiesController } from './communities.controller.js';
import { CommunitiesService } from './communities.service.js';
import { Committee } from './committee.entity.js';
import { Community } from './community.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Committee, Community])],
  controllers: [CommitteesController, CommunitiesController],
  providers: [CommitteesService, CommunitiesService],
  exports: [CommitteesService, CommunitiesService],
})
export class CommitteesModule {}
