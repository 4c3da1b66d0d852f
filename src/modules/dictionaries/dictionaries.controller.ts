import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageSchema } from '../../common/openapi.js';
import { wholePage, type Page } from '../../common/pagination.js';
import { RecordController } from '../../platform/records/record.controller.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { DictionariesService } from './dictionaries.service.js';
import { Dictionary } from './dictionary.entity.js';
import { DictionaryItem } from './dictionary-item.entity.js';
import { DictionaryItemsService } from './dictionary-items.service.js';
import {
  CreateDictionaryDto,
  CreateDictionaryItemDto,
  ListDictionariesQuery,
  ListDictionaryItemsQuery,
  UpdateDictionaryDto,
  UpdateDictionaryItemDto,
} from './dto/dictionary.dto.js';

@ApiTags('数据字典 Dictionaries')
@Controller('dictionaries')
export class DictionariesController extends RecordController<Dictionary>({
  entity: Dictionary,
  title: '数据字典 dictionaries',
  resource: 'dictionary',
  create: CreateDictionaryDto,
  update: UpdateDictionaryDto,
  query: ListDictionariesQuery,
}) {
  constructor(service: DictionariesService) {
    super(service);
  }
}

@ApiTags('数据字典 Dictionaries')
@Controller('dictionary-items')
export class DictionaryItemsController extends RecordController<DictionaryItem>({
  entity: DictionaryItem,
  title: '字典项 dictionary items',
  resource: 'dictionaryItem',
  create: CreateDictionaryItemDto,
  update: UpdateDictionaryItemDto,
  query: ListDictionaryItemsQuery,
}) {
  constructor(service: DictionaryItemsService) {
    super(service);
  }
}

@ApiTags('数据字典 Dictionaries')
@ApiBearerAuth()
@Controller('activity-kinds')
export class ActivityKindsController {
  constructor(private readonly items: DictionaryItemsService) {}

  @Get()
  @Permission('dictionaryItem', 'list')
  @RequireScope('records:read')
  @ApiOperation({
    summary: '启用的活动类型及其统计类别 / enabled activity kinds with their categories',
  })
  @ApiOkResponse({ schema: pageSchema('DictionaryItem') })
  async list(): Promise<Page<DictionaryItem>> {
    return wholePage(await this.items.activityKinds());
  }
}
