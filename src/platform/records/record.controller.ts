import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { DeepPartial, ObjectLiteral } from 'typeorm';
import { Permission, PermissionResource, RequireScope } from '../access/auth.decorators.js';
import { apiKeyRolesFor, type Action, type ResourceId } from '../access/permissions.js';
import { IdPipe } from '../../common/id.pipe.js';
import { pageSchema, recordSchemaRef } from '../../common/openapi.js';
import { PageQueryDto, type Page } from '../../common/pagination.js';
import type { RecordService } from './record.service.js';

export interface RecordControllerOptions {
  /** Chinese and English plural, for the OpenAPI summaries. */
  title: string;
  /** The permission resource (permissions.ts) the endpoints check. */
  resource: ResourceId;
  /** The entity the endpoints answer with: its columns become the response schema. */
  entity: Type<object>;
  create: Type<object>;
  update: Type<object>;
  query: Type<PageQueryDto>;
  /** What create and update answer, when more than the record (default: the entity's schema). */
  writeResponse?: Record<string, unknown>;
}

/** The base's methods, the permission each needs, and the DTO classes its parameters take. */
const OPERATIONS = {
  list: { action: 'list', params: (o: RecordControllerOptions) => [o.query] },
  get: { action: 'show', params: () => [Number] },
  create: { action: 'new', params: (o: RecordControllerOptions) => [o.create] },
  update: { action: 'edit', params: (o: RecordControllerOptions) => [Number, o.update] },
  remove: { action: 'delete', params: () => [Number] },
} as const satisfies Record<
  string,
  { action: Action; params: (options: RecordControllerOptions) => unknown[] }
>;

/**
 * The five REST endpoints of a core record (list, get, create, update, delete), with the
 * record's own DTOs validated and documented. Controllers extend the returned class and may
 * override `present` to shape what leaves the API (e.g. masking personal data).
 *
 * Parameter types are written into the decorator metadata from `options` (a generic base method
 * has no concrete type of its own): the global ValidationPipe and the OpenAPI document both read
 * them, under tsc as under any other compiler. An operation that no API key's role may perform
 * (creating a committee is the system administrator's, in the panel) is not routed at all.
 */
export function RecordController<T extends ObjectLiteral & { id: number }>(
  options: RecordControllerOptions,
) {
  const entity = options.entity.name;
  const written = options.writeResponse ?? recordSchemaRef(entity);
  const rolesOf = (action: Action): string =>
    `可调用的角色 / roles that may call it: ${apiKeyRolesFor(options.resource, action).join(', ')}`;

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
    @ApiOperation({ summary: `列表 / list ${options.title}`, description: rolesOf('list') })
    @ApiOkResponse({ schema: pageSchema(entity) })
    async list(@Query() query: PageQueryDto): Promise<Page<unknown>> {
      const page = await this.service.list(query);
      return { ...page, items: page.items.map((item) => this.present(item)) };
    }

    @Get(':id')
    @Permission(undefined, 'show')
    @RequireScope('records:read')
    @ApiOperation({ summary: `查看 / get one of ${options.title}`, description: rolesOf('show') })
    @ApiOkResponse({ schema: recordSchemaRef(entity) })
    async get(@Param('id', IdPipe) id: number): Promise<unknown> {
      return this.present(await this.service.get(id));
    }

    @Post()
    @Permission(undefined, 'new')
    @RequireScope('records:write')
    @ApiOperation({ summary: `新建 / create in ${options.title}`, description: rolesOf('new') })
    @ApiCreatedResponse({ schema: written })
    async create(@Body() body: object): Promise<unknown> {
      return this.present(await this.service.create(body as DeepPartial<T>));
    }

    @Patch(':id')
    @Permission(undefined, 'edit')
    @RequireScope('records:write')
    @ApiOperation({
      summary: `修改（只改提交的字段）/ update (only the fields sent) in ${options.title}`,
      description: rolesOf('edit'),
    })
    @ApiOkResponse({ schema: written })
    async update(@Param('id', IdPipe) id: number, @Body() body: object): Promise<unknown> {
      return this.present(await this.service.update(id, body as DeepPartial<T>));
    }

    @Delete(':id')
    @Permission(undefined, 'delete')
    @RequireScope('records:write')
    @HttpCode(204)
    @ApiNoContentResponse({ description: '已删除 / deleted' })
    @ApiOperation({
      summary: `删除（仍被引用时 409）/ delete (409 while referenced) from ${options.title}`,
      description: rolesOf('delete'),
    })
    async remove(@Param('id', IdPipe) id: number): Promise<void> {
      await this.service.remove(id);
    }
  }

  const prototype = RecordControllerBase.prototype as unknown as Record<string, object>;
  for (const [method, { action, params }] of Object.entries(OPERATIONS)) {
    if (apiKeyRolesFor(options.resource, action).length === 0) {
      Reflect.deleteMetadata(PATH_METADATA, prototype[method]);
      Reflect.deleteMetadata(METHOD_METADATA, prototype[method]);
      Reflect.deleteMetadata(ROUTE_ARGS_METADATA, RecordControllerBase, method);
    } else {
      Reflect.defineMetadata('design:paramtypes', params(options), prototype, method);
    }
  }
  return RecordControllerBase;
}
