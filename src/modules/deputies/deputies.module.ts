import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeputiesController } from './deputies.controller.js';
import { DeputiesService } from './deputies.service.js';
import { DeputyGroupsController } from './deputy-groups.controller.js';
import { DeputyGroupsService } from './deputy-groups.service.js';
import { DeputyGroup } from './deputy-group.entity.js';
import { Deputy } from './deputy.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Deputy, DeputyGroup])],
  controllers: [DeputiesController, DeputyGroupsController],
  providers: [DeputiesService, DeputyGroupsService],
  exports: [DeputiesService, DeputyGroupsService],
})
export class DeputiesModule {}
