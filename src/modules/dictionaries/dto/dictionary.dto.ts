import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { ACTIVITY_CATEGORIES, type ActivityCategory } from '../dictionary-item.entity.js';

const CODE = /^[a-z][a-z0-9_]{0,49}$/;
const CODE_MESSAGE = {
  message: '$property must be lower-case letters, digits or _ (start with a letter)',
};

export class CreateDictionaryDto {
  @ApiProperty({ description: '编码（英文小写）/ code', example: 'issue_category' })
  @IsString()
  @Matches(CODE, CODE_MESSAGE)
  code: string;

  @ApiProperty({ description: '名称 / name', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '英文名称 / English name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nameEn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '说明 / description' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class UpdateDictionaryDto extends PartialType(CreateDictionaryDto) {}

export class ListDictionariesQuery extends PageQueryDto {}

export class CreateDictionaryItemDto {
  @ApiProperty({ description: '所属字典 / dictionary id' })
  @IsInt()
  @Min(1)
  dictionaryId: number;

  @ApiProperty({ description: '编码（英文小写）/ code', example: 'work_meeting' })
  @IsString()
  @Matches(CODE, CODE_MESSAGE)
  code: string;

  @ApiProperty({ description: '中文名称 / label', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '英文名称 / English label' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  labelEn?: string | null;

  @ApiPropertyOptional({
    description: '统计类别（仅活动类型）/ category, activity kinds only',
    enum: ACTIVITY_CATEGORIES,
  })
  @IsOptional()
  @IsIn(ACTIVITY_CATEGORIES)
  category?: ActivityCategory | null;

  @ApiPropertyOptional({ description: '排序 / sort order', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  sortOrder?: number;

  @ApiPropertyOptional({ description: '启用 / enabled', default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateDictionaryItemDto extends PartialType(CreateDictionaryItemDto) {}

export class ListDictionaryItemsQuery extends PageQueryDto {
  @IdFilter('按字典 / by dictionary id')
  dictionaryId?: number;
}
