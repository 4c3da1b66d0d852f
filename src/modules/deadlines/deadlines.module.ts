import { type DynamicModule, Module } from '@nestjs/common';
import type { Area } from '../../platform/areas/area.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DeadlineRemindersJob } from './deadlines.jobs.js';
import { DEADLINE_SOURCES, DeadlinesService, type DeadlineSource } from './deadlines.service.js';

/**
 * 办理期限提醒 (`deadline-reminders`) over every area's `deadlines` slot. Given the areas by the
 * entry point (app.module.ts), like the reports: this module imports no business area, only the
 * calendar (working days), the outbox and the job machinery.
 */
@Module({})
export class DeadlinesModule {
  static forRoot(areas: readonly Area[]): DynamicModule {
    const sources = deadlineSources(areas);
    return {
      module: DeadlinesModule,
      imports: [CalendarModule, NotificationsModule, JobsModule],
      providers: [
        { provide: DEADLINE_SOURCES, useValue: sources },
        DeadlinesService,
        DeadlineRemindersJob,
      ],
      exports: [DeadlinesService],
    };
  }
}

/** The areas with a `deadlines` slot, in their order (a test adds its own to these). */
export function deadlineSources(areas: readonly Area[]): DeadlineSource[] {
  return areas.flatMap((area) =>
    area.deadlines ? [{ area: area.name, deadlines: area.deadlines }] : [],
  );
}
