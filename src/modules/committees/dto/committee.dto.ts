import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ExternalIdField, ExternalIdFilter } from '../../../common/external-id.js';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';
import { COMMITTEE_KINDS, type CommitteeKind } from '../committee.entity.js';
import { COMMUNITY_KINDS, type CommunityKind } from '../community.entity.js';

export class CreateCommitteeDto {
  @ApiProperty({ description: '名称，如 某某街道人大工委 / name', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    description: '类型：district 区人大常委会，subdistrict 街道人大工委 / kind',
    enum: COMMITTEE_KINDS,
  })
  @IsIn(COMMITTEE_KINDS)
  kind: CommitteeKind;

  @ApiPropertyOptional({
    type: Number,
    description: '上级（街道人大工委的上级为区人大常委会）/ parent committee id',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;
}

export class UpdateCommitteeDto extends PartialType(CreateCommitteeDto) {}

export class ListCommitteesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMMITTEE_KINDS, description: '按类型筛选 / filter by kind' })
  @IsOptional()
  @IsIn(COMMITTEE_KINDS)
  kind?: CommitteeKind;

  @IdFilter('按上级筛选 / filter by parent id')
  parentId?: number;
}

export class CreateCommunityDto {
  @ApiProperty({ description: '名称 / name', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: '社区 community 或 村 village', enum: COMMUNITY_KINDS })
  @IsIn(COMMUNITY_KINDS)
  kind: CommunityKind;

  @ApiProperty({ description: '所属街道人大工委 / subdistrict committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ExternalIdField()
  externalId?: string | null;
}

export class UpdateCommunityDto extends PartialType(CreateCommunityDto) {}

export class ListCommunitiesQuery extends PageQueryDto {
  @IdFilter('按街道人大工委筛选 / filter by committee id')
  committeeId?: number;

  @ExternalIdFilter()
  externalId?: string;
}
