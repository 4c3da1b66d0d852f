import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, Repository, type EntityManager } from 'typeorm';
import { CalendarDay } from './calendar-day.entity.js';

/** The calendar's queries beyond its CRUD: the exceptions over a span, a year's rows by date. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectRepository(CalendarDay) private readonly days: Repository<CalendarDay>) {}

  /** The exceptions dated `from`–`to` (inclusive), by date. */
  exceptionsBetween(from: string, to: string, manager?: EntityManager): Promise<CalendarDay[]> {
    return (manager ?? this.days.manager).find(CalendarDay, {
      where: { date: Between(from, to) },
      order: { date: 'ASC' },
    });
  }

  /** The rows of these dates, whoever wrote them (an import compares against them). */
  onDates(manager: EntityManager, dates: readonly string[]): Promise<CalendarDay[]> {
    if (dates.length === 0) return Promise.resolve([]);
    return manager.find(CalendarDay, { where: { date: In([...dates]) } });
  }
}
