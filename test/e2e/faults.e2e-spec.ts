import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock.js';
import { loadConfig } from '../../src/config/app.config.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { AuditLog } from '../../src/modules/audit/audit-log.entity.js';
import { JobRun } from '../../src/modules/jobs/job-run.entity.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createTestApp } from '../support/test-app.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database.js';

/** Generous: the machine is shared and slow; every wait below is on a condition, not a guess. */
const FAULT_TEST_TIMEOUT = 240_000;
const AS_OF = '2020-07-01T00:45:00+08:00';

/** Polls `probe` until it returns a value other than undefined; fails naming `what`. */
async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Cli {
  child: ChildProcess;
  output(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The built CLI (`node dist/src/cli/main.js`), as an operator or cron runs it. */
function startCli(args: string[], env: Record<string, string>): Cli {
  const child = spawn(
    process.execPath,
    [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), ...args],
    {
      env: { ...process.env, ...env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { child, output: () => output, exit };
}

/** A connection of the test's own to the database under test, to watch what the processes write. */
async function openDatabase(database: TestDatabase): Promise<DataSource> {
  const config = loadConfig({ ...process.env, ...database.env });
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  return dataSource;
}

const takeoverAudits = async (dataSource: DataSource, runId: number): Promise<AuditLog[]> =>
  (
    await dataSource
      .getRepository(AuditLog)
      .findBy({ action: 'jobRun', objectType: 'jobRun', objectId: String(runId) })
  ).filter((row) => (row.detail ?? '').includes('"takeover"'));

describe(`a job run killed after its claim, on ${testDialect()}`, () => {
  let database: TestDatabase;
  let watch: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const seeding = await createTestApp({ database });
    await createOrganisation(seeding.app);
    await seeding.close();
    watch = await openDatabase(database);
  }, FAULT_TEST_TIMEOUT);

  afterAll(async () => {
    await watch?.destroy();
    await database?.drop();
  });

  it(
    'should be refused while its lease is live and completed, once, by the next attempt after the lease',
    async () => {
      const runs = watch.getRepository(JobRun);
      // 1. A CLI run claims the period, then pauses (the NODE_ENV=test seam) with a 4 s lease.
      const first = startCli(['jobs:run', 'period-close', '--as-of', AS_OF], {
        ...database.env,
        NODE_ENV: 'test',
        JOB_LEASE_SECONDS: '4',
        RENDA_TEST_PAUSE_AFTER_CLAIM_MS: '600000',
      });
      const claimed = await waitFor('the CLI to claim a run', async () => {
        if (first.child.exitCode !== null) throw new Error(`the CLI exited:\n${first.output()}`);
        return (await runs.findOneBy({ job: 'period-close', outcome: 'running' })) ?? undefined;
      });
      expect(claimed).toMatchObject({ attempts: 1, takenOverFrom: null, runner: 'cli' });
      // The live runner renews its lease while it holds the claim.
      await waitFor('the lease to be renewed', async () => {
        const row = await runs.findOneByOrFail({ id: claimed.id });
        return row.leaseUntil!.getTime() > claimed.leaseUntil!.getTime() ? row : undefined;
      });

      // 2. kill -9: no handler runs, the row stays `running`.
      first.child.kill('SIGKILL');
      expect((await first.exit).signal).toBe('SIGKILL');
      const orphan = await runs.findOneByOrFail({ id: claimed.id });
      expect(orphan.outcome).toBe('running');
      const leaseUntil = orphan.leaseUntil!;

      // 3. An attempt while the lease is still live (the clock just before its end) is refused.
      const early = await createTestApp({
        database,
        clock: new FixedClock(new Date(leaseUntil.getTime() - 1000)),
      });
      try {
        const report = await early.app.get(JobsService).run('period-close', new Date(AS_OF));
        const same = report.runs.find((run) => run.runKey === orphan.runKey);
        expect(same?.result).toEqual({ status: 'alreadyRun', runId: orphan.id });
      } finally {
        await early.close();
      }
      expect(await runs.findOneByOrFail({ id: orphan.id })).toMatchObject({
        outcome: 'running',
        attempts: 1,
      });

      // 4. Once the lease has passed (real time: the CLI reads the system clock), the next CLI
      // run takes the run over and completes it.
      await waitFor('the lease to pass', () =>
        Promise.resolve(Date.now() > leaseUntil.getTime() + 1000 ? true : undefined),
      );
      const second = startCli(['jobs:run', 'period-close', '--as-of', AS_OF], database.env);
      const { code } = await second.exit;
      expect({ code, output: second.output() }).toMatchObject({ code: 0 });
      expect(second.output()).toContain(`${orphan.runKey}: {"status":"ran"`);
      const completed = await runs.findOneByOrFail({ id: orphan.id });
      expect(completed).toMatchObject({
        outcome: 'succeeded',
        attempts: 2,
        takenOverFrom: 'cli',
        error: null,
      });
      expect(completed.finishedAt).not.toBeNull();
      expect(await takeoverAudits(watch, orphan.id)).toHaveLength(1);

      // 5. Done is done: a third run does nothing, and nothing was taken over again.
      const third = startCli(['jobs:run', 'period-close', '--as-of', AS_OF], database.env);
      expect((await third.exit).code).toBe(0);
      expect(third.output()).not.toContain('"status":"ran"');
      expect(await runs.findOneByOrFail({ id: orphan.id })).toMatchObject({ attempts: 2 });
      expect(await takeoverAudits(watch, orphan.id)).toHaveLength(1);
    },
    FAULT_TEST_TIMEOUT,
  );

  it(
    'should let exactly one of two instances take over a lapsed claim',
    async () => {
      // What a crash leaves behind: a running claim whose runner stopped renewing it long ago.
      const orphan = await watch.getRepository(JobRun).save(
        watch.getRepository(JobRun).create({
          job: 'record-keeping',
          runKey: '2026-01-01',
          asOf: new Date('2025-12-31T16:30:00Z'),
          startedAt: new Date('2025-12-31T16:30:00Z'),
          outcome: 'running',
          runner: 'lost-host:4242',
          leaseUntil: new Date('2025-12-31T16:32:00Z'),
        }),
      );
      // Two processes started together, as two instances' schedulers or two operators would.
      const args = ['jobs:run', 'record-keeping', '--as-of', '2026-01-01T00:30:00+08:00'];
      const instances = [startCli(args, database.env), startCli(args, database.env)];
      const exits = await Promise.all(instances.map((instance) => instance.exit));
      const outputs = instances.map((instance) => instance.output());
      expect({ exits, outputs }).toMatchObject({ exits: [{ code: 0 }, { code: 0 }] });
      const statuses = outputs.map((output) => /"status":"(\w+)"/.exec(output)?.[1]);
      expect(statuses.sort()).toEqual(['alreadyRun', 'ran']);
      const row = await watch.getRepository(JobRun).findOneByOrFail({ id: orphan.id });
      expect(row).toMatchObject({
        outcome: 'succeeded',
        attempts: 2,
        takenOverFrom: 'lost-host:4242',
        runner: 'cli',
      });
      expect(await takeoverAudits(watch, orphan.id)).toHaveLength(1);
    },
    FAULT_TEST_TIMEOUT,
  );
});
