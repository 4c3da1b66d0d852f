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
import { Permission, PermissionResource, RequireScope } from '../auth/auth.decorators.js';
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
  })
  @ApiOkResponse({ schema: pageSchema(COMPLIANCE_ENTRY_SCHEMA) })
  async list(@Query() query: ComplianceQuery): Promise<Page<ComplianceEntry>> {
    const records = await this.compliance.forYear(query.year, query.committeeId);
    const zone = this.config.timeZone;
    return wholePage(
      records.map((record) => ({
        ruleId: record.ruleId,
        committeeId: record.committeeId,
        period: record.periodKey,
        periodStart: formatInstant(record.periodStart, zone),
        periodEnd: formatInstant(record.periodEnd, zone),
        status: record.status,
        count: record.qualifyingCount,
        activityIds: (record.qualifyingActivityIds ?? '').split(',').filter(Boolean).map(Number),
        final: record.finalisedAt !== null,
        evaluatedAt: formatInstant(record.evaluatedAt, zone),
      })),
    );
  }
}
