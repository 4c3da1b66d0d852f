import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import { PROJECT_STAGES, type ProjectStage } from '../projects.rules.js';
import { AmountField, YearField, YearFilter } from './fields.js';

export class CreateKeyProjectDto {
  @ApiProperty({ description: '所属人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiProperty({
    description: '项目名称（同一工委同一年度唯一）/ name, unique per committee and year',
    maxLength: 200,
    example: '城南污水处理厂提标改造工程',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @YearField('年度 / year')
  year: number;

  @ApiProperty({
    description:
      '项目阶段：plannedStart 拟开工，continuing 续建，preliminary 前期，proposed 谋划 / stage',
    enum: PROJECT_STAGES,
  })
  @IsIn(PROJECT_STAGES)
  stage: ProjectStage;

  @AmountField('年度计划投资（万元，≥ 0，两位小数）/ planned investment for the year, 万元')
  plannedInvestment: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '业主/责任单位 / owner or responsible unit',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  owner?: string | null;

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

export class UpdateKeyProjectDto extends PartialType(CreateKeyProjectDto) {}

export class ListKeyProjectsQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @YearFilter()
  year?: number;

  @ApiPropertyOptional({ enum: PROJECT_STAGES, description: '按项目阶段 / by stage' })
  @IsOptional()
  @IsIn(PROJECT_STAGES)
  stage?: ProjectStage;
}

export class CompletionQuery {
  @ApiPropertyOptional({
    description:
      '截至日期（默认今天，且不晚于项目年度的 12 月 31 日）/ as of this date (default today, at most 31 December of the project’s year)',
    example: '2019-09-30',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

/** 投资完成率: one project's completion as of a date (projects.rules.ts `completionAsOf`). */
export class KeyProjectCompletion {
  @ApiProperty()
  projectId: number;

  @ApiProperty({ example: 2019 })
  year: number;

  @ApiProperty({ format: 'date', example: '2019-09-30' })
  asOf: string;

  @ApiProperty({ description: '年度计划投资（万元）/ planned, 万元', example: '12000.00' })
  plannedInvestment: string;

  @ApiProperty({
    description: '截至该日的累计完成投资（万元；无进度记录时为 0）/ completed as of the date, 万元',
    example: '9000.00',
  })
  completedInvestment: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: '计入的进度记录 / the snapshot counted (latest on or before the date)',
  })
  snapshotId: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  snapshotAsOf: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: '完成率 %，一位小数；计划投资为 0 时为 null / percentage, null when planned is 0',
    example: 75,
  })
  percentage: number | null;
}
