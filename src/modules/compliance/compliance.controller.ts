import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
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

  @ApiPropertyOptional({ description: '人大工委 id / committee id' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  committee?: number;
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
  async list(@Query() query: ComplianceQuery): Promise<{ items: ComplianceEntry[] }> {
    const records = await this.compliance.forYear(query.year, query.committee);
    const zone = this.config.timeZone;
    return {
      items: records.map((record) => ({
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
    };
  }
}
