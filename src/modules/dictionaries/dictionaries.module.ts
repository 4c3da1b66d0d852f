import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  ActivityKindsController,
  DictionariesController,
  DictionaryItemsController,
} from './dictionaries.controller.js';
import { DictionariesRepository } from './dictionaries.repository.js';
import { DictionariesService } from './dictionaries.service.js';
import { Dictionary } from './dictionary.entity.js';
import { DictionaryItem } from './dictionary-item.entity.js';
import { DictionaryItemsService } from './dictionary-items.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Dictionary, DictionaryItem])],
  controllers: [DictionariesController, DictionaryItemsController, ActivityKindsController],
  providers: [DictionariesRepository, DictionariesService, DictionaryItemsService],
  exports: [DictionariesRepository, DictionariesService, DictionaryItemsService],
})
export class DictionariesModule {}
