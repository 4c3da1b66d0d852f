import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate, MAX_YEAR, MIN_YEAR } from '../../../common/validation.js';

export class CreateStationStandardItemDto {
  @ApiProperty({ description: '条目 / item', maxLength: 100, example: '有场所' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '说明 / description' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ description: '分值（≥ 0）/ weight', example: 11 })
  @IsInt()
  @Min(0)
  @Max(1000)
  weight: number;

  @ApiPropertyOptional({ description: '需佐证材料 / evidence required', default: false })
  @IsOptional()
  @IsBoolean()
  evidenceRequired?: boolean;

  @ApiPropertyOptional({ description: '排序 / sort order', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  sortOrder?: number;

  @ApiPropertyOptional({ description: '启用（新的考评只用启用的条目）/ enabled', default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateStationStandardItemDto extends PartialType(CreateStationStandardItemDto) {}

export class ListStationStandardItemsQuery extends PageQueryDto {}

export class AssessmentItemDto {
  @ApiProperty({ description: '建站标准条目 / standard item id' })
  @IsInt()
  @Min(1)
  standardItemId: number;

  @ApiProperty({ description: '是否达到 / met' })
  @IsBoolean()
  met: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '佐证说明 / evidence',
    maxLength: 4000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  evidence?: string | null;
}

export class CreateStationAssessmentDto {
  @ApiProperty({ description: '联络站 / station id' })
  @IsInt()
  @Min(1)
  stationId: number;

  @ApiProperty({ description: '年度（每站每年一次）/ year, one per station', example: 2020 })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: '考评日期 / assessed on' })
  @IsOptional()
  @IsLocalDate()
  assessedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '备注 / notes' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @ApiPropertyOptional({
    type: () => AssessmentItemDto,
    isArray: true,
    description:
      '各条目的考评结果：新建时为每个启用的标准条目建一行（未列出的记为未达到），与考评在同一事务中保存；修改时只改列出的条目 / per item: on create one row per enabled standard item (unlisted ones not met), in the same transaction; on update only the items listed change',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AssessmentItemDto)
  items?: AssessmentItemDto[];
}

export class UpdateStationAssessmentDto extends PartialType(
  OmitType(CreateStationAssessmentDto, ['stationId', 'year'] as const),
) {}

export class ListStationAssessmentsQuery extends PageQueryDto {
  @IdFilter('按联络站 / by station')
  stationId?: number;

  @ApiPropertyOptional({ description: '按年度 / by year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;
}
