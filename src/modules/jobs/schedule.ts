/**
 * 定时任务: every scheduled job, its name (the CLI's and the monitor's) and when it runs, in one
 * place. Cron times are in APP_TIMEZONE (Asia/Shanghai). The work of each is a handler its own
 * module supplies (`@ScheduledJob(name)`, see job-handler.ts); a job listed here without one
 * stops the app at start-up, so a job is added here together with its handler. Runs are claimed
 * in the database, so every instance may schedule them.
 */
export const JOBS = {
  /** 期限前提醒: subjects still short in the running period, 30/14/7/1 days before its end. */
  deadlineCheck: { name: 'deadline-check', cron: '0 0 8 * * *', label: '期限前提醒' },
  /** 期末结算: finalise every period that has ended (with catch-up), notify misses. */
  periodClose: { name: 'period-close', cron: '0 30 0 * * *', label: '期末结算' },
  /** 记录完整性: held activities more than 3 days ago without attendance or minutes. */
  recordKeeping: { name: 'record-keeping', cron: '0 30 8 * * *', label: '活动记录提醒' },
  /**
   * 办理期限提醒 ([M2]): open suggestions and voter issues before their due dates (the areas'
   * `deadlines` slots), once per threshold, to the committee's staff and the unit's contact.
   */
  deadlineReminders: { name: 'deadline-reminders', cron: '0 15 8 * * *', label: '办理期限提醒' },
  /** 发送通知: the outbox's due emails, with retries. */
  deliverNotifications: { name: 'deliver-notifications', cron: '0 * * * * *', label: '发送通知' },
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS]['name'];

export const JOB_NAMES: readonly JobName[] = Object.values(JOBS).map((job) => job.name);

export const isJobName = (value: string): value is JobName =>
  (JOB_NAMES as readonly string[]).includes(value);
