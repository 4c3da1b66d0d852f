import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { IsLocalDate } from '../../../common/validation.js';
import { STATION_ROLES, type StationRoleKind } from '../station-role.entity.js';

export class CreateStationRoleDto {
  @ApiProperty({ description: '联络站 / station id' })
  @IsInt()
  @Min(1)
  stationId: number;

  @ApiProperty({
    enum: STATION_ROLES,
    description: 'head 站长 / deputyHead 副站长 / liaisonOfficer 联络员 / deputy 驻站代表',
  })
  @IsIn(STATION_ROLES)
  role: StationRoleKind;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      '代表（驻站代表必填；须属于联络站的工委）/ the deputy (required for a station deputy)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  deputyId?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '姓名（不是代表的站长、联络员等）/ a person who is not a deputy',
    maxLength: 50,
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  personName?: string | null;

  @ApiProperty({ description: '起始日期 / from', example: '2020-01-01' })
  @IsLocalDate()
  startsOn: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '截止日期（不早于起始日期；空 = 在任）/ to (not before from; empty = current)',
  })
  @IsOptional()
  @IsLocalDate()
  endsOn?: string | null;
}

export class UpdateStationRoleDto extends PartialType(CreateStationRoleDto) {}

export class ListStationRolesQuery extends PageQueryDto {
  @IdFilter('按联络站 / by station')
  stationId?: number;

  @IdFilter('按代表 / by deputy')
  deputyId?: number;

  @ApiPropertyOptional({ enum: STATION_ROLES, description: '按职务 / by role' })
  @IsOptional()
  @IsIn(STATION_ROLES)
  role?: StationRoleKind;
}
