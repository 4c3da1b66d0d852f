import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
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
import { PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import { DEPUTY_LEVELS, type DeputyLevel } from '../term.entity.js';

export class CreateTermDto {
  @ApiProperty({ description: '名称，如 区第十五届人民代表大会 / name', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: '级别 / level', enum: DEPUTY_LEVELS })
  @IsIn(DEPUTY_LEVELS)
  level: DeputyLevel;

  @ApiProperty({ description: '第几届 / ordinal', minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  ordinal: number;

  @ApiProperty({ description: '开始日期 / start date (YYYY-MM-DD)', example: '2016-11-01' })
  @IsLocalDate()
  startsOn: string;

  @ApiPropertyOptional({ type: String, description: '结束日期 / end date', nullable: true })
  @IsOptional()
  @IsLocalDate()
  endsOn?: string | null;
}

export class UpdateTermDto extends PartialType(CreateTermDto) {}

export class ListTermsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEPUTY_LEVELS })
  @IsOptional()
  @IsIn(DEPUTY_LEVELS)
  level?: DeputyLevel;
}
