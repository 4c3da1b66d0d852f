import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { RecordController } from '../../platform/records/record.controller.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CalendarService } from './calendar.service.js';
import {
  CreateCalendarDayDto,
  ListCalendarDaysQuery,
  UpdateCalendarDayDto,
  WorkingDaysQuery,
  WorkingDaysResponse,
} from './dto/calendar-day.dto.js';

@ApiTags('节假日与调休 Calendar')
@Controller('calendar-days')
export class CalendarDaysController extends RecordController<CalendarDay>({
  entity: CalendarDay,
  title: '节假日与调休 calendar days',
  resource: 'calendarDay',
  create: CreateCalendarDayDto,
  update: UpdateCalendarDayDto,
  query: ListCalendarDaysQuery,
}) {
  constructor(calendar: CalendarService) {
    super(calendar);
  }
}

@ApiTags('节假日与调休 Calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days')
  @Permission('calendarDay', 'list')
  @RequireScope('records:read')
  @ApiOperation({
    summary:
      '区间内的工作日：周末休息，按节假日与调休表例外 / the working days of a span: weekends off, except as the holiday calendar says',
    description:
      '办理期限等按工作日计算时与本系统一致（代表建议交办、退回等）。/ The same working days the system computes due dates with.',
  })
  @ApiOkResponse({ type: WorkingDaysResponse })
  workingDays(@Query() query: WorkingDaysQuery): Promise<WorkingDaysResponse> {
    return this.calendar.workingDays(query.from, query.to);
  }
}
