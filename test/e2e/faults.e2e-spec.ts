import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { zhCN } from '../../src/admin/locale/zh-CN.js';
import { AREAS } from '../../src/areas.js';
import { FixedClock } from '../../src/common/clock.js';
import { loadConfig } from '../../src/config/app.config.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { JobRun } from '../../src/modules/jobs/job-run.entity.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { DictionaryItem } from '../../src/modules/dictionaries/dictionary-item.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { startBuiltServer, type BuiltServer } from '../support/built-server.js';
import { createScratchMariadb, type ScratchMariadb } from '../support/scratch-mariadb.js';
import { createTestApp, issueKey } from '../support/test-app.js';
import type { App } from 'supertest/types.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database.js';

/** The panel's translations, as the admin module builds them from the areas. */
const ZH_CN = zhCN(AREAS);

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

/** CLI processes still running: a failed expectation must not leave one holding the database. */
const runningClis = new Set<ChildProcess>();
afterAll(() => {
  for (const child of runningClis) child.kill('SIGKILL');
});

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
  runningClis.add(child);
  child.once('exit', () => runningClis.delete(child));
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
    await runAsSystem('test', () =>
      seeding.app
        .get(AdminUsersService)
        .create({ username: 'sys', password: TEST_PASSWORD, role: 'systemAdmin' }),
    );
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

      // The job monitor (系统设置 → 定时任务) shows the takeover, labelled in Chinese.
      const monitor = await createTestApp({ database, admin: true });
      try {
        const sys = (await login(monitor.app.getHttpServer() as App, 'sys')).agent;
        const list = await sys.get('/admin/api/resources/JobRun/actions/list').expect(200);
        const shown = (
          list.body as { records: { params: Record<string, unknown> }[] }
        ).records.find((record) => record.params.id === orphan.id);
        expect(shown?.params).toMatchObject({ attempts: 2, takenOverFrom: 'cli' });
      } finally {
        await monitor.close();
      }
      expect(ZH_CN.resources?.JobRun?.properties).toMatchObject({
        attempts: '认领次数',
        takenOverFrom: expect.stringContaining('接管自') as unknown,
        leaseUntil: '认领有效至',
      });

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

interface Answer {
  kind: 'read' | 'write';
  status: number;
  body: string;
  retryAfter: string | null;
  title?: string;
}

/**
 * A light, steady request load on the built server: reads of the activity list and, every third
 * request, a new activity (one transaction with its audit row). Records every answer.
 */
function startLoad(url: string, key: string, activity: { committeeId: number; kindId: number }) {
  const answers: Answer[] = [];
  let running = true;
  const done = (async () => {
    for (let n = 1; running; n += 1) {
      const write = n % 3 === 0;
      const title = `负载活动${n}`;
      const answer: Answer = {
        kind: write ? 'write' : 'read',
        status: 0,
        body: '',
        retryAfter: null,
      };
      try {
        const response = await fetch(`${url}/api/v1/activities${write ? '' : '?pageSize=5'}`, {
          method: write ? 'POST' : 'GET',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: write
            ? JSON.stringify({
                ...activity,
                title,
                startsAt: '2020-03-31T14:30:00+08:00',
                status: 'held',
              })
            : undefined,
        });
        Object.assign(answer, {
          status: response.status,
          body: await response.text(),
          retryAfter: response.headers.get('retry-after'),
          ...(write && { title }),
        });
      } catch (error) {
        answer.body = String(error);
      }
      answers.push(answer);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    answers,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

const readiness = async (url: string): Promise<number> =>
  (await fetch(`${url}/health/ready`)).status;

/** A stack trace, or the internals of one (file paths, node_modules). */
const STACK = /\n\s+at |node_modules|\.js:\d+/;

// SQLite is embedded in the app's own process: there is no database server to lose.
const describeOnMariadb = testDialect() === 'mariadb' ? describe : describe.skip;

describeOnMariadb(
  'the database goes away and comes back (MariaDB only: SQLite has no server to lose)',
  () => {
    let mariadb: ScratchMariadb;
    let database: TestDatabase;
    let server: BuiltServer | undefined;
    let key: string;
    let activity: { committeeId: number; kindId: number };
    let load: ReturnType<typeof startLoad> | undefined;

    beforeAll(async () => {
      mariadb = await createScratchMariadb();
      await mariadb.start();
      await mariadb.query(
        'CREATE DATABASE renda_faults CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
      );
      const dataDir = mkdtempSync(join(tmpdir(), 'renda-faults-'));
      database = {
        env: { DATA_DIR: dataDir, DATABASE_URL: `${mariadb.serverUrl}renda_faults` },
        drop: () => {
          rmSync(dataDir, { recursive: true, force: true });
          return Promise.resolve();
        },
      };
      const seeding = await createTestApp({ database });
      const { districtId, subdistrictId } = await createOrganisation(seeding.app);
      key = await issueKey(seeding.app, ['records:read', 'records:write'], {
        role: 'committeeAdmin',
        committeeId: districtId,
      });
      const kind = await seeding.dataSource
        .getRepository(DictionaryItem)
        .findOneByOrFail({ code: 'work_meeting' });
      activity = { committeeId: subdistrictId, kindId: kind.id };
      await seeding.close();
    }, FAULT_TEST_TIMEOUT);

    afterAll(async () => {
      await load?.stop();
      await server?.stop();
      await mariadb?.destroy();
      await database?.drop();
    });

    it(
      'should answer 503 while it is gone, write nothing by halves, and recover without a restart',
      async () => {
        server = await startBuiltServer(database.env);
        const { url } = server;
        load = startLoad(url, key, activity);
        const { answers } = load;
        await waitFor('the load to get going', () =>
          Promise.resolve(
            answers.filter((answer) => answer.status === 201).length >= 3 ? true : undefined,
          ),
        );

        // The database stops (a clean shutdown, as a service manager or a failover does it).
        await mariadb.stop();
        await waitFor('/health/ready to answer 503', async () =>
          (await readiness(url)) === 503 ? true : undefined,
        );
        // Down, said without naming where the database lives.
        const ready = await (await fetch(`${url}/health/ready`)).text();
        expect(ready).toContain('"down"');
        expect(ready).not.toContain(String(mariadb.port));
        const read = await fetch(`${url}/api/v1/activities`, {
          headers: { authorization: `Bearer ${key}` },
        });
        const readBody = await read.text();
        expect({ status: read.status, body: readBody }).toMatchObject({ status: 503 });
        expect(JSON.parse(readBody)).toMatchObject({
          code: 'DATABASE_UNAVAILABLE',
          message: expect.stringContaining('数据库暂时不可用') as unknown,
        });
        expect(readBody).not.toMatch(STACK);
        expect(read.headers.get('retry-after')).toBe('5');
        const write = await fetch(`${url}/api/v1/activities`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            ...activity,
            title: '停机期间的写入',
            startsAt: '2020-04-01T09:00:00+08:00',
            status: 'held',
          }),
        });
        expect(write.status).toBe(503);
        const during = answers.length;
        await waitFor('the load to meet the outage', () =>
          Promise.resolve(answers.length >= during + 5 ? true : undefined),
        );

        // It comes back on the same port and data: the same server process recovers by itself.
        await mariadb.start();
        await waitFor('/health/ready to answer 200 again', async () =>
          (await readiness(url)) === 200 ? true : undefined,
        );
        const after = answers.length;
        await waitFor('writes to succeed again', () =>
          Promise.resolve(
            answers.slice(after).some((answer) => answer.status === 201) ? true : undefined,
          ),
        );
        await load.stop();
        expect(server.process.exitCode).toBeNull();

        // Every answer was a success or a clean 503: never a 500, never a stack, never a dropped
        // connection.
        const statuses = new Set(answers.map((answer) => answer.status));
        expect([...statuses].sort()).toEqual([200, 201, 503]);
        for (const answer of answers.filter((each) => each.status === 503)) {
          expect(JSON.parse(answer.body)).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
          expect(answer.body).not.toMatch(STACK);
        }

        // Nothing half-written: each activity that exists has its audit row (same transaction),
        // each 201 left its activity, and the write refused during the outage left nothing.
        const check = await openDatabase(database);
        try {
          const activities = await check.getRepository(Activity).find();
          const audited = new Set(
            (
              await check
                .getRepository(AuditLog)
                .findBy({ action: 'create', objectType: 'activity' })
            ).map((row) => row.objectId),
          );
          expect(activities.filter((row) => !audited.has(String(row.id)))).toEqual([]);
          const titles = new Set(activities.map((row) => row.title));
          const created = answers.filter((answer) => answer.status === 201);
          expect(created.filter((answer) => !titles.has(answer.title!))).toEqual([]);
          expect(titles.has('停机期间的写入')).toBe(false);
        } finally {
          await check.destroy();
        }
      },
      FAULT_TEST_TIMEOUT,
    );
  },
);

/** A database with an organisation and a system administrator, and the test's own connection. */
async function prepareForShutdown(): Promise<{ database: TestDatabase; watch: DataSource }> {
  const database = await createTestDatabase();
  const seeding = await createTestApp({ database });
  await createOrganisation(seeding.app);
  await runAsSystem('test', () =>
    seeding.app
      .get(AdminUsersService)
      .create({ username: 'sys', password: TEST_PASSWORD, role: 'systemAdmin' }),
  );
  await seeding.close();
  return { database, watch: await openDatabase(database) };
}

/** Logs the system administrator in through the admin form; returns the session cookie. */
async function adminCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'sys', password: TEST_PASSWORD }),
    redirect: 'manual',
  });
  const cookie = response.headers
    .getSetCookie()
    .find((each) => each.startsWith('renda.sid='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`login answered ${response.status} without a session`);
  return cookie;
}

/** 立即检查 in the admin: closes the period that has ended, through the job runner. */
async function runCheckNow(
  url: string,
  cookie: string,
): Promise<{ status: number; body: string; at: number }> {
  const response = await fetch(`${url}/admin/api/resources/CadenceRule/actions/runCheck`, {
    method: 'POST',
    headers: { cookie },
  });
  return { status: response.status, body: await response.text(), at: Date.now() };
}

/** Whether a fresh connection to the server is refused (the port is closed). */
const refusesConnections = (url: string): Promise<boolean> =>
  fetch(`${url}/health/live`, { headers: { connection: 'close' } }).then(
    () => false,
    (error: Error & { cause?: { code?: string } }) => error.cause?.code === 'ECONNREFUSED',
  );

describe(`SIGTERM on ${testDialect()}`, () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(
    'should finish the request in flight and its job, refuse new connections, and exit 0',
    async () => {
      const { database, watch } = await prepareForShutdown();
      cleanups.push(
        () => database.drop(),
        () => watch.destroy(),
      );
      const server = await startBuiltServer({
        ...database.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        // 立即检查 is a run of its own around the period's run: each pauses after its claim.
        RENDA_TEST_PAUSE_AFTER_CLAIM_MS: '5000',
        SHUTDOWN_TIMEOUT_SECONDS: '60',
      });
      cleanups.push(() => server.stop());
      const cookie = await adminCookie(server.url);
      const inFlight = runCheckNow(server.url, cookie);
      const run = await waitFor(
        'the check to claim its run',
        async () =>
          (await watch.getRepository(JobRun).findOneBy({ outcome: 'running' })) ?? undefined,
      );
      const exit = once(server.process, 'exit');
      const signalledAt = Date.now();
      server.process.kill('SIGTERM');

      const refusedAt = await waitFor('new connections to be refused', async () =>
        (await refusesConnections(server.url)) ? Date.now() : undefined,
      );
      const answer = await inFlight;
      expect(refusedAt).toBeLessThan(answer.at);
      expect({ status: answer.status, output: server.output() }).toMatchObject({ status: 200 });
      expect(answer.body).toContain('立即检查完成：结算 1 个期间');
      const [code, signal] = (await exit) as [number | null, string | null];
      expect({ code, signal, output: server.output() }).toMatchObject({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(60_000);
      // The check's run and the period's run inside it both finished; none is left running.
      const runs = await watch.getRepository(JobRun).find({ order: { id: 'ASC' } });
      expect(runs.map((each) => [each.outcome, each.attempts])).toEqual([
        ['succeeded', 1],
        ['succeeded', 1],
      ]);
      expect(runs[0].id).toBe(run.id);
      expect(server.output()).toContain('收到 SIGTERM');
    },
    FAULT_TEST_TIMEOUT,
  );

  it(
    'should release the claim of a job still running at the shutdown timeout, and exit 0',
    async () => {
      const { database, watch } = await prepareForShutdown();
      cleanups.push(
        () => database.drop(),
        () => watch.destroy(),
      );
      const server = await startBuiltServer({
        ...database.env,
        NODE_ENV: 'test',
        RENDA_TEST_PAUSE_AFTER_CLAIM_MS: '600000',
        SHUTDOWN_TIMEOUT_SECONDS: '3',
      });
      cleanups.push(() => server.stop());
      const cookie = await adminCookie(server.url);
      const inFlight = runCheckNow(server.url, cookie).then(
        (answer) => answer.status,
        () => 'cut off',
      );
      const run = await waitFor(
        'the check to claim its run',
        async () =>
          (await watch.getRepository(JobRun).findOneBy({ outcome: 'running' })) ?? undefined,
      );
      const exit = once(server.process, 'exit');
      server.process.kill('SIGTERM');
      const [code] = (await exit) as [number | null];
      expect({ code, output: server.output() }).toMatchObject({ code: 0 });
      expect(await inFlight).toBe('cut off');
      const released = await watch.getRepository(JobRun).findOneByOrFail({ id: run.id });
      expect(released).toMatchObject({ outcome: 'failed', attempts: 1 });
      expect(released.error).toContain('已释放认领');
      // Released, not lapsed: nothing waits for a lease (the CLI test below redoes one at once).
      expect(await watch.getRepository(JobRun).countBy({ outcome: 'running' })).toBe(0);
    },
    FAULT_TEST_TIMEOUT,
  );
  it(
    'should let a CLI run stopped by SIGTERM hand its claim back for the next run to redo at once',
    async () => {
      const { database, watch } = await prepareForShutdown();
      cleanups.push(
        () => database.drop(),
        () => watch.destroy(),
      );
      const args = ['jobs:run', 'period-close', '--as-of', AS_OF];
      const cli = startCli(args, {
        ...database.env,
        NODE_ENV: 'test',
        RENDA_TEST_PAUSE_AFTER_CLAIM_MS: '600000',
        SHUTDOWN_TIMEOUT_SECONDS: '1',
      });
      const run = await waitFor('the CLI to claim its run', async () => {
        if (cli.child.exitCode !== null) throw new Error(`the CLI exited:\n${cli.output()}`);
        return (await watch.getRepository(JobRun).findOneBy({ outcome: 'running' })) ?? undefined;
      });
      cli.child.kill('SIGTERM');
      expect({ ...(await cli.exit), output: cli.output() }).toMatchObject({ code: 1 });
      const released = await watch.getRepository(JobRun).findOneByOrFail({ id: run.id });
      expect(released).toMatchObject({ outcome: 'failed', attempts: 1 });
      expect(released.error).toContain('已释放认领');

      const next = startCli(args, database.env);
      expect((await next.exit).code).toBe(0);
      expect(next.output()).toContain(`${run.runKey}: {"status":"ran"`);
      expect(await watch.getRepository(JobRun).findOneByOrFail({ id: run.id })).toMatchObject({
        outcome: 'succeeded',
        attempts: 2,
      });
    },
    FAULT_TEST_TIMEOUT,
  );
});
