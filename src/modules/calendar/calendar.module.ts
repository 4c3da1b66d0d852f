import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarDay } from './calendar-day.entity.js';
import { CalendarController, CalendarDaysController } from './calendar.controller.js';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarService } from './calendar.service.js';

/** 节假日与调休: the holiday calendar; other areas import it for `CalendarService.calendarFor`. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarDay])],
  controllers: [CalendarDaysController, CalendarController],
  providers: [CalendarRepository, CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
