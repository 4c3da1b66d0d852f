import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import { STATION_DOCUMENT_KINDS, type StationDocumentKind } from '../station-document.entity.js';

export class CreateStationDocumentDto {
  @ApiProperty({ description: '联络站 / station id' })
  @IsInt()
  @Min(1)
  stationId: number;

  @ApiProperty({
    enum: STATION_DOCUMENT_KINDS,
    description:
      'studyRules 学习制度 / activityRules 活动制度 / attendanceRules 考勤制度 / headDuties 站长职责 / officerDuties 联络员职责 / other 其他',
  })
  @IsIn(STATION_DOCUMENT_KINDS)
  kind: StationDocumentKind;

  @ApiProperty({ description: '标题 / title', maxLength: 200, example: '代表联络站学习制度' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '正文 / text',
    maxLength: 16000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(16_000)
  content?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '施行日期 / effective from' })
  @IsOptional()
  @IsLocalDate()
  effectiveOn?: string | null;
}

export class UpdateStationDocumentDto extends PartialType(CreateStationDocumentDto) {}

export class ListStationDocumentsQuery extends PageQueryDto {
  @IdFilter('按联络站 / by station')
  stationId?: number;

  @ApiPropertyOptional({ enum: STATION_DOCUMENT_KINDS, description: '按类别 / by kind' })
  @IsOptional()
  @IsIn(STATION_DOCUMENT_KINDS)
  kind?: StationDocumentKind;
}
