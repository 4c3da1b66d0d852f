import { DiscoveryService } from '@nestjs/core';
import type { JobName } from './schedule.js';

export type JobCounts = Record<string, number>;

export type RunResult =
  | { status: 'ran'; runId: number; counts: JobCounts }
  | { status: 'alreadyRun'; runId: number }
  | { status: 'failed'; runId: number; error: string };

/** What one call of a job did: one result per claimed unit (a day, or a rule's period). */
export interface JobReport {
  job: JobName;
  asOf: Date;
  runs: { runKey: string; result: RunResult }[];
}

/**
 * A scheduled job's work, `as of` a moment (the clock, the CLI's --as-of or a test's), each unit
 * claimed once through JobRunner. The module that owns the work provides it, marked with
 * `@ScheduledJob(<name from schedule.ts>)`; JobRegistry collects them.
 */
export interface JobHandler {
  run(asOf: Date, runner?: string): Promise<JobReport>;
}

/** Marks a provider as the handler of one job of the schedule (found by Nest discovery). */
export const ScheduledJob = DiscoveryService.createDecorator<JobName>();
