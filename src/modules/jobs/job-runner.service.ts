import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, Or } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { localDate } from '../../common/period.js';
import { runAsSystem } from '../../platform/access/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { isUniqueViolation } from '../../database/database-errors.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { JobRun } from './job-run.entity.js';
import { decideClaim, leaseEnd, renewalIntervalMs } from './job-lease.rules.js';
import type { JobCounts, JobReport, RunResult } from './job-handler.js';
import type { JobName } from './schedule.js';

const INSTANCE = `${hostname()}:${process.pid}`;

/** A claim this process holds: the row, and which attempt (the fencing token for its updates). */
interface HeldClaim {
  runId: number;
  attempt: number;
  job: string;
  runKey: string;
}

type ClaimResult = ({ status: 'claimed' } & HeldClaim) | { status: 'alreadyRun'; runId: number };

const STOPPING = '进程正在停止，不再开始新的任务运行 / stopping: no new job runs';

const RELEASED_AT_SHUTDOWN =
  '进程关闭时仍在运行，已释放认领，下次运行将重做 / interrupted at shutdown; the claim was released';

/**
 * Runs a unit of scheduled work at most once per (job, runKey), whatever the number of instances:
 * the run first claims its key with a row under a unique index; an instance that loses the race,
 * or a later re-run, finds the claim and does nothing. A failed run may be claimed again.
 *
 * The claim is leased (JOB_LEASE_SECONDS): while the work runs, this process renews the lease
 * every third of it. A process that dies after its claim stops renewing; once the lease has
 * passed, the next attempt takes the run over (one instance wins the conditional update) and the
 * row counts the attempt and names the runner it replaced. Every update of a held claim is
 * fenced by its attempt number, so a runner that lost its claim cannot overwrite the new one.
 * Each run is recorded (the job monitor) and audited as the system, takeovers included.
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  /** Claims held by this process, with the run that settles each. */
  private readonly active = new Map<number, { claim: HeldClaim; done: Promise<unknown> }>();
  /** Set by `settle`: the process is stopping and takes no new runs. */
  private closing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async once(
    job: string,
    runKey: string,
    asOf: Date,
    work: () => Promise<JobCounts>,
    runner = INSTANCE,
  ): Promise<RunResult> {
    if (this.closing) throw new Error(STOPPING);
    const claim = await this.claim(job, runKey, asOf, runner);
    if (claim.status === 'alreadyRun') return { status: 'alreadyRun', runId: claim.runId };
    if (this.closing) {
      // Stopping began while the claim was being written: hand it back rather than start.
      await this.release(claim);
      return { status: 'failed', runId: claim.runId, error: RELEASED_AT_SHUTDOWN };
    }
    const done = this.execute(claim, work);
    this.active.set(claim.runId, { claim, done });
    try {
      return await done;
    } finally {
      this.active.delete(claim.runId);
    }
  }

  /** A job that runs once per local calendar day (its run key is the date). */
  async daily(
    job: JobName,
    asOf: Date,
    work: () => Promise<JobCounts>,
    runner?: string,
  ): Promise<JobReport> {
    const runKey = localDate(asOf, this.config.timeZone);
    const result = await this.once(job, runKey, asOf, work, runner);
    return { job, asOf, runs: [{ runKey, result }] };
  }

  /** The id of the claimed run (the job monitor's row), for the records it writes. */
  async runIdOf(job: string, runKey: string): Promise<number | null> {
    const run = await this.dataSource.getRepository(JobRun).findOneBy({ job, runKey });
    return run?.id ?? null;
  }

  /**
   * Shutdown: takes no new runs, and lets the runs in progress finish within `timeoutMs`; a run
   * still going then has its claim released (marked failed), so the next attempt redoes it at
   * once instead of waiting for the lease. Returns how many were released.
   */
  settle(timeoutMs: number): Promise<number> {
    // The signal handler and Nest's shutdown hook both ask; the runs are waited for once.
    this.settling ??= this.settleOnce(timeoutMs);
    return this.settling;
  }

  private settling: Promise<number> | undefined;

  private async settleOnce(timeoutMs: number): Promise<number> {
    this.closing = true;
    if (this.active.size === 0) return 0;
    this.logger.log(`waiting for ${this.active.size} running job(s) before shutdown`);
    const all = Promise.allSettled([...this.active.values()].map((run) => run.done));
    const timedOut = Symbol('timedOut');
    const ended = await Promise.race([all, sleep(timeoutMs, timedOut, { ref: false })]);
    if (ended !== timedOut) return 0;
    let released = 0;
    for (const { claim } of this.active.values()) {
      if (await this.release(claim)) released += 1;
    }
    return released;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settle(this.config.shutdownTimeoutSeconds * 1000);
  }

  private execute(claim: HeldClaim, work: () => Promise<JobCounts>): Promise<RunResult> {
    const { runId, job, runKey } = claim;
    const heartbeat = setInterval(
      () => void this.renew(claim),
      renewalIntervalMs(this.config.jobs.leaseSeconds),
    );
    heartbeat.unref();
    return runAsSystem(`job:${job}`, async (): Promise<RunResult> => {
      try {
        await this.pauseAfterClaim(claim);
        const counts = await work();
        await this.finish(claim, { outcome: 'succeeded', counts: JSON.stringify(counts) });
        await this.audit.recordAlone({
          action: 'jobRun',
          objectType: 'jobRun',
          objectId: runId,
          detail: { job, runKey, counts },
        });
        return { status: 'ran', runId, counts };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error({ err: error, job, runKey }, `job ${job} ${runKey} failed`);
        await this.finish(claim, { outcome: 'failed', error: message.slice(0, 2000) });
        await this.audit.recordAlone({
          action: 'jobRun',
          objectType: 'jobRun',
          objectId: runId,
          outcome: 'failure',
          detail: { job, runKey, error: message.slice(0, 500) },
        });
        return { status: 'failed', runId, error: message };
      } finally {
        clearInterval(heartbeat);
      }
    });
  }

  /** NODE_ENV=test only (config): holds the claim without working, for the fault tests. */
  private async pauseAfterClaim(claim: HeldClaim): Promise<void> {
    const pause = this.config.jobs.pauseAfterClaimMs;
    if (pause <= 0) return;
    this.logger.warn(
      `test seam: pausing ${pause} ms after claiming ${claim.job} ${claim.runKey} (run ${claim.runId})`,
    );
    await sleep(pause);
  }

  /** The row as the held attempt ends it; no effect when the claim was lost meanwhile. */
  private async finish(
    claim: HeldClaim,
    end: { outcome: 'succeeded' | 'failed'; counts?: string; error?: string },
  ): Promise<void> {
    const ended = await this.dataSource
      .getRepository(JobRun)
      .update(
        { id: claim.runId, attempts: claim.attempt, outcome: 'running' },
        { ...end, finishedAt: this.clock.now() },
      );
    if (ended.affected !== 1) {
      this.logger.error(
        { job: claim.job, runKey: claim.runKey, runId: claim.runId },
        `job ${claim.job} ${claim.runKey}: the claim was taken over or released before the run ended`,
      );
    }
  }

  private async renew(claim: HeldClaim): Promise<void> {
    try {
      const renewed = await this.dataSource
        .getRepository(JobRun)
        .update(
          { id: claim.runId, attempts: claim.attempt, outcome: 'running' },
          { leaseUntil: leaseEnd(this.clock.now(), this.config.jobs.leaseSeconds) },
        );
      if (renewed.affected !== 1) {
        this.logger.error(
          { job: claim.job, runKey: claim.runKey, runId: claim.runId },
          `job ${claim.job} ${claim.runKey}: lost its claim while running`,
        );
      }
    } catch (error) {
      // The database may be away for a moment: the next renewal tries again within the lease.
      this.logger.warn({ err: error, runId: claim.runId }, 'could not renew a job lease');
    }
  }

  private async release(claim: HeldClaim): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const released = await manager.getRepository(JobRun).update(
          { id: claim.runId, attempts: claim.attempt, outcome: 'running' },
          {
            outcome: 'failed',
            finishedAt: this.clock.now(),
            leaseUntil: this.clock.now(),
            error: RELEASED_AT_SHUTDOWN,
          },
        );
        if (released.affected !== 1) return false;
        await runAsSystem(`job:${claim.job}`, () =>
          this.audit.record(manager, {
            action: 'jobRun',
            objectType: 'jobRun',
            objectId: claim.runId,
            outcome: 'failure',
            detail: { job: claim.job, runKey: claim.runKey, released: RELEASED_AT_SHUTDOWN },
          }),
        );
        return true;
      });
    } catch (error) {
      // Without the database the claim stays until its lease passes: the next attempt takes over.
      this.logger.error({ err: error, runId: claim.runId }, 'could not release a job claim');
      return false;
    }
  }

  private async claim(
    job: string,
    runKey: string,
    asOf: Date,
    runner: string,
  ): Promise<ClaimResult> {
    const runs = this.dataSource.getRepository(JobRun);
    const now = this.clock.now();
    const fresh = {
      asOf,
      startedAt: now,
      outcome: 'running' as const,
      runner,
      leaseUntil: leaseEnd(now, this.config.jobs.leaseSeconds),
    };
    try {
      const inserted = await runs.insert({ job, runKey, ...fresh, attempts: 1 });
      return {
        status: 'claimed',
        runId: Number(inserted.identifiers[0].id),
        attempt: 1,
        job,
        runKey,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await runs.findOneByOrFail({ job, runKey });
    const decision = decideClaim(existing, now);
    if (decision === 'alreadyRun') return { status: 'alreadyRun', runId: existing.id };
    // Retry a failure or take over a lapsed claim: of several instances, only the one whose
    // conditional update still finds the row as it was read wins.
    const attempt = existing.attempts + 1;
    const takenOverFrom = decision === 'takeOver' ? existing.runner : null;
    const won = await this.dataSource.transaction(async (manager) => {
      const updated = await manager.getRepository(JobRun).update(
        {
          id: existing.id,
          outcome: existing.outcome,
          attempts: existing.attempts,
          ...(decision === 'takeOver' && { leaseUntil: Or(IsNull(), LessThan(now)) }),
        },
        { ...fresh, attempts: attempt, takenOverFrom, finishedAt: null, error: null, counts: null },
      );
      if (updated.affected !== 1) return false;
      if (decision === 'takeOver') {
        await runAsSystem(`job:${job}`, () =>
          this.audit.record(manager, {
            action: 'jobRun',
            objectType: 'jobRun',
            objectId: existing.id,
            detail: { job, runKey, takeover: { from: existing.runner, attempt, by: runner } },
          }),
        );
      }
      return true;
    });
    if (!won) return { status: 'alreadyRun', runId: existing.id };
    if (decision === 'takeOver') {
      this.logger.warn(
        { job, runKey, runId: existing.id, from: existing.runner, attempt },
        `job ${job} ${runKey}: took over the lapsed claim of ${existing.runner}`,
      );
    }
    return { status: 'claimed', runId: existing.id, attempt, job, runKey };
  }
}
