import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';

export class CreateReceptionDto {
  @ApiProperty({
    description:
      '代表活动（类型须为联络站类，如接待日；须属于联络站的工委；一个活动只能有一条接待记录）/ the core activity, of a station kind, of the station’s committee; one reception per activity',
  })
  @IsInt()
  @Min(1)
  activityId: number;

  @ApiProperty({ description: '联络站 / station id' })
  @IsInt()
  @Min(1)
  stationId: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '公告日期（提前公告天数 = 活动日期 − 公告日期）/ the day it was announced',
    example: '2020-03-02',
  })
  @IsOptional()
  @IsLocalDate()
  announcedOn?: string | null;

  @ApiPropertyOptional({
    description: '接待选民人数（≥ 0）/ voters received',
    default: 0,
    example: 12,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  votersReceived?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '接待情况 / notes',
    maxLength: 16000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(16_000)
  notes?: string | null;
}

export class UpdateReceptionDto extends PartialType(CreateReceptionDto) {}

export class ListReceptionsQuery extends PageQueryDto {
  @IdFilter('按联络站 / by station')
  stationId?: number;

  @IdFilter('按代表活动 / by activity')
  activityId?: number;
}
