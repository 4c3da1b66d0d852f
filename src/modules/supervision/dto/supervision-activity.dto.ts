import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';

/** Findings are a TEXT column: 16,000 characters always fit in utf8mb4 (see activity summary). */
export const FINDINGS_MAX_LENGTH = 16_000;

export class CreateSupervisionActivityDto {
  @ApiProperty({
    description:
      '代表活动（类型须属于监督类，如视察、调研、执法检查；一个活动只能有一条监督记录）/ the core activity, of a supervision kind; one supervision record per activity',
  })
  @IsInt()
  @Min(1)
  activityId: number;

  @ApiProperty({
    description:
      '监督领域（字典 supervision_area 中启用的条目）/ supervision area (dictionary item)',
  })
  @IsInt()
  @Min(1)
  areaId: number;

  @ApiProperty({ description: '主题 / subject', maxLength: 200, example: '辖区重点项目建设情况' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '发现的问题 / findings',
    maxLength: FINDINGS_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(FINDINGS_MAX_LENGTH)
  findings?: string | null;
}

export class UpdateSupervisionActivityDto extends PartialType(CreateSupervisionActivityDto) {}

export class ListSupervisionActivitiesQuery extends PageQueryDto {
  @IdFilter('按代表活动 / by activity')
  activityId?: number;

  @IdFilter('按监督领域 / by supervision area')
  areaId?: number;
}
