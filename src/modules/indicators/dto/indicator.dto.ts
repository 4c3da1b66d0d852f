import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { INDICATOR_FREQUENCIES, type IndicatorFrequency } from '../indicator.entity.js';
import { VALUE_KINDS, type ValueKind } from '../indicator-value.entity.js';
import { INDICATOR_CODE } from '../indicator.rules.js';

export class CreateIndicatorDto {
  @ApiProperty({ description: '所属人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiProperty({
    description:
      '指标代码（小写字母、数字、下划线；导入表用它）/ code, e.g. fixed_asset_investment, industrial_output, operating_revenue, retail_sales_above_quota',
    example: 'fixed_asset_investment',
    maxLength: 64,
  })
  @IsString()
  @Matches(INDICATOR_CODE, {
    message: '指标代码须为小写字母开头的字母、数字、下划线 / code: a-z, 0-9, _',
  })
  code: string;

  @ApiProperty({ description: '指标名称 / name', example: '固定资产投资', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    description: '单位（亿元、万元、%、家…；只有百分比类单位可为负）/ unit',
    example: '亿元',
    maxLength: 20,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit: string;

  @ApiProperty({
    description: '频率：monthly 月度，quarterly 季度，yearly 年度 / frequency',
    enum: INDICATOR_FREQUENCIES,
  })
  @IsIn(INDICATOR_FREQUENCIES)
  frequency: IndicatorFrequency;

  @ApiPropertyOptional({ description: '启用 / enabled', default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: '排序 / sort order', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  sortOrder?: number;
}

export class UpdateIndicatorDto extends PartialType(CreateIndicatorDto) {}

export class ListIndicatorsQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @ApiPropertyOptional({ description: '指标代码 / code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({ enum: INDICATOR_FREQUENCIES })
  @IsOptional()
  @IsIn(INDICATOR_FREQUENCIES)
  frequency?: IndicatorFrequency;
}

export class CreateIndicatorValueDto {
  @ApiProperty({ description: '指标 / indicator id (its committee is the value’s)' })
  @IsInt()
  @Min(1)
  indicatorId: number;

  @ApiProperty({ description: '年份 / year', example: 2019, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({
    description:
      '期间：月度指标为月份 1–12，季度指标为季度 1–4，年度指标为 1 / period: month, quarter, or 1 for the year',
    example: 10,
    minimum: 1,
    maximum: 12,
  })
  @IsInt()
  @Min(1)
  @Max(12)
  period: number;

  @ApiProperty({
    description:
      '数值类型：cumulative 累计（年初至本期末，如 1–10月），period 当期（如 三季度）/ kind of value',
    enum: VALUE_KINDS,
  })
  @IsIn(VALUE_KINDS)
  kind: ValueKind;

  @ApiProperty({
    description: '数值（按指标单位；只有百分比类单位可为负）/ value in the indicator’s unit',
    example: 12.34,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  value: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      '同比增长 %（可不填：统计时按上年同期同类型数值计算）/ year-on-year %, optional (computed from last year when absent)',
    example: 8.5,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-1_000_000)
  @Max(1_000_000)
  yoyPercent?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '备注 / note' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class UpdateIndicatorValueDto extends PartialType(
  OmitType(CreateIndicatorValueDto, ['indicatorId'] as const),
) {}

export class ListIndicatorValuesQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @IdFilter('按指标 / by indicator')
  indicatorId?: number;

  @ApiPropertyOptional({ description: '按年份 / by year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: VALUE_KINDS })
  @IsOptional()
  @IsIn(VALUE_KINDS)
  kind?: ValueKind;
}

/** `?committeeId=` of the import template. */
export class ImportTemplateQuery {
  @ApiProperty({ description: '人大工委 / committee id' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  committeeId: number;
}

/** `?committeeId=&dryRun=` of an import. */
export class ImportValuesQuery extends ImportTemplateQuery {
  @ApiPropertyOptional({
    description:
      '试导入：true（默认）只检查并列出每个有问题的行，不写入；false 全部写入或全不写入 / dry run (default true)',
    enum: ['true', 'false'],
    default: 'true',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true
      ? true
      : value === 'false' || value === false
        ? false
        : value,
  )
  @IsBoolean()
  dryRun?: boolean;
}
