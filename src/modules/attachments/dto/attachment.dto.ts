import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination.js';

const RECORD_TYPE = /^[a-zA-Z][a-zA-Z0-9]*$/;
/** The largest id an integer column holds. */
const MAX_ID = 2_147_483_647;
const PURPOSE = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** The text fields of an upload (multipart/form-data); the file itself is the part `file`. */
export class UploadAttachmentDto {
  @ApiProperty({
    description:
      '所属记录类型（权限资源名，如 activity）/ the record’s type (its permission resource)',
    example: 'activity',
    maxLength: 40,
  })
  @IsString()
  @MaxLength(40)
  @Matches(RECORD_TYPE, { message: 'recordType 只能是字母和数字 / letters and digits only' })
  recordType: string;

  @ApiProperty({ description: '所属记录编号 / the record’s id', example: 1, minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  recordId: number;

  @ApiPropertyOptional({
    description:
      '用途，须是该类记录允许的用途之一，默认 file / what the file is for; one of the record type’s purposes',
    example: 'material',
    maxLength: 40,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(PURPOSE, { message: 'purpose 只能是字母和数字 / letters and digits only' })
  purpose?: string;
}

export class ListAttachmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description: '所属记录类型 / the record’s type',
    example: 'activity',
    maxLength: 40,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(RECORD_TYPE, { message: 'recordType 只能是字母和数字 / letters and digits only' })
  recordType?: string;

  @ApiPropertyOptional({
    description: '所属记录编号（须同时给出 recordType）/ the record’s id (with recordType)',
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  recordId?: number;

  @ApiPropertyOptional({ description: '用途 / purpose', example: 'material', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  purpose?: string;
}
