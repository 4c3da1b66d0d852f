import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import {
  SATISFACTIONS,
  VOTER_ISSUE_SOURCES,
  VOTER_ISSUE_STATUSES,
  VOTER_ISSUE_STEPS,
  type Satisfaction,
  type VoterIssueSource,
  type VoterIssueStatus,
  type VoterIssueStep,
} from '../voter-issue.rules.js';

export const DESCRIPTION_MAX_LENGTH = 16_000;
export const NOTE_MAX_LENGTH = 4_000;
const PHONE = /^[0-9+\-\s()]{5,30}$/;

export class CreateVoterIssueDto {
  @ApiProperty({ description: '所属人大工委 / committee' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiProperty({
    enum: VOTER_ISSUE_SOURCES,
    description:
      '来源：visit 走访、forum 座谈会、reception 联络站接待、phone 电话、online 网络 / source',
  })
  @IsIn(VOTER_ISSUE_SOURCES)
  source: VoterIssueSource;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      '收集时的代表活动（走访、座谈会须为联系选民类活动，联络站接待须为联络站类活动，同一工委）/ the activity it was collected at: an outreach activity for a visit or forum, a station activity for a reception, of the same committee',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  activityId?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 50,
    description: '选民姓名（个人信息，加密存储，脱敏显示）/ voter name (personal data)',
    example: '王某某',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  voterName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '联系电话（个人信息，加密存储，脱敏显示）/ phone (personal data)',
    example: '13812341234',
  })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: '电话号码格式不正确 / not a phone number' })
  voterPhone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: '住址（个人信息，加密存储，脱敏显示）/ address (personal data)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  voterAddress?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '社区/村（同一工委）/ community, of the same committee',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '收集代表（同一工委）/ the deputy who collected it, of the same committee',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  deputyId?: number | null;

  @ApiProperty({
    description: '问题类别（字典 issue_category 中启用的条目）/ category (dictionary item)',
  })
  @IsInt()
  @Min(1)
  categoryId: number;

  @ApiProperty({
    description: '问题描述 / description',
    maxLength: DESCRIPTION_MAX_LENGTH,
    example: '小区门口路灯损坏，夜间出行不便',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  description: string;

  @ApiPropertyOptional({
    description: '受理日期，默认今天，不晚于今天 / received on (YYYY-MM-DD), today by default',
    example: '2019-05-15',
  })
  @IsOptional()
  @IsLocalDate()
  receivedOn?: string;
}

export class UpdateVoterIssueDto extends PartialType(CreateVoterIssueDto) {
  @ApiPropertyOptional({
    enum: VOTER_ISSUE_STATUSES,
    description:
      '办理状态只能通过流转修改（POST /voter-issues/{id}/transitions）；原样回传可接受，修改则 409 WORKFLOW_FIELD / the status changes only by a transition',
  })
  @IsOptional()
  @IsIn(VOTER_ISSUE_STATUSES)
  status?: VoterIssueStatus;
}

export class ListVoterIssuesQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @IdFilter('按社区/村 / by community')
  communityId?: number;

  @IdFilter('按收集代表 / by deputy')
  deputyId?: number;

  @IdFilter('按问题类别 / by category')
  categoryId?: number;

  @IdFilter('按收集活动 / by activity')
  activityId?: number;

  @IdFilter('按代表建议 / by suggestion')
  suggestionId?: number;

  @ApiPropertyOptional({ enum: VOTER_ISSUE_STATUSES, description: '按办理状态 / by status' })
  @IsOptional()
  @IsIn(VOTER_ISSUE_STATUSES)
  status?: VoterIssueStatus;

  @ApiPropertyOptional({ enum: VOTER_ISSUE_SOURCES, description: '按来源 / by source' })
  @IsOptional()
  @IsIn(VOTER_ISSUE_SOURCES)
  source?: VoterIssueSource;

  @ApiPropertyOptional({ description: '按电话精确查找 / exact phone', example: '13812341234' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  voterPhone?: string;
}

/** A new suggestion made from the issue (转为代表建议): its title and content. */
export class EscalationSuggestionDto {
  @ApiProperty({
    description: '建议标题 / title',
    maxLength: 200,
    example: '关于修复小区路灯的建议',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    description: '建议内容，默认为问题描述 / content, the issue’s description by default',
    maxLength: DESCRIPTION_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  content?: string;

  @ApiPropertyOptional({
    description: '领衔代表，默认为收集代表 / lead deputy, the collecting deputy by default',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  leadDeputyId?: number;
}

export class VoterIssueTransitionDto {
  @ApiProperty({
    enum: VOTER_ISSUE_STEPS,
    description:
      '流转操作：answer 当场答复（须填 resolution）、refer 转交办理（须有 handlingUnitId 与 dueOn）、resolve 解决（须填 resolution）、escalate 转为代表建议（suggestionId 关联已有建议，或 suggestion 新建）、decline 不予采纳（须填 reason）、feedback 反馈选民（办结后一次，须填 satisfaction，不改变办理结果）/ the step',
  })
  @IsIn(VOTER_ISSUE_STEPS)
  action: VoterIssueStep;

  @ApiPropertyOptional({
    description:
      '办理日期，默认今天，不早于受理日期、不晚于今天 / the step’s date, today by default',
    example: '2019-05-20',
  })
  @IsOptional()
  @IsLocalDate()
  on?: string;

  @ApiPropertyOptional({
    maxLength: DESCRIPTION_MAX_LENGTH,
    description: '答复内容 / 解决情况（answer、resolve）/ what was answered or done',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  resolution?: string;

  @ApiPropertyOptional({ description: '承办单位（refer）/ handling unit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  handlingUnitId?: number;

  @ApiPropertyOptional({ description: '办理期限（refer）/ due date', example: '2019-06-30' })
  @IsOptional()
  @IsLocalDate()
  dueOn?: string;

  @ApiPropertyOptional({ description: '关联已有代表建议（escalate）/ an existing suggestion' })
  @IsOptional()
  @IsInt()
  @Min(1)
  suggestionId?: number;

  @ApiPropertyOptional({
    type: EscalationSuggestionDto,
    description: '新建代表建议（escalate）/ a new suggestion made from the issue',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EscalationSuggestionDto)
  suggestion?: EscalationSuggestionDto;

  @ApiPropertyOptional({ maxLength: 500, description: '不予采纳理由（decline）/ reason' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    enum: SATISFACTIONS,
    description:
      '选民满意度（feedback）：satisfied 满意、basicallySatisfied 基本满意、dissatisfied 不满意 / satisfaction',
  })
  @IsOptional()
  @IsIn(SATISFACTIONS)
  satisfaction?: Satisfaction;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: '说明，记入办理记录（feedback 时为反馈说明）/ a note for the timeline',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** The voter's personal data, unmasked (reveal). */
export class VoterIssuePersonalData {
  @ApiProperty()
  id: number;

  @ApiProperty({ type: String, nullable: true })
  voterName: string | null;

  @ApiProperty({ type: String, nullable: true })
  voterPhone: string | null;

  @ApiProperty({ type: String, nullable: true })
  voterAddress: string | null;
}
