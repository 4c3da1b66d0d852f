import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import { AmountField } from './fields.js';

export class CreateProjectProgressDto {
  @ApiProperty({ description: '重大项目 / key project id' })
  @IsInt()
  @Min(1)
  projectId: number;

  @ApiProperty({
    description: '截至日期，须在项目年度内 / as of (YYYY-MM-DD), within the project’s year',
    example: '2019-09-30',
  })
  @IsLocalDate()
  asOf: string;

  @AmountField(
    '年度内累计完成投资（万元，≥ 0）/ completed investment in the year up to the date, 万元',
  )
  completedInvestment: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '进展情况 / note',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

/** A snapshot moved to another project must still fall in that project's year and scope. */
export class UpdateProjectProgressDto extends PartialType(CreateProjectProgressDto) {}

export class ListProjectProgressQuery extends PageQueryDto {
  @IdFilter('按重大项目 / by key project')
  projectId?: number;
}
