/**
 * Benchmark (not a test): evaluating the quarterly rule for 2,000 committees over 1,000,000
 * activities on MariaDB, through the service (SQL aggregates, records written in one
 * transaction) and as the bare GROUP BY it rests on, in the same run. Target: service < 5 s.
 *
 *   npm run bench                      # BENCH_DATABASE_URL=mariadb://root@127.0.0.1:3306/renda_bench
 *
 * The dataset is generated once and kept in that database; later runs reuse it.
 */
import '../src/preload.js';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { quarterPeriod } from '../src/common/period.js';
import { runAsSystem } from '../src/platform/access/actor.js';
import { loadConfig } from '../src/config/app.config.js';
import { CadenceRule } from '../src/modules/compliance/cadence-rule.entity.js';
import { ComplianceService } from '../src/modules/compliance/compliance.service.js';

const COMMITTEES = 2_000;
const ACTIVITIES = 1_000_000;
const BATCH = 5_000;
const RUNS = 5;
const YEARS = { from: 2016, to: 2025 };

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** A small deterministic generator, so every run builds the same dataset. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function seed(dataSource: DataSource): Promise<void> {
  const [{ n: committees }] = await dataSource.query<{ n: string }[]>(
    'SELECT COUNT(*) AS n FROM committee',
  );
  const [{ n: activities }] = await dataSource.query<{ n: string }[]>(
    'SELECT COUNT(*) AS n FROM activity',
  );
  if (Number(committees) === COMMITTEES && Number(activities) === ACTIVITIES) return;
  console.log(`generating ${COMMITTEES} committees and ${ACTIVITIES} activities…`);
  const started = performance.now();
  await dataSource.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const table of ['compliance_record', 'attendance', 'activity', 'committee']) {
    await dataSource.query(`DELETE FROM ${table}`);
  }
  await dataSource.query('SET FOREIGN_KEY_CHECKS = 1');
  await dataSource.query(
    "INSERT INTO committee (id, name, kind) VALUES (1, '基准区人大常委会', 'district')",
  );
  for (let id = 2; id <= COMMITTEES; id += 500) {
    const rows = Array.from({ length: Math.min(500, COMMITTEES - id + 1) }, (_, i) => id + i);
    await dataSource.query(
      `INSERT INTO committee (id, name, kind, parent_id) VALUES ${rows.map(() => "(?, ?, 'subdistrict', 1)").join(',')}`,
      rows.flatMap((n) => [n, `基准街道人大工委${n}`]),
    );
  }
  const [{ id: kindId }] = await dataSource.query<{ id: number }[]>(
    'SELECT id FROM dictionary_item WHERE category IS NOT NULL ORDER BY id LIMIT 1',
  );
  const random = lcg(20_201_231);
  const from = Date.UTC(YEARS.from, 0, 1);
  const span = Date.UTC(YEARS.to + 1, 0, 1) - from;
  for (let done = 0; done < ACTIVITIES; done += BATCH) {
    const values: unknown[] = [];
    for (let i = 0; i < BATCH; i += 1) {
      const draw = random();
      values.push(
        2 + Math.floor(random() * (COMMITTEES - 1)),
        kindId,
        '代表活动',
        new Date(from + Math.floor(random() * span)).toISOString().slice(0, 19).replace('T', ' '),
        draw < 0.8 ? 'held' : draw < 0.9 ? 'planned' : 'cancelled',
      );
    }
    await dataSource.query(
      `INSERT INTO activity (committee_id, kind_id, title, starts_at, status) VALUES ${Array.from({ length: BATCH }, () => '(?, ?, ?, ?, ?)').join(',')}`,
      values,
    );
  }
  await dataSource.query('ANALYZE TABLE activity');
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/renda_bench';
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    SESSION_SECRET: 'bench-session-secret-bench-session-secret',
    PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, { admin: false }),
    { logger: ['error', 'warn'] },
  );
  try {
    const dataSource = app.get(DataSource);
    await seed(dataSource);
    const rule = await dataSource.getRepository(CadenceRule).findOneByOrFail({ id: 1 });
    const period = quarterPeriod(2020, 2, config.timeZone);
    const asOf = new Date(period.end.getTime() + 45 * 60_000);
    const compliance = app.get(ComplianceService);

    const raw: number[] = [];
    const service: number[] = [];
    let rawGroups = 0;
    let counts = { subjects: 0, met: 0, missed: 0, notifications: 0 };
    for (let run = 0; run < RUNS; run += 1) {
      let started = performance.now();
      const rows = await dataSource.query<unknown[]>(
        "SELECT committee_id, COUNT(*) AS n FROM activity WHERE status = 'held' AND starts_at >= ? AND starts_at < ? GROUP BY committee_id",
        [period.start, period.end],
      );
      raw.push(performance.now() - started);
      rawGroups = rows.length;
      started = performance.now();
      counts = await runAsSystem('bench', () => compliance.evaluate(rule, period, asOf));
      service.push(performance.now() - started);
    }
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(
      JSON.stringify(
        {
          dataset: { committees: COMMITTEES, activities: ACTIVITIES, period: period.key },
          rawSqlGroupByMs: { median: +median(raw).toFixed(1), runs: raw.map((v) => +v.toFixed(1)) },
          serviceEvaluateMs: {
            median: +median(service).toFixed(1),
            runs: service.map((v) => +v.toFixed(1)),
          },
          serviceOverRaw: +(median(service) / median(raw)).toFixed(2),
          result: { ...counts, rawGroups },
          targetMs: 5000,
          withinTarget: median(service) < 5000,
          rssMiB: +rss.toFixed(0),
        },
        null,
        2,
      ),
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
