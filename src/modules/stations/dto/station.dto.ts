import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsPhone } from '../../../common/validation.js';
import { SCHEDULE_KINDS } from '../stations.rules.js';

export class ReceptionScheduleDto {
  @ApiProperty({
    enum: SCHEDULE_KINDS,
    description: 'weekly 每周 / monthly 每月',
    example: 'weekly',
  })
  @IsIn(SCHEDULE_KINDS)
  kind: 'weekly' | 'monthly';

  @ApiProperty({
    type: Number,
    isArray: true,
    description:
      '每周：星期 1–7（1 为星期一）；每月：日期 1–31。如 [3] = 每周三，[1, 15] = 每月1日、15日 / weekdays 1–7 (Monday = 1) or days of the month 1–31',
    example: [3],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(31)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(31, { each: true })
  days: number[];
}

export class CreateStationDto {
  @ApiProperty({ description: '所属人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '社区/村（须属于该工委）/ community',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number | null;

  @ApiProperty({
    description: '名称（工委内唯一）/ name, unique in the committee',
    maxLength: 100,
    example: '幸福社区代表联络站',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    description: '地址 / address',
    maxLength: 200,
    example: '幸福路1号社区服务中心二楼',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '纬度 -90–90 / latitude' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 6 })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '经度 -180–180 / longitude' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 6 })
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '面积（平方米，≥ 0）/ floor area in m²',
    example: 120,
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(99_999_999)
  floorArea?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '开放时间 / opening hours',
    example: '周一至周五 9:00–17:00',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  openingHours?: string | null;

  @ApiPropertyOptional({
    type: () => ReceptionScheduleDto,
    nullable: true,
    description: '接待日安排（每周几或每月几日）/ reception schedule',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReceptionScheduleDto)
  receptionSchedule?: ReceptionScheduleDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '联系人 / contact name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '联系电话（个人信息，接口返回时脱敏）/ contact phone, masked in answers',
  })
  @IsOptional()
  @IsString()
  @IsPhone()
  contactPhone?: string | null;
}

export class UpdateStationDto extends PartialType(CreateStationDto) {}

export class ListStationsQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @IdFilter('按社区/村 / by community')
  communityId?: number;
}

export class StationPersonalData {
  @ApiProperty()
  id: number;

  @ApiProperty({ nullable: true, type: String })
  contactPhone: string | null;
}
