import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ExternalIdField, ExternalIdFilter } from '../../../common/external-id.js';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsInstant, IsLocalDate } from '../../../common/validation.js';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../activity.entity.js';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../attendance.entity.js';

/**
 * The summary is a TEXT column: 65,535 bytes on MariaDB, and a character takes up to 4 bytes in
 * utf8mb4, so 16,000 characters of any kind always fit (the limit counts characters).
 */
export const ACTIVITY_SUMMARY_MAX_LENGTH = 16_000;

export class CreateActivityDto {
  @ApiProperty({ description: '组织的人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiProperty({ description: '活动类型（见 /api/v1/activity-kinds）/ activity kind id' })
  @IsInt()
  @Min(1)
  kindId: number;

  @ApiProperty({ description: '标题 / title', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    description: '开始时间，带时区 / starts at (ISO 8601 with offset)',
    example: '2020-03-31T14:30:00+08:00',
  })
  @IsInstant()
  startsAt: string;

  @ApiPropertyOptional({ type: String, description: '结束时间 / ends at', nullable: true })
  @IsOptional()
  @IsInstant()
  endsAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '地点 / location' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @ApiProperty({
    description: '状态：planned 计划，held 已举行，cancelled 已取消 / status',
    enum: ACTIVITY_STATUSES,
  })
  @IsIn(ACTIVITY_STATUSES)
  status: ActivityStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '内容纪要 / summary or minutes',
    maxLength: ACTIVITY_SUMMARY_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(ACTIVITY_SUMMARY_MAX_LENGTH)
  summary?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '组织者 / organiser' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  organiser?: string | null;

  @ExternalIdField()
  externalId?: string | null;

  @ApiPropertyOptional({
    // Lazy: AttendanceItemDto is declared further down.
    type: () => AttendanceItemDto,
    isArray: true,
    description:
      '出席记录（可选）：与活动在同一事务中登记，任何一条有误则什么都不保存；修改时按代表新增或更新 / ' +
      'attendance rows (optional), written in the same transaction as the activity — one bad row ' +
      'and nothing is saved; on update, rows are inserted or updated by deputy',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceItemDto)
  attendance?: AttendanceItemDto[];
}

export class UpdateActivityDto extends PartialType(CreateActivityDto) {}

export class ListActivitiesQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @IdFilter('按活动类型 / by kind')
  kindId?: number;

  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: ActivityStatus;

  @ApiPropertyOptional({
    description: '开始日期不早于（本地日期）/ starting on or after (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({
    description: '开始日期不晚于（本地日期）/ starting on or before (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ExternalIdFilter()
  externalId?: string;
}

export class AttendanceItemDto {
  @ApiProperty({ description: '代表 / deputy id' })
  @IsInt()
  @Min(1)
  deputyId: number;

  @ApiProperty({ description: 'attended 出席，leave 请假，absent 缺席', enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @ApiPropertyOptional({ type: String, nullable: true, description: '备注（如请假原因）/ note' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class BulkAttendanceDto {
  @ApiProperty({
    type: [AttendanceItemDto],
    description: '出席记录，按代表新增或更新 / rows to insert or update by deputy',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceItemDto)
  items: AttendanceItemDto[];
}
