import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IdPipe } from '../../common/id.pipe.js';
import { invalidTransitionResponse, pageSchema, recordSchemaRef } from '../../common/openapi.js';
import { wholePage, type Page } from '../../common/pagination.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreateOpinionDto,
  ListOpinionsQuery,
  OpinionNoteDto,
  OpinionTransitionDto,
  UpdateOpinionDto,
} from './dto/opinion.dto.js';
import {
  CreateSupervisionActivityDto,
  ListSupervisionActivitiesQuery,
  UpdateSupervisionActivityDto,
} from './dto/supervision-activity.dto.js';
import { Opinion } from './opinion.entity.js';
import { OpinionUpdate } from './opinion-update.entity.js';
import { OpinionUpdatesService } from './opinion-updates.service.js';
import { OpinionsService } from './opinions.service.js';
import { SupervisionActivitiesService } from './supervision-activities.service.js';
import { SupervisionActivity } from './supervision-activity.entity.js';

@ApiTags('监督活动 Supervision activities')
@Controller('supervision-activities')
export class SupervisionActivitiesController extends RecordController<SupervisionActivity>({
  entity: SupervisionActivity,
  title: '监督活动 supervision activities',
  resource: 'supervisionActivity',
  create: CreateSupervisionActivityDto,
  update: UpdateSupervisionActivityDto,
  query: ListSupervisionActivitiesQuery,
}) {
  constructor(service: SupervisionActivitiesService) {
    super(service);
  }
}

/** The 409 of a step the opinion's state does not allow, as the filter answers it. */
const INVALID_TRANSITION_RESPONSE = invalidTransitionResponse(
  { zh: '意见建议', en: 'Opinion', noun: 'opinion' },
  { state: 'open', step: 'finish', allowed: { assign: '交办', close: '关闭' } },
);

@ApiTags('意见建议 Opinions')
@Controller('opinions')
export class OpinionsController extends RecordController<Opinion>({
  entity: Opinion,
  title: '意见建议 opinions',
  resource: 'opinion',
  create: CreateOpinionDto,
  update: UpdateOpinionDto,
  query: ListOpinionsQuery,
}) {
  constructor(
    private readonly opinions: OpinionsService,
    private readonly updates: OpinionUpdatesService,
  ) {
    super(opinions);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Permission('opinion', 'edit')
  @RequireScope('records:write')
  @ApiOperation({
    summary:
      '办理流转：交办 / 开始办理 / 办结 / 关闭，同时记入办理进展 / move the opinion one step, with its timeline entry',
    description:
      'assign 交办（须有 responsibleUnit 与 dueOn）、start 开始办理、finish 办结（须填 completedOn，不早于提出日期）、close 关闭（未办结时，须填 reason）。办理状态只能这样修改。/ The status changes only here.',
  })
  @ApiOkResponse({ schema: recordSchemaRef('Opinion') })
  @ApiResponse(INVALID_TRANSITION_RESPONSE)
  transition(
    @Param('id', IdPipe) id: number,
    @Body() body: OpinionTransitionDto,
  ): Promise<Opinion> {
    const { action, ...fields } = body;
    return this.opinions.transition(id, action, fields);
  }

  @Get(':id/updates')
  @Permission('opinionUpdate', 'list')
  @RequireScope('records:read')
  @ApiOperation({ summary: '办理进展（时间顺序）/ the opinion’s timeline, oldest first' })
  @ApiOkResponse({ schema: pageSchema('OpinionUpdate') })
  async timeline(@Param('id', IdPipe) id: number): Promise<Page<OpinionUpdate>> {
    return wholePage(await this.updates.list(id));
  }

  @Post(':id/updates')
  @Permission('opinionUpdate', 'new')
  @RequireScope('records:write')
  @ApiOperation({ summary: '记录办理进展 / add a note to the timeline' })
  @ApiCreatedResponse({ schema: recordSchemaRef('OpinionUpdate') })
  addNote(@Param('id', IdPipe) id: number, @Body() body: OpinionNoteDto): Promise<OpinionUpdate> {
    return this.updates.addNote(id, body.note);
  }
}
