import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';

export class CreateDeputyGroupDto {
  @ApiProperty({ description: '名称，如 第一代表小组 / name', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: '所属人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: '备注 / note', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class UpdateDeputyGroupDto extends PartialType(CreateDeputyGroupDto) {}

export class ListDeputyGroupsQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;
}
