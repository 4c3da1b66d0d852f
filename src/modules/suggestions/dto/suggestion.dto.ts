import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import {
  REPLY_CLASSES,
  SUGGESTION_ACTIONS,
  SUGGESTION_EVALUATIONS,
  SUGGESTION_STATUSES,
  type ReplyClass,
  type SuggestionAction,
  type SuggestionEvaluation,
  type SuggestionStatus,
} from '../suggestion.rules.js';

export const SUGGESTION_CONTENT_MAX_LENGTH = 16_000;
export const NOTE_MAX_LENGTH = 4_000;
/** The most co-signers or co-units one suggestion lists. */
export const MAX_CO_RECORDS = 100;

export class CreateSuggestionDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 40,
    description: '建议编号（同一人大工委内唯一）/ number, unique within the committee',
    example: '第15号',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  number?: string | null;

  @ApiProperty({
    description: '标题 / title',
    maxLength: 200,
    example: '关于加快老旧小区加装电梯的建议',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    description: '内容（一事一议）/ content, one matter',
    maxLength: SUGGESTION_CONTENT_MAX_LENGTH,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUGGESTION_CONTENT_MAX_LENGTH)
  content: string;

  @ApiProperty({
    description:
      '领衔代表（其所属人大工委即建议的人大工委）/ lead deputy; their committee is the suggestion’s',
  })
  @IsInt()
  @Min(1)
  leadDeputyId: number;

  @ApiPropertyOptional({
    type: [Number],
    description:
      '附议代表（同一人大工委，不重复，不含领衔代表；修改时整体替换）/ co-signers: same committee, no duplicates, not the lead deputy; replaced as a whole',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CO_RECORDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  coSignerIds?: number[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      '大会期间提出的会议（代表大会会议）；闭会期间提出则为空 / the congress session it was raised at; empty between sessions',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  plenarySessionId?: number | null;

  @ApiPropertyOptional({
    description:
      '提出日期，默认为会议开幕日或今天 / raise date (YYYY-MM-DD), by default the session’s first day or today',
    example: '2025-01-10',
  })
  @IsOptional()
  @IsLocalDate()
  raisedOn?: string;

  @ApiPropertyOptional({
    description:
      '登记日期，默认为提出日期；交办期限自此起算 / registration date, by default the raise date',
    example: '2025-01-12',
  })
  @IsOptional()
  @IsLocalDate()
  registeredOn?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '问题类别（数据字典 issue_category）/ category (dictionary issue_category)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  categoryId?: number | null;
}

export class UpdateSuggestionDto extends PartialType(CreateSuggestionDto) {}

export class ListSuggestionsQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES, description: '按办理状态 / by status' })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES)
  status?: SuggestionStatus;

  @IdFilter('按领衔代表 / by lead deputy')
  leadDeputyId?: number;

  @IdFilter('按主办单位 / by lead unit')
  leadUnitId?: number;

  @IdFilter('按代表大会会议 / by congress session')
  plenarySessionId?: number;

  @IdFilter('按问题类别 / by category')
  categoryId?: number;
}

export class SuggestionTransitionDto {
  @ApiProperty({
    enum: SUGGESTION_ACTIONS,
    description:
      '流转操作：assign 交办（待交办/已退回→办理中，须有主办单位）、return 退回（交办后 7 个工作日内，须填理由）、extend 申请延期（仅一次，最长 3 个月，须填批准人与批准日期）、reply 答复（须填答复内容与类别 A/B/C/D）、evaluate 评价（不满意→重新办理；满意/基本满意：A、D 办结，B、C 跟踪落实）、solve 办结（跟踪落实的建议已解决）/ the step',
  })
  @IsIn(SUGGESTION_ACTIONS)
  action: SuggestionAction;

  @ApiPropertyOptional({
    description: '交办日期，默认今天（交办）/ assignment date (assign)',
    example: '2025-02-10',
  })
  @IsOptional()
  @IsLocalDate()
  assignedOn?: string;

  @ApiPropertyOptional({ description: '主办单位（交办）/ lead unit (assign)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  leadUnitId?: number;

  @ApiPropertyOptional({
    type: [Number],
    description: '会办单位（交办；不重复、不含主办单位）/ co-handling units (assign)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CO_RECORDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  coUnitIds?: number[];

  @ApiPropertyOptional({ description: '退回日期，默认今天（退回）/ return date (return)' })
  @IsOptional()
  @IsLocalDate()
  returnedOn?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description: '理由（退回、申请延期）/ reason (return, extend)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    description:
      '延期后的答复期限，最多比原期限晚 3 个月（申请延期）/ the new reply due date (extend)',
  })
  @IsOptional()
  @IsLocalDate()
  dueOn?: string;

  @ApiPropertyOptional({ maxLength: 100, description: '批准人（申请延期）/ approved by (extend)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  approvedBy?: string;

  @ApiPropertyOptional({ description: '批准日期（申请延期）/ approval date (extend)' })
  @IsOptional()
  @IsLocalDate()
  approvedOn?: string;

  @ApiPropertyOptional({ description: '答复日期，默认今天（答复）/ reply date (reply)' })
  @IsOptional()
  @IsLocalDate()
  repliedOn?: string;

  @ApiPropertyOptional({
    maxLength: SUGGESTION_CONTENT_MAX_LENGTH,
    description: '答复内容（答复）/ reply text (reply)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUGGESTION_CONTENT_MAX_LENGTH)
  replyText?: string;

  @ApiPropertyOptional({
    enum: REPLY_CLASSES,
    description:
      '答复类别：A 已解决、B 正在解决、C 计划解决、D 留作参考（答复）/ reply class (reply)',
  })
  @IsOptional()
  @IsIn(REPLY_CLASSES)
  replyClass?: ReplyClass;

  @ApiPropertyOptional({
    enum: SUGGESTION_EVALUATIONS,
    description:
      '代表评价：satisfied 满意、basicallySatisfied 基本满意、dissatisfied 不满意（评价）/ evaluation',
  })
  @IsOptional()
  @IsIn(SUGGESTION_EVALUATIONS)
  evaluation?: SuggestionEvaluation;

  @ApiPropertyOptional({ description: '评价日期，默认今天（评价）/ evaluation date (evaluate)' })
  @IsOptional()
  @IsLocalDate()
  evaluatedOn?: string;

  @ApiPropertyOptional({ description: '解决日期，默认今天（办结）/ solved date (solve)' })
  @IsOptional()
  @IsLocalDate()
  solvedOn?: string;

  @ApiPropertyOptional({
    maxLength: NOTE_MAX_LENGTH,
    description: '说明，记入办理过程 / a note for the timeline',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;
}

export class SuperviseSuggestionDto {
  @ApiProperty({
    maxLength: NOTE_MAX_LENGTH,
    description: '督办意见 / the supervision note',
    example: '请承办单位加快推进，月底前反馈进展',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTE_MAX_LENGTH)
  note: string;

  @ApiPropertyOptional({ description: '督办日期，默认今天 / date, by default today' })
  @IsOptional()
  @IsLocalDate()
  supervisedOn?: string;
}
