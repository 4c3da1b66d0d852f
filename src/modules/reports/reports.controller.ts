import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { errorResponse } from '../../common/openapi.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { OVERVIEW_SCHEMA, OverviewQuery } from './dto/overview.dto.js';
import { OverviewService, type Overview } from './overview.service.js';

@ApiTags('统计 Reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly overviews: OverviewService) {}

  @Get('overview')
  @Permission('report', 'show')
  @RequireScope('reports:read')
  @ApiOperation({
    summary:
      '年度统计总览：各业务域的具名数字，每个数字附计入的记录 id / the year’s named figures by area, each with the ids it counted',
    description:
      '同一数字只有一个定义（各业务域的 statistics），后台首页与年度报告使用同一来源。committeeId 为区人大常委会时含其下各街道人大工委。/ One definition per number (each area’s statistics); the admin dashboard and the annual report read the same. A district covers its subdistricts.',
  })
  @ApiOkResponse({ schema: OVERVIEW_SCHEMA })
  @ApiResponse({ status: 404, ...errorResponse('404') })
  overview(@Query() query: OverviewQuery): Promise<Overview> {
    return this.overviews.overview(query.committeeId, query.year);
  }
}
