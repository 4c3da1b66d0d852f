import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WEEKDAYS_ONLY, type WorkingDayCalendar } from '../../common/working-days.rules.js';

/**
 * The working-day calendar the suggestion rules count with: the port this module injects, shaped
 * like [M2] calendar's `CalendarService.calendarFor(from, to, manager?)`.
 *
 * TEMPORARY (until helper D's `src/modules/calendar` is merged): bound to
 * `WeekdaysOnlyCalendar` (weekends off, no holidays or 调休). At the merge, SuggestionsModule
 * imports CalendarModule and binds the port with
 * `{ provide: SuggestionCalendar, useExisting: CalendarService }`, and this class goes.
 */
export abstract class SuggestionCalendar {
  abstract calendarFor(
    from: string,
    to: string,
    manager?: EntityManager,
  ): Promise<WorkingDayCalendar>;
}

/** TEMPORARY stand-in for CalendarService: Monday to Friday, no exceptions. */
@Injectable()
export class WeekdaysOnlyCalendar extends SuggestionCalendar {
  calendarFor(): Promise<WorkingDayCalendar> {
    return Promise.resolve(WEEKDAYS_ONLY);
  }
}
