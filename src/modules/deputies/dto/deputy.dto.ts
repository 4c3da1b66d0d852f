import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { ExternalIdField, ExternalIdFilter } from '../../../common/external-id.js';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate, IsPhone } from '../../../common/validation.js';
import { DEPUTY_LEVELS, type DeputyLevel } from '../../terms/term.entity.js';
import { DEPUTY_STATUSES, GENDERS, type DeputyStatus, type Gender } from '../deputy.entity.js';

export class CreateDeputyDto {
  @ApiProperty({ description: '姓名（支持生僻字）/ name', maxLength: 50, example: '张𠮷' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiProperty({ description: '性别 / gender', enum: GENDERS })
  @IsIn(GENDERS)
  gender: Gender;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '民族 / ethnicity',
    example: '汉族',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  ethnicity?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '出生日期 / birth date (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsLocalDate()
  birthDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '党派 / party',
    example: '中共党员',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  party?: string | null;

  @ApiProperty({ description: '代表级别 / level', enum: DEPUTY_LEVELS })
  @IsIn(DEPUTY_LEVELS)
  level: DeputyLevel;

  @ApiPropertyOptional({ type: String, nullable: true, description: '选区 / constituency' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  constituency?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '职业 / occupation' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  occupation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '工作单位及职务 / workplace' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  workplace?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '电话（个人信息，接口返回时脱敏）/ phone, masked in answers',
  })
  @IsOptional()
  @IsString()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '电子邮箱 / email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(100)
  email?: string | null;

  @ApiProperty({ description: '所属人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiPropertyOptional({ type: Number, description: '所在社区/村 / community id', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number | null;

  @ApiPropertyOptional({ type: Number, description: '届次 / term id', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  termId?: number | null;

  @ApiPropertyOptional({ type: Number, description: '代表小组 / deputy group id', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  groupId?: number | null;

  @ApiPropertyOptional({
    description: '状态：serving 在任，ended 终止 / status',
    enum: DEPUTY_STATUSES,
    default: 'serving',
  })
  @IsOptional()
  @IsIn(DEPUTY_STATUSES)
  status?: DeputyStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '终止原因 / reason the mandate ended',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  endedReason?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '终止日期 / date the mandate ended',
  })
  @IsOptional()
  @IsLocalDate()
  endedOn?: string | null;

  @ExternalIdField()
  externalId?: string | null;
}

export class UpdateDeputyDto extends PartialType(CreateDeputyDto) {}

export class ListDeputiesQuery extends PageQueryDto {
  @IdFilter('按人大工委 / by committee')
  committeeId?: number;

  @IdFilter('按社区/村 / by community')
  communityId?: number;

  @IdFilter('按代表小组 / by group')
  groupId?: number;

  @IdFilter('按届次 / by term')
  termId?: number;

  @ApiPropertyOptional({ enum: DEPUTY_LEVELS })
  @IsOptional()
  @IsIn(DEPUTY_LEVELS)
  level?: DeputyLevel;

  @ApiPropertyOptional({ enum: DEPUTY_STATUSES })
  @IsOptional()
  @IsIn(DEPUTY_STATUSES)
  status?: DeputyStatus;

  @ApiPropertyOptional({ description: '姓名包含 / name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ description: '电话完全匹配 / phone, exact match' })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ExternalIdFilter()
  externalId?: string;
}

/** 个人信息明文 answer: the unmasked personal data of one deputy (reveal, audited). */
export class DeputyPersonalData {
  @ApiProperty()
  id: number;

  @ApiProperty({ nullable: true, type: String })
  phone: string | null;

  @ApiProperty({ nullable: true, type: String })
  email: string | null;
}

export class PerformanceQuery {
  @ApiProperty({
    description: '起始日期（含）/ from date, inclusive (YYYY-MM-DD)',
    example: '2020-01-01',
  })
  @IsLocalDate()
  from: string;

  @ApiProperty({
    description: '截止日期（含）/ to date, inclusive (YYYY-MM-DD)',
    example: '2020-12-31',
  })
  @IsLocalDate()
  to: string;
}

/** Every deputy's performance record of one committee, a page of deputies at a time. */
export class CommitteePerformanceQuery extends IntersectionType(PageQueryDto, PerformanceQuery) {
  @ApiProperty({ description: '人大工委（须在密钥范围内）/ committee id, within the key’s scope' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  committeeId: number;
}
