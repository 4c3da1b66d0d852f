import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import { SessionAgendaItemDto } from './agenda-item.dto.js';

export class CreatePlenarySessionDto {
  @ApiProperty({
    description:
      '关联的代表活动（类型须属于“代表大会”类别，如 人民代表大会会议）；代表出席情况登记为该活动的出席记录 / the activity (kind of the plenary category) whose attendance is the deputies’ attendance',
  })
  @IsInt()
  @Min(1)
  activityId: number;

  @ApiProperty({ description: '届次（见 /api/v1/terms）/ term id' })
  @IsInt()
  @Min(1)
  termId: number;

  @ApiProperty({ description: '第几次会议 / session number', minimum: 1, example: 3 })
  @IsInt()
  @Min(1)
  @Max(999)
  sessionNumber: number;

  @ApiProperty({ description: '开始日期 / first day (YYYY-MM-DD)', example: '2020-01-08' })
  @IsLocalDate()
  startsOn: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '结束日期（不早于开始日期）/ last day (YYYY-MM-DD), not before the first',
    example: '2020-01-10',
  })
  @IsOptional()
  @IsLocalDate()
  endsOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '地点 / place',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string | null;

  @ApiPropertyOptional({
    type: () => SessionAgendaItemDto,
    isArray: true,
    description:
      '审议事项（可选）：与会议在同一事务中保存，任何一条有误则什么都不保存（错误指明 agendaItems.N.字段）；修改时以提交的列表为准——带 id 的更新，不带 id 的新增，未列出的删除 / agenda items (optional), written in the session’s transaction — one bad row and nothing is saved (errors name agendaItems.N.field); on update the list sent becomes the agenda: rows with an id are changed, rows without are added, items not listed are deleted',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SessionAgendaItemDto)
  agendaItems?: SessionAgendaItemDto[];
}

export class UpdatePlenarySessionDto extends PartialType(CreatePlenarySessionDto) {}

export class ListPlenarySessionsQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @IdFilter('按届次 / by term')
  termId?: number;

  @ApiPropertyOptional({ description: '开始日期所在年度 / year of the first day', example: 2020 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
