import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { pageSchema } from '../../common/openapi.js';
import { wholePage, type Page } from '../../common/pagination.js';
import { formatInstant } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import {
  Permission,
  PermissionResource,
  RequireScope,
} from '../../platform/access/auth.decorators.js';
import type { ComplianceStatus } from './compliance-record.entity.js';
import { ComplianceService } from './compliance.service.js';

export class ComplianceQuery {
  @ApiProperty({ description: '年度 / year', example: 2020 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ description: '人大工委 id（含下级）/ committee id (and its subtree)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  committeeId?: number;
}

export interface ComplianceEntry {
  ruleId: number;
  committeeId: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  status: ComplianceStatus;
  count: number;
  activityIds: number[];
  final: boolean;
  provisional: boolean;
  evaluatedAt: string;
}

const COMPLIANCE_ENTRY_SCHEMA = {
  type: 'object',
  properties: {
    ruleId: { type: 'integer', example: 1 },
    committeeId: { type: 'integer', example: 2 },
    period: { type: 'string', example: '2020-Q1' },
    periodStart: {
      type: 'string',
      format: 'date-time',
      example: '2020-01-01T00:00:00.000+08:00',
    },
    periodEnd: {
      type: 'string',
      format: 'date-time',
      example: '2020-04-01T00:00:00.000+08:00',
    },
    status: { type: 'string', enum: ['met', 'missed', 'inProgress'] },
    count: { type: 'integer', example: 2 },
    activityIds: { type: 'array', items: { type: 'integer' }, example: [31, 35] },
    final: { type: 'boolean', example: true },
    provisional: {
      type: 'boolean',
      example: false,
      description:
        'true：该期尚无结算记录（未结算或进行中），按当前记录实时计算 / no closed record: counted live from the records',
    },
    evaluatedAt: {
      type: 'string',
      format: 'date-time',
      example: '2020-04-01T00:30:00.000+08:00',
    },
  },
};

@ApiTags('达标情况 Compliance')
@ApiBearerAuth()
@PermissionResource('complianceRecord')
@Controller('compliance')
export class ComplianceController {
  constructor(
    private readonly compliance: ComplianceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Permission(undefined, 'list')
  @RequireScope('reports:read')
  @ApiOperation({
    summary:
      '各工委各期的达标情况（met 达标 / missed 未达标 / inProgress 进行中），可追溯到计入的活动 / compliance per committee and period',
    description:
      '返回该年度已开始的每一期（尚未开始的期间不列出）。已结算的期间取自达标记录（provisional: false）；未结算或进行中的期间按当前记录实时计算（provisional: true）。committeeId 为区人大常委会时含其下各街道人大工委。/ Every period of the year that has begun, for every subdistrict committee in scope: closed periods from their record (provisional: false), others counted live (provisional: true); periods yet to begin are omitted.',
  })
  @ApiOkResponse({ schema: pageSchema(COMPLIANCE_ENTRY_SCHEMA) })
  async list(@Query() query: ComplianceQuery): Promise<Page<ComplianceEntry>> {
    const standings = await this.compliance.forYear(query.year, query.committeeId);
    const zone = this.config.timeZone;
    return wholePage(
      standings.map((standing) => ({
        ruleId: standing.ruleId,
        committeeId: standing.committeeId,
        period: standing.period.key,
        periodStart: formatInstant(standing.period.start, zone),
        periodEnd: formatInstant(standing.period.end, zone),
        status: standing.status,
        count: standing.count,
        activityIds: standing.activityIds,
        final: standing.final,
        provisional: standing.provisional,
        evaluatedAt: formatInstant(standing.evaluatedAt, zone),
      })),
    );
  }
}
