import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { invalidInput } from '../../common/errors.js';
import { periodsWithin } from '../../common/period.js';
import { COMPLIANCE_LABELS } from '../compliance/compliance.labels.js';
import { authorize } from '../../platform/records/record.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import type { JobCounts, RunResult } from '../jobs/job-handler.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { JOBS } from '../jobs/schedule.js';
import { pastRange } from './cadence.rules.js';
import { PeriodCloseJob } from './compliance.jobs.js';
import { ComplianceService, type CloseCounts } from './compliance.service.js';

/** A run started by a person (the admin's 立即检查, the CLI's --from/--to): its monitor entry. */
export interface ManualRun {
  runKey: string;
  result: RunResult;
}

/**
 * A run key of its own for each manual run (so every one shows in the job monitor), e.g.
 * manual:2019-Q1..2019-Q4:20261130T024000Z-1a2b3c4d.
 */
const manualKey = (what: string, asOf: Date): string =>
  `manual:${what}:${asOf.toISOString().replace(/[-:]|\.\d+/g, '')}-${randomBytes(4).toString('hex')}`;

/**
 * The period-close runs people start ([H1] §4): 立即检查 and 往期检查 from the admin panel, and
 * `jobs:run period-close --from … --to …` from the CLI. Each needs the `runCheck` permission, is
 * a run of its own in the job monitor, and is audited under whoever asked for it.
 */
@Injectable()
export class ManualRunsService {
  constructor(
    private readonly runner: JobRunner,
    private readonly periodClose: PeriodCloseJob,
    private readonly compliance: ComplianceService,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * 立即检查 (admin): closes whatever has ended (claimed once, like the nightly close) and
   * re-counts the running period, so staff see the effect of what they just recorded. The check
   * is a run of its own in the job monitor.
   */
  async checkNow(asOf: Date, runner: string): Promise<ManualRun> {
    authorize('cadenceRule', COMPLIANCE_LABELS.records.cadenceRule, 'runCheck');
    const job = JOBS.periodClose.name;
    const runKey = manualKey('check', asOf);
    const result = await this.runner.once(
      job,
      runKey,
      asOf,
      async () => {
        const close = await this.periodClose.run(asOf, runner);
        const current = await this.compliance.refreshCurrent(asOf);
        return {
          closed: close.runs.filter((run) => run.result.status === 'ran').length,
          current,
        };
      },
      runner,
    );
    await this.auditRequest(job, runKey, result, { check: 'now' });
    return { runKey, result };
  }

  /**
   * 往期检查: evaluates every period of every enabled rule from `from` to `to` (a year, 2019, or
   * a quarter, 2019-Q1; all ended as of `asOf`) as one run of its own in the job monitor. Closed
   * periods are re-evaluated (their history keeps the earlier outcome); notices go out only for
   * changed outcomes of recent periods. Refuses a bad range with 400 naming the field.
   */
  async evaluateRange(
    range: { from: string; to: string },
    asOf: Date,
    runner: string,
  ): Promise<ManualRun> {
    authorize('cadenceRule', COMPLIANCE_LABELS.records.cadenceRule, 'runCheck');
    const zone = this.config.timeZone;
    const span = pastRange(range, asOf, zone);
    if (!span.ok) throw invalidInput(span.problems);
    const job = JOBS.periodClose.name;
    const runKey = manualKey(`${span.from.key}..${span.to.key}`, asOf);
    const result = await this.runner.once(
      job,
      runKey,
      asOf,
      async () => {
        const runId = await this.runner.runIdOf(job, runKey);
        const totals: JobCounts = { periods: 0 };
        for (const rule of await this.compliance.enabledRules()) {
          for (const period of periodsWithin(rule.period, span.start, span.end, zone)) {
            addCounts(totals, await this.compliance.evaluate(rule, period, asOf, runId));
            totals.periods += 1;
          }
        }
        return totals;
      },
      runner,
    );
    await this.auditRequest(job, runKey, result, { from: span.from.key, to: span.to.key });
    return { runKey, result };
  }

  /** Who asked for a manual run (the admin, or `cli`): the run itself is audited as the system. */
  private async auditRequest(
    job: string,
    runKey: string,
    result: RunResult,
    requested: object,
  ): Promise<void> {
    await this.audit.recordAlone({
      action: 'jobRun',
      objectType: 'jobRun',
      objectId: result.runId,
      outcome: result.status === 'failed' ? 'failure' : 'success',
      detail: { job, runKey, requested, status: result.status },
    });
  }
}

function addCounts(totals: JobCounts, counts: CloseCounts): void {
  const added: JobCounts = { ...counts };
  for (const [name, value] of Object.entries(added)) totals[name] = (totals[name] ?? 0) + value;
}
