import { Injectable } from '@nestjs/common';
import { ScheduledJob, type JobHandler, type JobReport } from '../jobs/job-handler.js';
import { JOBS } from '../jobs/schedule.js';
import { OutboxService } from './outbox.service.js';

/** 发送通知, every minute: due emails and webhooks. Not claimed per run (the outbox claims each row). */
@ScheduledJob(JOBS.deliverNotifications.name)
@Injectable()
export class DeliverNotificationsJob implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async run(asOf: Date): Promise<JobReport> {
    const counts = await this.outbox.deliver();
    return {
      job: JOBS.deliverNotifications.name,
      asOf,
      runs: [{ runKey: '-', result: { status: 'ran', runId: 0, counts } }],
    };
  }
}
