import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/auth.decorators.js';
import { maskPhone } from '../../common/masking.js';
import { IdPipe } from '../../common/id.pipe.js';
import { RecordController } from '../../common/record.controller.js';
import { DeputiesService } from './deputies.service.js';
import { DeputyPerformanceService, type PerformanceRecord } from './deputy-performance.service.js';
import type { Deputy } from './deputy.entity.js';
import {
  CreateDeputyDto,
  ListDeputiesQuery,
  PerformanceQuery,
  UpdateDeputyDto,
} from './dto/deputy.dto.js';

@ApiTags('代表 Deputies')
@Controller('deputies')
export class DeputiesController extends RecordController<Deputy>({
  title: '代表 deputies',
  resource: 'deputy',
  create: CreateDeputyDto,
  update: UpdateDeputyDto,
  query: ListDeputiesQuery,
}) {
  constructor(
    service: DeputiesService,
    private readonly performance: DeputyPerformanceService,
  ) {
    super(service);
  }

  /** Phones are personal information: API answers carry them masked (PIPL). */
  protected override present(deputy: Deputy): Deputy {
    return { ...deputy, phone: maskPhone(deputy.phone) } as Deputy;
  }

  @Get(':id/performance')
  @Permission('deputy', 'show')
  @ApiOperation({ summary: '履职档案：期间内的活动与出席统计 / performance record for a period' })
  getPerformance(
    @Param('id', IdPipe) id: number,
    @Query() query: PerformanceQuery,
  ): Promise<PerformanceRecord> {
    return this.performance.forPeriod(id, query.from, query.to);
  }
}
