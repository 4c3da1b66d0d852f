import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { pageSchema, recordSchemaRef } from '../../common/openapi.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { IdPipe } from '../../common/id.pipe.js';
import { wholePage, type Page } from '../../common/pagination.js';
import { RecordController } from '../../platform/records/record.controller.js';
import { ActivitiesService } from './activities.service.js';
import { Activity } from './activity.entity.js';
import type { Attendance } from './attendance.entity.js';
import { AttendanceService } from './attendance.service.js';
import {
  AttendanceItemDto,
  BulkAttendanceDto,
  CreateActivityDto,
  ListActivitiesQuery,
  UpdateActivityDto,
} from './dto/activity.dto.js';

@ApiTags('代表活动 Activities')
@Controller('activities')
export class ActivitiesController extends RecordController<Activity>({
  entity: Activity,
  title: '代表活动 activities',
  resource: 'activity',
  create: CreateActivityDto,
  update: UpdateActivityDto,
  query: ListActivitiesQuery,
  writeResponse: {
    allOf: [
      recordSchemaRef('Activity'),
      {
        type: 'object',
        properties: {
          attendance: {
            type: 'array',
            items: recordSchemaRef('Attendance'),
            description:
              '请求带出席记录时返回该活动的全部出席记录 / all the activity’s attendance rows, when the request carried attendance',
          },
        },
      },
    ],
  },
}) {
  constructor(
    service: ActivitiesService,
    private readonly attendance: AttendanceService,
  ) {
    super(service);
  }

  @Get(':id/attendance')
  @Permission('attendance', 'list')
  @RequireScope('records:read')
  @ApiOperation({ summary: '活动的出席记录 / attendance of an activity' })
  @ApiOkResponse({ schema: pageSchema('Attendance') })
  async listAttendance(@Param('id', IdPipe) id: number): Promise<Page<Attendance>> {
    return wholePage(await this.attendance.list(id));
  }

  @Post(':id/attendance')
  @Permission('attendance', 'new')
  @RequireScope('records:write')
  @ApiOperation({ summary: '登记一名代表的出席（已有则 409）/ add one row (409 if present)' })
  @ApiCreatedResponse({ schema: recordSchemaRef('Attendance') })
  addAttendance(
    @Param('id', IdPipe) id: number,
    @Body() body: AttendanceItemDto,
  ): Promise<Attendance> {
    return this.attendance.add(id, body);
  }

  @Put(':id/attendance')
  @Permission('attendance', 'edit')
  @RequireScope('records:write')
  @ApiOperation({
    summary: '批量登记出席，按代表新增或更新，全部成功或全部不变 / bulk upsert, all or nothing',
  })
  @ApiOkResponse({ schema: pageSchema('Attendance') })
  async upsertAttendance(
    @Param('id', IdPipe) id: number,
    @Body() body: BulkAttendanceDto,
  ): Promise<Page<Attendance>> {
    return wholePage(await this.attendance.upsert(id, body.items));
  }

  @Delete(':id/attendance/:deputyId')
  @Permission('attendance', 'delete')
  @RequireScope('records:write')
  @HttpCode(204)
  @ApiOperation({ summary: '删除一名代表的出席记录 / delete one row' })
  @ApiNoContentResponse({ description: '已删除 / deleted' })
  async removeAttendance(
    @Param('id', IdPipe) id: number,
    @Param('deputyId', IdPipe) deputyId: number,
  ): Promise<void> {
    await this.attendance.remove(id, deputyId);
  }
}
