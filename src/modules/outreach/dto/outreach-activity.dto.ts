import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';

export const NOTES_MAX_LENGTH = 16_000;
/** A count far beyond any one visit or forum: a typo, not a record. */
const MAX_COUNT = 100_000;

export class CreateOutreachActivityDto {
  @ApiProperty({
    description:
      '代表活动（类型须属于联系选民类：走访选民、选民座谈会；一个活动只能有一条记录；参加代表即活动的出席）/ the core activity, of an outreach kind; one record per activity; its attendance is the deputies',
  })
  @IsInt()
  @Min(1)
  activityId: number;

  @ApiProperty({ description: '联系选民人数（≥0）/ voters reached', example: 36, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  votersReached: number;

  @ApiPropertyOptional({
    description: '参加的有关部门人员数（≥0，默认 0）/ officials taking part',
    example: 3,
    minimum: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  officialsCount?: number;

  @ApiPropertyOptional({
    description:
      '参加的居民群众人数（选民以外，≥0，默认 0）/ residents taking part besides the voters',
    example: 10,
    minimum: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  residentsCount?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    description: '其他参加人员说明 / who the other participants were',
    example: '街道城管科、社区居委会负责同志',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  otherParticipantsNote?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: NOTES_MAX_LENGTH,
    description: '情况记录 / notes',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NOTES_MAX_LENGTH)
  notes?: string | null;
}

export class UpdateOutreachActivityDto extends PartialType(CreateOutreachActivityDto) {}

export class ListOutreachActivitiesQuery extends PageQueryDto {
  @IdFilter('按代表活动 / by activity')
  activityId?: number;
}
