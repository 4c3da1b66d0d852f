import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination.js';
import { IsPhone } from '../../../common/validation.js';

export const REMIT_MAX_LENGTH = 4_000;

export class CreateHandlingUnitDto {
  @ApiProperty({
    description: '单位名称（唯一）/ name, unique',
    maxLength: 100,
    example: '区住房和城乡建设局',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 50,
    description: '单位类别 / kind',
    example: '政府部门',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  kind?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 50,
    description: '联系人 / contact',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '联系电话（加密保存，列表脱敏）/ contact phone (encrypted, masked)',
    example: '13800001234',
  })
  @IsOptional()
  @IsPhone()
  contactPhone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    description: '联系邮箱（到期提醒发往此处）/ contact email (deadline reminders)',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(100)
  contactEmail?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: REMIT_MAX_LENGTH,
    description: '职责范围 / remit',
  })
  @IsOptional()
  @IsString()
  @MaxLength(REMIT_MAX_LENGTH)
  remit?: string | null;

  @ApiPropertyOptional({ description: '启用（停用的单位不再交办）/ enabled', default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateHandlingUnitDto extends PartialType(CreateHandlingUnitDto) {}

export class ListHandlingUnitsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: '按单位类别 / by kind' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  kind?: string;

  @ApiPropertyOptional({ description: '按是否启用 / by enabled', enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true
      ? true
      : value === 'false' || value === false
        ? false
        : value,
  )
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: '按联系电话（精确匹配）/ by contact phone (exact)' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  contactPhone?: string;
}
