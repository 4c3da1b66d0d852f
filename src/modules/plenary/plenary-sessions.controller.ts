import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../common/id.pipe.js';
import { pageSchema, recordSchemaRef } from '../../common/openapi.js';
import type { Page } from '../../common/pagination.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { apiKeyRolesFor } from '../../platform/access/permissions.js';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreatePlenarySessionDto,
  ListPlenarySessionsQuery,
  UpdatePlenarySessionDto,
} from './dto/plenary-session.dto.js';
import { PlenarySession } from './plenary-session.entity.js';
import {
  PlenarySessionsService,
  type NamedSession,
  type SessionDetail,
} from './plenary-sessions.service.js';

const DERIVED_NAME = {
  type: 'string',
  description: '会议名称（由届次名称和会次生成）/ derived name',
  example: '区第十五届人民代表大会第三次会议',
};

/** A session in a list: its columns and its derived name. */
const NAMED_SESSION = {
  allOf: [
    recordSchemaRef('PlenarySession'),
    { type: 'object', required: ['name'], properties: { name: DERIVED_NAME } },
  ],
};

/** What a session's detail adds to its columns: the derived name, the agenda, the attendance. */
const SESSION_DETAIL = {
  allOf: [
    recordSchemaRef('PlenarySession'),
    {
      type: 'object',
      required: ['name', 'agendaItems', 'attendance'],
      properties: {
        name: DERIVED_NAME,
        agendaItems: {
          type: 'array',
          items: recordSchemaRef('AgendaItem'),
          description: '审议事项及决议 / reports deliberated and their resolutions',
        },
        attendance: {
          type: 'object',
          description:
            '代表出席情况，来自关联活动的出席记录 / counts from the activity’s attendance rows',
          required: ['attended', 'leave', 'absent'],
          properties: {
            attended: { type: 'integer', minimum: 0, example: 18 },
            leave: { type: 'integer', minimum: 0, example: 1 },
            absent: { type: 'integer', minimum: 0, example: 0 },
          },
        },
      },
    },
  ],
};

@ApiTags('代表大会 Plenary sessions')
@Controller('plenary-sessions')
export class PlenarySessionsController extends RecordController<PlenarySession>({
  entity: PlenarySession,
  title: '代表大会会议 plenary sessions',
  resource: 'plenarySession',
  create: CreatePlenarySessionDto,
  update: UpdatePlenarySessionDto,
  query: ListPlenarySessionsQuery,
  writeResponse: SESSION_DETAIL,
}) {
  constructor(private readonly sessions: PlenarySessionsService) {
    super(sessions);
  }

  /** The base's `list`, each session with its derived name (documented as such). */
  @Get()
  @Permission('plenarySession', 'list')
  @RequireScope('records:read')
  @ApiOperation({
    summary:
      '代表大会会议列表（可按人大工委、届次、年度筛选）/ list plenary sessions (by committee, term, year)',
    description: `可调用的角色 / roles that may call it: ${apiKeyRolesFor('plenarySession', 'list').join(', ')}`,
  })
  @ApiOkResponse({ schema: pageSchema(NAMED_SESSION) })
  override async list(@Query() query: ListPlenarySessionsQuery): Promise<Page<NamedSession>> {
    return this.sessions.list(query);
  }

  /** The base's `get`, answering the session's detail (documented as such). */
  @Get(':id')
  @Permission('plenarySession', 'show')
  @RequireScope('records:read')
  @ApiOperation({
    summary:
      '查看代表大会会议：含会议名称、审议事项及决议、代表出席统计 / get one plenary session with its name, agenda and attendance counts',
    description: `可调用的角色 / roles that may call it: ${apiKeyRolesFor('plenarySession', 'show').join(', ')}`,
  })
  @ApiOkResponse({ schema: SESSION_DETAIL })
  override async get(@Param('id', IdPipe) id: number): Promise<SessionDetail> {
    return this.sessions.get(id);
  }
}
