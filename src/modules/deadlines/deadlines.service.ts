import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DateTime } from 'luxon';
import { localDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import type { AreaDeadlines, AreaDeadlinesType } from '../../platform/areas/deadlines.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { OutboxService, type Message } from '../notifications/outbox.service.js';
import { reminderDue, reminderHorizon, reminderMessage } from './deadline-reminders.rules.js';

/** The areas' `deadlines` providers, in the order of AREAS (given to DeadlinesModule.forRoot). */
export const DEADLINE_SOURCES = Symbol('DEADLINE_SOURCES');
export interface DeadlineSource {
  area: string;
  deadlines: AreaDeadlinesType;
}

/** What one day's reminders did. */
export interface ReminderCounts {
  /** Open items the areas listed up to the horizon. */
  items: number;
  /** Items whose reminder (or 已逾期 notice) was due today. */
  due: number;
  overdue: number;
  /** Outbox rows written (in-app, emails, webhooks); 0 for a notice already queued. */
  notifications: number;
  [count: string]: number;
}

/**
 * 办理期限提醒: every area's open items with due dates, checked against the reminder thresholds
 * (DEADLINE_REMINDER_DAYS, working days of the holiday calendar), each reminder queued through
 * the outbox for the committee's staff and the item's outside contacts. The outbox's once-only
 * key (type, id, due date, threshold, round) makes a reminder go out once, however often this
 * runs.
 */
@Injectable()
export class DeadlinesService implements OnModuleInit {
  private readonly logger = new Logger(DeadlinesService.name);
  private providers: { area: string; deadlines: AreaDeadlines }[] = [];

  constructor(
    @Inject(DEADLINE_SOURCES) private readonly sources: readonly DeadlineSource[],
    private readonly moduleRef: ModuleRef,
    private readonly calendar: CalendarService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.providers = this.sources.map(({ area, deadlines }) => ({
      area,
      deadlines: this.moduleRef.get(deadlines, { strict: false }),
    }));
  }

  /** The areas that supply deadlines (for the log and the tests). */
  areas(): string[] {
    return this.providers.map((provider) => provider.area);
  }

  async remind(asOf: Date): Promise<ReminderCounts> {
    const thresholds = this.config.deadlines.reminderDays;
    const today = localDate(asOf, this.config.timeZone);
    const day = DateTime.fromISO(today, { zone: 'UTC' });
    // Wide enough for every date the arithmetic touches: the overdue window behind, the
    // thresholds ahead, and holidays such as 春节 in between.
    const calendar = await this.calendar.calendarFor(
      day.minus({ days: 3 * Math.max(...thresholds, 1) + 30 }).toISODate() as string,
      day.plus({ days: 3 * Math.max(...thresholds, 1) + 30 }).toISODate() as string,
    );
    const until = reminderHorizon(today, thresholds, calendar);
    const counts: ReminderCounts = { items: 0, due: 0, overdue: 0, notifications: 0 };
    const messages: (Message & { committeeId: number })[] = [];
    for (const { area, deadlines } of this.providers) {
      const items = await deadlines.dueBy(until);
      counts.items += items.length;
      for (const item of items) {
        const step = reminderDue(item.dueOn, today, thresholds, calendar);
        if (!step) continue;
        counts.due += 1;
        if (step.kind === 'overdue') counts.overdue += 1;
        messages.push({
          ...reminderMessage(item, step, today),
          committeeId: item.committeeId,
          contacts: item.contacts,
        });
      }
      this.logger.log(`deadline-reminders ${today}: ${area} listed ${items.length}`);
    }
    if (messages.length > 0) {
      counts.notifications = await this.outbox.queueForCommittees(messages, { district: false });
    }
    return counts;
  }
}
