import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import {
  OPINION_ACTIONS,
  OPINION_STATUSES,
  type OpinionAction,
  type OpinionStatus,
} from '../opinion.rules.js';

export const OPINION_CONTENT_MAX_LENGTH = 16_000;
export const NOTE_MAX_LENGTH = 4_000;

export class CreateOpinionDto {
  @ApiProperty({ description: '提出意见的监督活动 / the supervision activity it was raised in' })
  @IsInt()
  @Min(1)
  supervisionActivityId: number;

  @ApiProperty({
    description: '意见建议内容 / content',
    maxLength: OPINION_CONTENT_MAX_LENGTH,
    example: '加快推进老旧小区改造项目进度',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(OPINION_CONTENT_MAX_LENGTH)
  content: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: '责任单位（可在交办时填写）/ responsible unit (or given when assigning)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  responsibleUnit?: string | null;

  @ApiPropertyOptional({
    description:
      '提出日期，默认为监督活动当天，不得早于活动日期 / raise date (YYYY-MM-DD), by default the activity’s day, never before it',
    example: '2019-04-10',
  })
  @IsOptional()
  @IsLocalDate()
  raisedOn?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '办理期限，不得早于提出日期 / due date (YYYY-MM-DD), not before the raise date',
    example: '2019-06-30',
  })
  @IsOptional()
  @IsLocalDate()
  dueOn?: string | null;
}

export class UpdateOpinionDto extends PartialType(CreateOpinionDto) {
  @ApiPropertyOptional({
    enum: OPINION_STATUSES,
    description:
      '办理状态只能通过流转修改（POST /opinions/{id}/transitions）；原样回传可接受，修改则 409 WORKFLOW_FIELD / the status changes only by a transition; sent unchanged it is accepted, changed it answers 409 WORKFLOW_FIELD',
  })
  @IsOptional()
  @IsIn(OPINION_STATUSES)
  status?: OpinionStatus;
}

export class ListOpinionsQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @IdFilter('按监督活动 / by supervision activity')
  supervisionActivityId?: number;

  @ApiPropertyOptional({ enum: OPINION_STATUSES, description: '按办理状态 / by status' })
  @IsOptional()
  @IsIn(OPINION_STATUSES)
  status?: OpinionStatus;
}

export class OpinionTransitionDto {
  @ApiProperty({
    enum: OPINION_ACTIONS,
    description:
      '流转操作：assign 交办（open→assigned，须有责任单位与办理期限）、start 开始办理（assigned→inProgress）、finish 办结（inProgress→done，须填办结日期）、close 关闭（未办结时，须填原因）/ the step',
  })
  @IsIn(OPINION_ACTIONS)
  action: OpinionAction;

  @ApiPropertyOptional({
    maxLength: 200,
    description: '责任单位（交办）/ responsible unit (assign)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  responsibleUnit?: string;

  @ApiPropertyOptional({
    description: '办理期限（交办）/ due date (assign)',
    example: '2019-06-30',
  })
  @IsOptional()
  @IsLocalDate()
  dueOn?: string;

  @ApiPropertyOptional({
    description: '办结日期，不早于提出日期、不晚于今天（办结）/ completion date (finish)',
    example: '2019-06-20',
  })
  @IsOptional()
  @IsLocalDate()
  completedOn?: string;

  @ApiPropertyOptional({ maxLength: 500, description: '关闭原因（关闭）/ reason (close)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    maxLength: NOTE_MAX_LENGTH,
    description: '办理说明，记入办理进展 / a note for the timeline',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;
}

export class OpinionNoteDto {
  @ApiProperty({
    maxLength: NOTE_MAX_LENGTH,
    description: '办理进展说明 / the note',
    example: '责任单位已完成现场踏勘',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTE_MAX_LENGTH)
  note: string;
}
