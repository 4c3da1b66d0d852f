import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../common/id.pipe.js';
import { maskPersonal } from '../../common/masking.js';
import { invalidTransitionResponse, pageSchema, recordSchemaRef } from '../../common/openapi.js';
import { wholePage, type Page } from '../../common/pagination.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreateOutreachActivityDto,
  ListOutreachActivitiesQuery,
  UpdateOutreachActivityDto,
} from './dto/outreach-activity.dto.js';
import {
  CreateVoterIssueDto,
  ListVoterIssuesQuery,
  UpdateVoterIssueDto,
  VoterIssuePersonalData,
  VoterIssueTransitionDto,
} from './dto/voter-issue.dto.js';
import { OutreachActivitiesService } from './outreach-activities.service.js';
import { OutreachActivity } from './outreach-activity.entity.js';
import { VoterIssue } from './voter-issue.entity.js';
import { VoterIssueUpdate } from './voter-issue-update.entity.js';
import { VOTER_PERSONAL_FIELDS, VoterIssuesService } from './voter-issues.service.js';

@ApiTags('走访座谈 Outreach activities')
@Controller('outreach-activities')
export class OutreachActivitiesController extends RecordController<OutreachActivity>({
  entity: OutreachActivity,
  title: '走访座谈 outreach activities (visits and forums)',
  resource: 'outreachActivity',
  create: CreateOutreachActivityDto,
  update: UpdateOutreachActivityDto,
  query: ListOutreachActivitiesQuery,
}) {
  constructor(service: OutreachActivitiesService) {
    super(service);
  }
}

/** The 409 of a step the issue's state does not allow, as the filter answers it. */
const INVALID_TRANSITION_RESPONSE = invalidTransitionResponse(
  { zh: '选民意见', en: 'Voter issue', noun: 'issue' },
  { state: 'answered', step: 'refer', allowed: { feedback: '反馈选民' } },
);

const PERSONAL_DATA_SCHEMA = {
  type: 'object',
  required: ['id', 'voterName', 'voterPhone', 'voterAddress'],
  properties: {
    id: { type: 'integer' },
    voterName: { type: 'string', nullable: true },
    voterPhone: { type: 'string', nullable: true },
    voterAddress: { type: 'string', nullable: true },
  },
};

@ApiTags('选民意见 Voter issues')
@Controller('voter-issues')
export class VoterIssuesController extends RecordController<VoterIssue>({
  entity: VoterIssue,
  title: '选民意见 voter issues',
  resource: 'voterIssue',
  create: CreateVoterIssueDto,
  update: UpdateVoterIssueDto,
  query: ListVoterIssuesQuery,
}) {
  constructor(private readonly issues: VoterIssuesService) {
    super(issues);
  }

  /** The voter's name, phone and address are personal information: answers carry them masked. */
  protected override present(issue: VoterIssue): VoterIssue {
    const shown = { ...issue } as Record<string, unknown>;
    for (const field of VOTER_PERSONAL_FIELDS) {
      shown[field] = maskPersonal(field, issue[field]);
    }
    return shown as unknown as VoterIssue;
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Permission('voterIssue', 'edit')
  @RequireScope('records:write')
  @ApiOperation({
    summary:
      '办理流转：当场答复 / 转交办理 / 解决 / 转为代表建议 / 不予采纳 / 反馈选民，同时记入办理记录 / move the issue one step, with its timeline entry',
    description:
      'answer 当场答复（须填 resolution）、refer 转交办理（须有 handlingUnitId 与 dueOn，可再次转交）、resolve 解决（须填 resolution）、escalate 转为代表建议（suggestionId 关联已有建议，或 suggestion 新建，同一事务）、decline 不予采纳（须填 reason）、feedback 反馈选民（办结后一次，须填 satisfaction；不改变办理结果）。办理状态只能这样修改。/ The status changes only here.',
  })
  @ApiOkResponse({ schema: recordSchemaRef('VoterIssue') })
  @ApiResponse(INVALID_TRANSITION_RESPONSE)
  async transition(
    @Param('id', IdPipe) id: number,
    @Body() body: VoterIssueTransitionDto,
  ): Promise<VoterIssue> {
    const { action, ...fields } = body;
    return this.present(await this.issues.transition(id, action, fields));
  }

  @Get(':id/updates')
  @Permission('voterIssue', 'show')
  @RequireScope('records:read')
  @ApiOperation({
    summary:
      '办理记录（时间顺序：谁、何时、何操作、状态变化、说明）/ the issue’s timeline, oldest first',
  })
  @ApiOkResponse({ schema: pageSchema('VoterIssueUpdate') })
  async timeline(@Param('id', IdPipe) id: number): Promise<Page<VoterIssueUpdate>> {
    return wholePage(await this.issues.timeline(id));
  }

  @Post(':id/reveal')
  @Permission('voterIssue', 'reveal')
  @RequireScope('personal:reveal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '查看选民完整个人信息（记入审计；需 personal:reveal）/ reveal the voter’s personal data (audited; personal:reveal)',
  })
  @ApiOkResponse({ schema: PERSONAL_DATA_SCHEMA })
  async reveal(@Param('id', IdPipe) id: number): Promise<VoterIssuePersonalData> {
    const issue = await this.issues.reveal(id, VOTER_PERSONAL_FIELDS);
    return {
      id: issue.id,
      voterName: issue.voterName,
      voterPhone: issue.voterPhone,
      voterAddress: issue.voterAddress,
    };
  }
}
