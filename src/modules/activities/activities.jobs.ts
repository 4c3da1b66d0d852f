import { Injectable } from '@nestjs/common';
import { ScheduledJob, type JobHandler, type JobReport } from '../jobs/job-handler.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { JOBS } from '../jobs/schedule.js';
import { OutboxService } from '../notifications/outbox.service.js';
import { ActivitiesRepository } from './activities.repository.js';

const RECORD_KEEPING_DAYS = 3;

/**
 * 活动记录提醒, once a day: each held activity more than 3 days old with no attendance or no
 * minutes, told to its committee's staff (not the district).
 */
@ScheduledJob(JOBS.recordKeeping.name)
@Injectable()
export class RecordKeepingJob implements JobHandler {
  constructor(
    private readonly runner: JobRunner,
    private readonly activities: ActivitiesRepository,
    private readonly outbox: OutboxService,
  ) {}

  run(asOf: Date, runner?: string): Promise<JobReport> {
    return this.runner.daily(
      JOBS.recordKeeping.name,
      asOf,
      async () => {
        const before = new Date(asOf.getTime() - RECORD_KEEPING_DAYS * 86_400_000);
        const activities = await this.activities.heldWithoutRecords(before);
        const notifications = await this.outbox.queueForCommittees(
          activities.map((activity) => {
            const missing = activity.noAttendance ? '出席情况' : '活动纪要';
            return {
              kind: 'recordKeeping',
              committeeId: activity.committeeId,
              about: `activity${activity.id}`,
              title: `【补登】“${activity.title}”尚未登记${missing}`,
              body: `活动“${activity.title}”已举行超过 ${RECORD_KEEPING_DAYS} 天，尚未登记${missing}。请在“代表活动”中补登，以便统计和年度报告引用。`,
            };
          }),
          { district: false },
        );
        return { activities: activities.length, notifications };
      },
      runner,
    );
  }
}
