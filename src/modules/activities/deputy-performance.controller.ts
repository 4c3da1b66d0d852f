import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { errorResponse, pageSchema } from '../../common/openapi.js';
import type { Page } from '../../common/pagination.js';
import { IdPipe } from '../../common/id.pipe.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { CommitteePerformanceQuery, PerformanceQuery } from '../deputies/dto/deputy.dto.js';
import { PERFORMANCE_RECORD_SCHEMA } from '../deputies/dto/deputy.response.js';
import { DeputyPerformanceService, type PerformanceRecord } from './deputy-performance.service.js';

/**
 * 履职档案 under /deputies: served by the activities module, whose attendance it reads. Its
 * routes must be registered before DeputiesController's `GET /deputies/:id` (else
 * `/deputies/performance` would be taken for an id): app.module.ts lists ActivitiesModule first.
 */
@ApiTags('代表 Deputies')
@ApiBearerAuth()
@Controller('deputies')
export class DeputyPerformanceController {
  constructor(private readonly performance: DeputyPerformanceService) {}

  @Get('performance')
  @Permission('deputy', 'list')
  @RequireScope('records:read')
  // The operation ids from before the routes moved here from DeputiesController ([A1] §3), so
  // clients generated from the document keep their method names.
  @ApiOperation({
    operationId: 'DeputiesController_getCommitteePerformance',
    summary:
      '一个人大工委全体代表的履职档案（一次请求，按代表分页）/ every deputy’s performance record of a committee in one call, paged by deputy',
    description:
      '每条与 /deputies/{id}/performance 相同；人大工委不存在或不在密钥范围内时 404 / each item is what /deputies/{id}/performance answers; 404 for a committee outside the key’s scope',
  })
  @ApiOkResponse({ schema: pageSchema(PERFORMANCE_RECORD_SCHEMA) })
  // A query naming a committee can miss (404) and a period can be reversed (422): declared here,
  // as the document infers 404 only from a path parameter and 422 only from a request body.
  @ApiResponse({ status: 404, ...errorResponse('404') })
  @ApiResponse({ status: 422, ...errorResponse('422') })
  getCommitteePerformance(
    @Query() query: CommitteePerformanceQuery,
  ): Promise<Page<PerformanceRecord>> {
    return this.performance.forCommittee(query);
  }

  @Get(':id/performance')
  @Permission('deputy', 'show')
  @RequireScope('records:read')
  @ApiOperation({
    operationId: 'DeputiesController_getPerformance',
    summary: '履职档案：期间内的活动与出席统计 / performance record for a period',
  })
  @ApiOkResponse({ schema: PERFORMANCE_RECORD_SCHEMA })
  getPerformance(
    @Param('id', IdPipe) id: number,
    @Query() query: PerformanceQuery,
  ): Promise<PerformanceRecord> {
    return this.performance.forPeriod(id, query.from, query.to);
  }
}
