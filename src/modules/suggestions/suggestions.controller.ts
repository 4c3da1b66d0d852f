import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IdPipe } from '../../common/id.pipe.js';
import { maskPhone } from '../../common/masking.js';
import { invalidTransitionResponse, pageSchema, recordSchemaRef } from '../../common/openapi.js';
import { wholePage, type Page } from '../../common/pagination.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreateHandlingUnitDto,
  ListHandlingUnitsQuery,
  UpdateHandlingUnitDto,
} from './dto/handling-unit.dto.js';
import {
  CreateSuggestionDto,
  ListSuggestionsQuery,
  SuggestionTransitionDto,
  SuperviseSuggestionDto,
  UpdateSuggestionDto,
} from './dto/suggestion.dto.js';
import { HandlingUnit } from './handling-unit.entity.js';
import { HandlingUnitsService } from './handling-units.service.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionUpdate } from './suggestion-update.entity.js';
import { SuggestionsService } from './suggestions.service.js';

@ApiTags('承办单位 Handling units')
@Controller('handling-units')
export class HandlingUnitsController extends RecordController<HandlingUnit>({
  entity: HandlingUnit,
  title: '承办单位 handling units',
  resource: 'handlingUnit',
  create: CreateHandlingUnitDto,
  update: UpdateHandlingUnitDto,
  query: ListHandlingUnitsQuery,
}) {
  constructor(private readonly units: HandlingUnitsService) {
    super(units);
  }

  /** The contact's phone is personal information: API answers carry it masked (PIPL). */
  protected override present(unit: HandlingUnit): HandlingUnit {
    return { ...unit, contactPhone: maskPhone(unit.contactPhone) } as HandlingUnit;
  }

  @Post(':id/reveal')
  @Permission('handlingUnit', 'reveal')
  @RequireScope('personal:reveal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '查看联系人完整电话（记入审计；需 personal:reveal）/ reveal the contact phone (audited; personal:reveal)',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        contactPhone: { type: 'string', nullable: true },
      },
    },
  })
  async reveal(
    @Param('id', IdPipe) id: number,
  ): Promise<{ id: number; contactPhone: string | null }> {
    const unit = await this.units.reveal(id, ['contactPhone']);
    return { id: unit.id, contactPhone: unit.contactPhone };
  }
}

/** The 409 of a step the suggestion's state does not allow, as the filter answers it. */
const INVALID_TRANSITION_RESPONSE = invalidTransitionResponse(
  { zh: '代表建议', en: 'Suggestion', noun: 'suggestion' },
  { state: 'registered', step: 'reply', allowed: { assign: '交办' } },
);

@ApiTags('代表建议 Suggestions')
@Controller('suggestions')
export class SuggestionsController extends RecordController<Suggestion>({
  entity: Suggestion,
  title: '代表建议 suggestions',
  resource: 'suggestion',
  create: CreateSuggestionDto,
  update: UpdateSuggestionDto,
  query: ListSuggestionsQuery,
}) {
  constructor(private readonly suggestions: SuggestionsService) {
    super(suggestions);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Permission('suggestion', 'edit')
  @RequireScope('records:write')
  @ApiOperation({
    summary:
      '办理流转：交办 / 退回 / 申请延期 / 答复 / 评价 / 办结，同时记入办理过程 / move the suggestion one step, with its timeline entry',
    description:
      'assign 交办（leadUnitId 必填，coUnitIds 会办单位；答复期限 = 交办日期 + 3 个月，遇非工作日顺延；退回期限 = 交办后 7 个工作日）、return 退回（退回期限内，须填 reason）、extend 申请延期（仅一次，最长 3 个月；dueOn、reason、approvedBy、approvedOn 必填）、reply 答复（repliedOn、replyText、replyClass A/B/C/D）、evaluate 评价（不满意 → 重新办理，期限为评价日期 + 1 个月；满意/基本满意：A、D 办结，B、C 跟踪落实）、solve 办结（跟踪落实的建议已解决）。每项操作需要各自的权限；办理状态只能这样修改。期限可配置（SUGGESTION_*）。/ Each step needs its own permission; the status changes only here.',
  })
  @ApiOkResponse({ schema: recordSchemaRef('Suggestion') })
  @ApiResponse(INVALID_TRANSITION_RESPONSE)
  transition(
    @Param('id', IdPipe) id: number,
    @Body() body: SuggestionTransitionDto,
  ): Promise<Suggestion> {
    const { action, ...fields } = body;
    return this.suggestions.transition(id, action, fields);
  }

  @Post(':id/supervise')
  @Permission('suggestion', 'supervise')
  @RequireScope('records:write')
  @ApiOperation({
    summary:
      '督办：记入办理过程，不改变办理状态（办结后 409）/ a supervision entry on the timeline; no change of state',
  })
  @ApiCreatedResponse({ schema: recordSchemaRef('SuggestionUpdate') })
  @ApiResponse(INVALID_TRANSITION_RESPONSE)
  supervise(
    @Param('id', IdPipe) id: number,
    @Body() body: SuperviseSuggestionDto,
  ): Promise<SuggestionUpdate> {
    return this.suggestions.supervise(id, body.note, body.supervisedOn);
  }

  @Get(':id/updates')
  @Permission('suggestionUpdate', 'list')
  @RequireScope('records:read')
  @ApiOperation({ summary: '办理过程（时间顺序）/ the suggestion’s timeline, oldest first' })
  @ApiOkResponse({ schema: pageSchema('SuggestionUpdate') })
  async timeline(@Param('id', IdPipe) id: number): Promise<Page<SuggestionUpdate>> {
    return wholePage(await this.suggestions.timeline(id));
  }

  @Get(':id/co-signers')
  @Permission('suggestion', 'show')
  @RequireScope('records:read')
  @ApiOperation({ summary: '附议代表 ID 列表 / the co-signers’ deputy ids' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'integer' } } })
  coSigners(@Param('id', IdPipe) id: number): Promise<number[]> {
    return this.suggestions.coSignersOf(id);
  }

  @Get(':id/co-units')
  @Permission('suggestion', 'show')
  @RequireScope('records:read')
  @ApiOperation({ summary: '会办单位 ID 列表 / the co-handling units’ ids' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'integer' } } })
  coUnits(@Param('id', IdPipe) id: number): Promise<number[]> {
    return this.suggestions.coUnitsOf(id);
  }
}
