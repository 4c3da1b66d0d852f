import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import {
  ADOPTION_STATES,
  AGENDA_KINDS,
  type AdoptionState,
  type AgendaKind,
} from '../agenda-item.entity.js';

/** More votes than any congress has deputies; a typo beyond it is refused. */
const MAX_VOTES = 100_000;

/** An agenda item as sent inside a session (`agendaItems: [...]`): without its session. */
export class AgendaItemFieldsDto {
  @ApiProperty({
    description:
      '报告类别：governmentReport 政府工作报告，standingCommitteeReport 人大常委会工作报告，courtReport 法院工作报告，procuratorateReport 检察院工作报告，developmentPlan 国民经济和社会发展计划，budget 财政预算，other 其他 / kind of report',
    enum: AGENDA_KINDS,
  })
  @IsIn(AGENDA_KINDS)
  kind: AgendaKind;

  @ApiProperty({ description: '报告名称 / title of the report', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ description: '排序（小的在前）/ sort order', default: 0, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '决议名称，如 关于政府工作报告的决议 / title of the resolution',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  resolutionTitle?: string | null;

  @ApiPropertyOptional({
    description:
      '表决结果：yes 通过，no 未通过，notVoted 未表决（默认）/ adopted or not, or not voted',
    enum: ADOPTION_STATES,
    default: 'notVoted',
  })
  @IsOptional()
  @IsIn(ADOPTION_STATES)
  adopted?: AdoptionState;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: '赞成票 / for' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VOTES)
  votesFor?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    description: '反对票 / against',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VOTES)
  votesAgainst?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    description: '弃权票 / abstaining',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VOTES)
  votesAbstaining?: number | null;
}

/**
 * One row of a session's `agendaItems`: with the `id` of one of the session's items to change
 * it, without to add one.
 */
export class SessionAgendaItemDto extends AgendaItemFieldsDto {
  @ApiPropertyOptional({ description: '已有事项的编号（修改时）/ id of an existing item' })
  @IsOptional()
  @IsInt()
  @Min(1)
  id?: number;
}

export class CreateAgendaItemDto extends AgendaItemFieldsDto {
  @ApiProperty({ description: '代表大会会议 / plenary session id' })
  @IsInt()
  @Min(1)
  sessionId: number;
}

/** An item stays with its session: the session is not among the fields to change. */
export class UpdateAgendaItemDto extends PartialType(
  OmitType(CreateAgendaItemDto, ['sessionId'] as const),
) {}

export class ListAgendaItemsQuery extends PageQueryDto {
  @IdFilter('按代表大会会议 / by plenary session')
  sessionId?: number;

  @ApiPropertyOptional({ enum: AGENDA_KINDS, description: '按报告类别 / by kind' })
  @IsOptional()
  @IsIn(AGENDA_KINDS)
  kind?: AgendaKind;

  @ApiPropertyOptional({ enum: ADOPTION_STATES, description: '按表决结果 / by result' })
  @IsOptional()
  @IsIn(ADOPTION_STATES)
  adopted?: AdoptionState;
}
