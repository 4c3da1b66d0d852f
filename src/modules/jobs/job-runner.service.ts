import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { runAsSystem } from '../../common/request-context.js';
import { isUniqueViolation } from '../../database/database-errors.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { JobRun } from './job-run.entity.js';

export type JobCounts = Record<string, number>;

export type RunResult =
  | { status: 'ran'; runId: number; counts: JobCounts }
  | { status: 'alreadyRun'; runId: number }
  | { status: 'failed'; runId: number; error: string };

const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * Runs a unit of scheduled work at most once per (job, runKey), whatever the number of instances:
 * the run first claims its key with a row under a unique index; an instance that loses the race,
 * or a later re-run, finds the claim and does nothing. A failed run may be claimed again.
 * Each run is recorded (the job monitor) and audited as the system.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async once(
    job: string,
    runKey: string,
    asOf: Date,
    work: () => Promise<JobCounts>,
    runner = INSTANCE,
  ): Promise<RunResult> {
    const claim = await this.claim(job, runKey, asOf, runner);
    if (claim.status === 'alreadyRun') return { status: 'alreadyRun', runId: claim.runId };
    const runs = this.dataSource.getRepository(JobRun);
    return runAsSystem(`job:${job}`, async () => {
      try {
        const counts = await work();
        await runs.update(
          { id: claim.runId },
          { outcome: 'succeeded', finishedAt: this.clock.now(), counts: JSON.stringify(counts) },
        );
        await this.audit.recordAlone({
          action: 'jobRun',
          objectType: 'jobRun',
          objectId: claim.runId,
          detail: { job, runKey, counts },
        });
        return { status: 'ran', runId: claim.runId, counts };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error({ err: error, job, runKey }, `job ${job} ${runKey} failed`);
        await runs.update(
          { id: claim.runId },
          { outcome: 'failed', finishedAt: this.clock.now(), error: message.slice(0, 2000) },
        );
        await this.audit.recordAlone({
          action: 'jobRun',
          objectType: 'jobRun',
          objectId: claim.runId,
          outcome: 'failure',
          detail: { job, runKey, error: message.slice(0, 500) },
        });
        return { status: 'failed', runId: claim.runId, error: message };
      }
    });
  }

  private async claim(
    job: string,
    runKey: string,
    asOf: Date,
    runner: string,
  ): Promise<{ status: 'claimed' | 'alreadyRun'; runId: number }> {
    const runs = this.dataSource.getRepository(JobRun);
    const fresh = { asOf, startedAt: this.clock.now(), outcome: 'running' as const, runner };
    try {
      const inserted = await runs.insert({ job, runKey, ...fresh });
      return { status: 'claimed', runId: Number(inserted.identifiers[0].id) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await runs.findOneByOrFail({ job, runKey });
    if (existing.outcome !== 'failed') return { status: 'alreadyRun', runId: existing.id };
    // Retry a failed run: only one instance wins the conditional update.
    const retried = await runs.update(
      { id: existing.id, outcome: 'failed' },
      { ...fresh, finishedAt: null, error: null, counts: null },
    );
    return { status: retried.affected === 1 ? 'claimed' : 'alreadyRun', runId: existing.id };
  }
}
