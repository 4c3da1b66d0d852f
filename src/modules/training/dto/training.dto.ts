import { applyDecorators } from '@nestjs/common';
import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  OmitType,
  PartialType,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import { MAX_SESSION_HOURS } from '../training.rules.js';

/** The years a plan or a filter may name (as the overview's). */
const MIN_PLAN_YEAR = 2000;
const MAX_PLAN_YEAR = 2100;

export class CreateStudySessionDto {
  @ApiProperty({
    description:
      '所属活动：学习培训类（category training）的代表活动，学习形式即其活动类型；每个活动至多一条 / ' +
      'the core activity, of a training kind (its kind is the study form); one session per activity',
  })
  @IsInt()
  @Min(1)
  activityId: number;

  @ApiProperty({
    description: '学习主题 / topic',
    maxLength: 200,
    example: '学习党的十九届四中全会精神',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  topic: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    description: '主讲人（观看专题片、自学可空）/ speaker (none for a documentary or self-study)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  speakerName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: '主讲人职务或单位 / speaker’s title or organisation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  speakerTitle?: string | null;

  @ApiProperty({
    description: `学时，大于 0，至多 ${MAX_SESSION_HOURS}，两位小数 / hours, > 0, at most ${MAX_SESSION_HOURS}, two decimals`,
    // No example: the entity's schema borrows it, and answers hours as decimal text ('2.50').
    type: Number,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(MAX_SESSION_HOURS)
  hours: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: '备注 / note' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/** The activity a session extends is fixed: delete the session and record it again to move it. */
export class UpdateStudySessionDto extends PartialType(
  OmitType(CreateStudySessionDto, ['activityId'] as const),
) {}

/** An optional `?year=`: a calendar year of the activities (or plans) listed. */
const YearFilter = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description, minimum: MIN_PLAN_YEAR, maximum: MAX_PLAN_YEAR }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(MIN_PLAN_YEAR),
    Max(MAX_PLAN_YEAR),
  );

export class ListStudySessionsQuery extends PageQueryDto {
  @IdFilter('按人大工委（活动所属）/ by committee of the activity')
  committeeId?: number;

  @IdFilter('按活动 / by activity')
  activityId?: number;

  @YearFilter('年度（活动开始时间所在的日历年，APP_TIMEZONE）/ calendar year of the activity')
  year?: number;
}

export class CreateStudyPlanDto {
  @ApiProperty({ description: '人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiProperty({
    description: '年度（每个人大工委每年一份）/ year, one plan per committee and year',
    example: 2019,
    minimum: MIN_PLAN_YEAR,
    maximum: MAX_PLAN_YEAR,
  })
  @IsInt()
  @Min(MIN_PLAN_YEAR)
  @Max(MAX_PLAN_YEAR)
  year: number;

  @ApiProperty({ description: '计划名称 / title', maxLength: 200, example: '2019年代表学习计划' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: '备注 / note' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class UpdateStudyPlanDto extends PartialType(CreateStudyPlanDto) {}

export class ListStudyPlansQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @YearFilter('年度 / year')
  year?: number;
}

export class CreateStudyPlanItemDto {
  @ApiProperty({ description: '学习计划 / plan id' })
  @IsInt()
  @Min(1)
  planId: number;

  @ApiProperty({ description: '计划月份 1–12 / month', minimum: 1, maximum: 12, example: 3 })
  @IsInt()
  @Min(1)
  @Max(12)
  month: number;

  @ApiProperty({
    description: '计划主题 / planned topic',
    maxLength: 200,
    example: '学习《代表法》',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  topic: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      '落实该条目的学习培训（须与计划同一人大工委、同一年度）/ the study session that fulfilled it (same committee and year as the plan)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  studySessionId?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: '备注 / note' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/** An item stays in its plan. */
export class UpdateStudyPlanItemDto extends PartialType(
  OmitType(CreateStudyPlanItemDto, ['planId'] as const),
) {}

export class ListStudyPlanItemsQuery extends PageQueryDto {
  @IdFilter('按学习计划 / by plan')
  planId?: number;

  @IdFilter('按落实的学习培训 / by study session')
  studySessionId?: number;
}

class PeriodQuery {
  @ApiProperty({
    description: '起始日期（含）/ from date, inclusive (YYYY-MM-DD)',
    example: '2019-01-01',
  })
  @IsLocalDate()
  from: string;

  @ApiProperty({
    description: '截止日期（含）/ to date, inclusive (YYYY-MM-DD)',
    example: '2019-12-31',
  })
  @IsLocalDate()
  to: string;
}

/** 代表学习情况: the deputies of one committee, a page at a time, over a period. */
export class StudyParticipationQuery extends IntersectionType(PageQueryDto, PeriodQuery) {
  @ApiProperty({ description: '人大工委（须在密钥范围内）/ committee id, within the key’s scope' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  committeeId: number;
}
