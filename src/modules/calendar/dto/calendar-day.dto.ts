import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
import type { CalendarDayKind } from '../../../common/working-days.rules.js';
import { CALENDAR_DAY_KINDS } from '../calendar-day.entity.js';

export class CreateCalendarDayDto {
  @ApiProperty({
    description:
      '日期（只登记例外：周一至周五放假，或周末调休上班）/ date: a weekday off or a weekend day on',
    format: 'date',
    example: '2026-10-05',
  })
  @IsLocalDate()
  date: string;

  @ApiProperty({
    description: '类型：holiday 法定节假日（放假），workday 调休上班 / kind',
    enum: CALENDAR_DAY_KINDS,
    example: 'holiday',
  })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;

  @ApiProperty({ description: '节日名称 / holiday name', example: '国庆节', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '备注 / note', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class UpdateCalendarDayDto extends PartialType(CreateCalendarDayDto) {}

export class ListCalendarDaysQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: '年度 / year', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '类型 / kind', enum: CALENDAR_DAY_KINDS })
  @IsOptional()
  @IsIn(CALENDAR_DAY_KINDS)
  kind?: CalendarDayKind;
}

/** The longest span `GET /calendar/working-days` answers for. */
export const MAX_SPAN_DAYS = 366;

export class WorkingDaysQuery {
  @ApiProperty({ description: '起始日期（含）/ first day, inclusive', example: '2026-09-28' })
  @IsLocalDate()
  from: string;

  @ApiProperty({
    description: `截止日期（含，跨度不超过 ${MAX_SPAN_DAYS} 天）/ last day, inclusive`,
    example: '2026-10-11',
  })
  @IsLocalDate()
  to: string;
}

export class CalendarException {
  @ApiProperty({ format: 'date', example: '2026-10-05' })
  date: string;

  @ApiProperty({ enum: CALENDAR_DAY_KINDS, example: 'holiday' })
  kind: CalendarDayKind;

  @ApiProperty({ example: '国庆节' })
  name: string;
}

/** What `GET /calendar/working-days` answers. */
export class WorkingDaysResponse {
  @ApiProperty({ format: 'date', example: '2026-09-28' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-10-11' })
  to: string;

  @ApiProperty({ description: '区间内（含首尾）的工作日数 / working days in the span', example: 6 })
  workingDays: number;

  @ApiProperty({
    description: '区间内的工作日 / the working days, in order',
    type: [String],
    example: ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'],
  })
  dates: string[];

  @ApiProperty({
    description: '区间内登记的例外（节假日、调休上班）/ the exceptions in the span',
    type: [CalendarException],
  })
  exceptions: CalendarException[];
}
