import {
  Body,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  ValidationPipe,
  type Type,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { DeepPartial, ObjectLiteral } from 'typeorm';
import { Permission, PermissionResource, RequireScope } from '../modules/auth/auth.decorators.js';
import type { ResourceId } from '../modules/auth/permissions.js';
import { IdPipe } from './id.pipe.js';
import type { Page, PageQueryDto } from './pagination.js';
import type { RecordService } from './record.service.js';
import { VALIDATION_PIPE_OPTIONS } from './validation.js';

export interface RecordControllerOptions {
  /** Chinese and English plural, for the OpenAPI summaries. */
  title: string;
  /** The permission resource (permissions.ts) the endpoints check. */
  resource: ResourceId;
  create: Type<object>;
  update: Type<object>;
  query: Type<PageQueryDto>;
}

/** A pipe that validates against a DTO class even through a generic base method. */
const validated = (expectedType: Type<object>): ValidationPipe =>
  new ValidationPipe({ ...VALIDATION_PIPE_OPTIONS, expectedType });

/**
 * The five REST endpoints of a core record (list, get, create, update, delete), with the
 * record's own DTOs validated and documented. Controllers extend the returned class and may
 * override `present` to shape what leaves the API (e.g. masking personal data).
 */
export function RecordController<T extends ObjectLiteral & { id: number }>(
  options: RecordControllerOptions,
) {
  @ApiBearerAuth()
  @PermissionResource(options.resource)
  abstract class RecordControllerBase {
    protected constructor(protected readonly service: RecordService<T>) {}

    /** What the API answers for one record; identity by default. */
    protected present(entity: T): unknown {
      return entity;
    }

    @Get()
    @Permission(undefined, 'list')
    @RequireScope('records:read')
    @ApiOperation({ summary: `列表 / list ${options.title}` })
    async list(@Query(validated(options.query)) query: PageQueryDto): Promise<Page<unknown>> {
      const page = await this.service.list(query);
      return { ...page, items: page.items.map((item) => this.present(item)) };
    }

    @Get(':id')
    @Permission(undefined, 'show')
    @RequireScope('records:read')
    @ApiOperation({ summary: `查看 / get one of ${options.title}` })
    async get(@Param('id', IdPipe) id: number): Promise<unknown> {
      return this.present(await this.service.get(id));
    }

    @Post()
    @Permission(undefined, 'new')
    @RequireScope('records:write')
    @ApiBody({ type: options.create })
    @ApiOperation({ summary: `新建 / create in ${options.title}` })
    async create(@Body(validated(options.create)) body: object): Promise<unknown> {
      return this.present(await this.service.create(body as DeepPartial<T>));
    }

    @Patch(':id')
    @Permission(undefined, 'edit')
    @RequireScope('records:write')
    @ApiBody({ type: options.update })
    @ApiOperation({
      summary: `修改（只改提交的字段）/ update (only the fields sent) in ${options.title}`,
    })
    async update(
      @Param('id', IdPipe) id: number,
      @Body(validated(options.update)) body: object,
    ): Promise<unknown> {
      return this.present(await this.service.update(id, body as DeepPartial<T>));
    }

    @Delete(':id')
    @Permission(undefined, 'delete')
    @RequireScope('records:write')
    @HttpCode(204)
    @ApiNoContentResponse({ description: '已删除 / deleted' })
    @ApiOperation({
      summary: `删除（仍被引用时 409）/ delete (409 while referenced) from ${options.title}`,
    })
    async remove(@Param('id', IdPipe) id: number): Promise<void> {
      await this.service.remove(id);
    }
  }
  return RecordControllerBase;
}
