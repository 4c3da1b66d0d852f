/**
 * Benchmark (not a test): `reports/overview` for one committee-year holding 500 held activities
 * (with attendance and every area's records), against "its raw SQL" — the very statements the
 * overview sent, captured from TypeORM's logger and replayed through the driver with their
 * parameters, in the same run. Target ([M1]): overview ≤ 1.5 × raw SQL (median of the runs).
 *
 *   npm run bench:overview     # BENCH_OVERVIEW_DATABASE_URL=mariadb://root@127.0.0.1:3306/renda_bench_overview
 *
 * The database is created anew each run and filled through the services (as the panel would).
 * `sections` in the output times each area's statistics inside the overview against its own
 * statements replayed, to show which section costs what.
 *
 * Last run ([M2] follow-up, 2026-11-30, MariaDB, 2 shared cores, nice): dataset = the [M1] year
 * plus 4 stations with roles, 50 receptions, 4 assessments, 100 visits/forums, 10 handling
 * units, 150 suggestions in all 7 states, 600 voter issues over every outcome (25 statements);
 * overview median 79.9 ms, raw SQL 61.2 ms, ratio 1.31 (within 1.5), RSS 194 MiB. Runs on the
 * busy machine ranged 1.25–1.58 (one noisy run). The M2 sections: stations 8.6 ms vs 3.7 ms raw
 * (5 statements, the largest overhead), outreach 7.2 vs 4.8, suggestions 1.7 vs 0.5.
 */
import '../src/preload.js';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type Logger, type QueryRunner } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/app.config.js';
import { runAsSystem } from '../src/platform/access/actor.js';
import { OverviewService } from '../src/modules/reports/overview.service.js';
import type { AreaStatistics } from '../src/platform/areas/statistics.js';
import { seedCommitteeYear, type SeededYear } from './overview.seed.js';

const RUNS = 15;
const WARM_UP = 3;
const YEAR = 2019;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Records every statement sent while `capturing` is on (TypeORM calls logQuery before each). */
class CapturingLogger implements Logger {
  capturing = false;
  readonly statements: { sql: string; parameters: unknown[] }[] = [];
  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    if (this.capturing) this.statements.push({ sql: query, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * Wraps each area's statistics so every overview records, per area, its time and (on the
 * captured run) its statements. Reaches into OverviewService's section list: a bench, not an API.
 */
function timeSections(
  overviews: OverviewService,
  logger: CapturingLogger,
): Map<string, { ms: number[]; statements: CapturingLogger['statements'] }> {
  const timed = new Map<string, { ms: number[]; statements: CapturingLogger['statements'] }>();
  const { sections } = overviews as unknown as {
    sections: { area: string; statistics: AreaStatistics }[];
  };
  for (const { area, statistics } of sections) {
    const entry = { ms: [] as number[], statements: [] as CapturingLogger['statements'] };
    let captured = false;
    timed.set(area, entry);
    const overview = statistics.overview.bind(statistics);
    statistics.overview = async (scope) => {
      const first = logger.statements.length;
      const started = performance.now();
      const section = await overview(scope);
      const ms = performance.now() - started;
      if (logger.capturing) {
        entry.statements = logger.statements.slice(first);
        captured = true;
      } else if (captured) entry.ms.push(ms);
      return section;
    };
  }
  return timed;
}

async function bootstrap(url: string): Promise<INestApplicationContext> {
  const base = url.replace(/\/[^/]*$/, '');
  const name = url.slice(base.length + 1);
  const admin = new DataSource({ type: 'mariadb', url: base });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.destroy();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    SESSION_SECRET: 'bench-session-secret-bench-session-secret',
    PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  });
  return NestFactory.createApplicationContext(AppModule.forRoot(config, { admin: false }), {
    logger: ['error', 'warn'],
  });
}

async function main(): Promise<void> {
  const url =
    process.env.BENCH_OVERVIEW_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/renda_bench_overview';
  const app = await bootstrap(url);
  try {
    const dataSource = app.get(DataSource);
    const seedStarted = performance.now();
    const seeded: SeededYear = await runAsSystem('bench', () => seedCommitteeYear(app, YEAR));
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const overviews = app.get(OverviewService);
    const logger = new CapturingLogger();
    (dataSource as unknown as { logger: Logger }).logger = logger;

    const ask = () => runAsSystem('bench', () => overviews.overview(seeded.committeeId, YEAR));
    const perSection = timeSections(overviews, logger);
    for (let run = 0; run < WARM_UP; run += 1) await ask();
    logger.capturing = true;
    const overview = await ask();
    logger.capturing = false;
    const statements = [...logger.statements];

    const service: number[] = [];
    const raw: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // Interleaved, so a noisy neighbour slows both alike.
      let started = performance.now();
      await ask();
      service.push(performance.now() - started);
      started = performance.now();
      for (const statement of statements) {
        await dataSource.query(statement.sql, statement.parameters);
      }
      raw.push(performance.now() - started);
    }
    // Which section costs what: each area's statistics timed within the overview, against its
    // own statements replayed (same interleaving).
    const sections: Record<string, { statements: number; ms: number; rawMs: number }> = {};
    for (const [area, section] of perSection.entries()) {
      const rawRuns: number[] = [];
      for (let run = 0; run < section.ms.length; run += 1) {
        const started = performance.now();
        for (const statement of section.statements) {
          await dataSource.query(statement.sql, statement.parameters);
        }
        rawRuns.push(performance.now() - started);
      }
      sections[area] = {
        statements: section.statements.length,
        ms: +median(section.ms).toFixed(1),
        rawMs: +median(rawRuns).toFixed(1),
      };
    }
    const figures = overview.sections.flatMap((section) =>
      section.figures.map((figure) => `${section.area}.${figure.name}=${figure.value}`),
    );
    console.log(
      JSON.stringify(
        {
          dataset: { year: YEAR, ...seeded.counts, seedSeconds: +seedSeconds.toFixed(1) },
          statements: statements.length,
          overviewMs: {
            median: +median(service).toFixed(1),
            runs: service.map((v) => +v.toFixed(1)),
          },
          rawSqlMs: { median: +median(raw).toFixed(1), runs: raw.map((v) => +v.toFixed(1)) },
          overviewOverRaw: +(median(service) / median(raw)).toFixed(2),
          sections,
          target: 1.5,
          withinTarget: median(service) <= 1.5 * median(raw),
          figures,
          rssMiB: +(process.memoryUsage().rss / 2 ** 20).toFixed(0),
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
