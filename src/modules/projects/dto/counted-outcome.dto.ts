import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { OUTCOME_STATUSES, type OutcomeStatus } from '../projects.rules.js';
import { AmountField, YearField, YearFilter } from './fields.js';

export class CreateCountedOutcomeDto {
  @ApiProperty({ description: '所属人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @YearField('年度 / year')
  year: number;

  @ApiProperty({
    description: '成效名称 / what was counted',
    maxLength: 200,
    example: '清理"散乱污"企业',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @AmountField('数量或金额（≥ 0，两位小数）/ value')
  value: number;

  @ApiProperty({ description: '单位，如 家、个、万元、份 / unit', maxLength: 16, example: '家' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  unit: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '社区/村（须属同一人大工委）/ community of the same committee',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '来源活动（须属同一人大工委）/ source activity of the same committee',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  activityId?: number | null;

  @ApiPropertyOptional({
    description: '状态：planned 计划，inProgress 进行中，done 已完成（默认）/ status',
    enum: OUTCOME_STATUSES,
    default: 'done',
  })
  @IsOptional()
  @IsIn(OUTCOME_STATUSES)
  status?: OutcomeStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '备注 / note',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class UpdateCountedOutcomeDto extends PartialType(CreateCountedOutcomeDto) {}

export class ListCountedOutcomesQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @YearFilter()
  year?: number;

  @IdFilter('按社区/村 / by community')
  communityId?: number;

  @IdFilter('按来源活动 / by source activity')
  activityId?: number;

  @ApiPropertyOptional({ enum: OUTCOME_STATUSES, description: '按状态 / by status' })
  @IsOptional()
  @IsIn(OUTCOME_STATUSES)
  status?: OutcomeStatus;
}
