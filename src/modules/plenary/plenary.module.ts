import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemsController } from './agenda-items.controller.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { PlenaryRepository } from './plenary.repository.js';
import { PlenaryStatistics } from './plenary.stats.js';
import { PlenarySession } from './plenary-session.entity.js';
import { PlenarySessionsController } from './plenary-sessions.controller.js';
import { PlenarySessionsService } from './plenary-sessions.service.js';

/** 代表大会: congress sessions (extending plenary activities) and their agenda. */
@Module({
  imports: [TypeOrmModule.forFeature([PlenarySession, AgendaItem])],
  controllers: [PlenarySessionsController, AgendaItemsController],
  providers: [PlenaryRepository, PlenarySessionsService, AgendaItemsService, PlenaryStatistics],
  exports: [PlenaryRepository, PlenarySessionsService, AgendaItemsService, PlenaryStatistics],
})
export class PlenaryModule {}
