import '../preload.js';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import { createRootLogger, PinoLoggerService } from '../common/logger.js';
import { DomainError } from '../common/errors.js';
import { loadConfig, type AppConfig } from '../config/app.config.js';
import { dataSourceOptions, ensureDatabaseExists } from '../database/data-source-options.js';
import { takeTurnsOnSqlite } from '../database/sqlite-transactions.js';
import { AdminUsersService } from '../modules/auth/admin-users.service.js';
import { ApiKeysService } from '../modules/auth/api-keys.service.js';
import { AdminUser } from '../modules/auth/admin-user.entity.js';
import { UserAdministrationService } from '../modules/auth/user-administration.service.js';
import { formatDemoReport, seedDemo } from './demo-seed.js';
import { encryptPlainPersonalData } from './encrypt-personal-data.js';
import { AuditTrail } from '../platform/audit/audit-trail.service.js';
import { JobRunner } from '../modules/jobs/job-runner.service.js';
import { JobsService } from '../modules/jobs/jobs.service.js';
import { ManualRunsService } from '../modules/compliance/manual-runs.service.js';
import { isJobName, JOB_NAMES } from '../modules/jobs/schedule.js';
import { runAsSystem } from '../platform/access/actor.js';
import { isRole } from '../common/roles.js';
import { SystemClock } from '../common/clock.js';
import { CalendarService } from '../modules/calendar/calendar.service.js';
import { stateCouncilNotice } from '../modules/calendar/state-council-notice.js';

const USAGE = `用法 / usage: npm run cli -- <command> [options]
  migration:run                  执行未执行的迁移 / apply pending migrations
  migration:revert               回滚最近一次迁移 / revert the last migration
  migration:check                实体与数据库结构不一致时退出码 1 / exit 1 on schema drift
  admin:create --username U --password P [--role systemAdmin|securityAdmin|auditor|committeeAdmin|staff|stationStaff|districtViewer] [--committee ID]
  api-key:create --name N --scopes records:read,reports:read --committee ID --holder USERNAME|ID
                 [--role districtViewer|staff|stationStaff|committeeAdmin] [--expires 2027-01-01T00:00:00+08:00]
                                 持有人须为该工委已启用的业务账号或对接账号，角色不超出持有人；
                                 作用域 records:read, records:write, records:export, personal:reveal, reports:read
                                 最后一行只输出密钥 / prints the key alone on its last line
  admin:reset-password --username U [--clear-second-factor]
                                 在服务器上重置账号密码（三员只能这样重置），默认保留双因素；
                                 临时密码只输出一次 / reset a password on the server (the only way
                                 for the three administrators), keeping the second factor
  seed:demo                      写入本年度演示数据并结算达标，创建演示工作人员账号（可重复执行）
                                 / this year's demo data, compliance closed, a demo clerk account
  personal-data:encrypt          加密迁移前写入的明文电话 / encrypt phones stored before encryption
  jobs:run <job> [--as-of 2020-07-01T00:45:00+08:00]
                                 立即运行定时任务（重复运行无害）/ run a job now, as of a moment
                                 jobs: ${JOB_NAMES.join(', ')}
  jobs:run period-close --from 2019-Q1 --to 2019-Q4
                                 按记录重新评定已结束的往期（年度如 2019 或季度如 2019-Q1），
                                 原结果保留在历史中，只对最近一期的变化发通知 / evaluate past
                                 periods again; history kept, notices only for a recent change
  audit:purge                    删除超过 AUDIT_RETENTION_DAYS 的审计日志 / purge audit rows past retention
  calendar:import --year 2027    从 chinese-days 导入该年国务院节假日安排（放假与调休），工作人员
                                 录入或修改过的日期不覆盖 / import a year's holidays and 调休 days,
                                 keeping the dates staff entered or changed`;

async function withDataSource<T>(
  config: AppConfig,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  await ensureDatabaseExists(config);
  const dataSource = takeTurnsOnSqlite(new DataSource(dataSourceOptions(config)));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function withApp<T>(
  config: AppConfig,
  work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
): Promise<T> {
  // The CLI never schedules jobs of its own: it runs what it is told, once.
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, jobs: { ...config.jobs, enabled: false } }, { admin: false }),
    {
      logger: new PinoLoggerService(
        createRootLogger({ ...config, log: { ...config.log, level: 'warn' } }),
      ),
    },
  );
  try {
    // The CLI is the operator at the machine: it acts as the system, audited as `cli`.
    return await runAsSystem('cli', () => work(app));
  } finally {
    await app.close();
  }
}

/**
 * SIGTERM/SIGINT during `jobs:run`: the run in progress finishes (or, past
 * SHUTDOWN_TIMEOUT_SECONDS, hands its claim back), no further run starts, and the CLI exits 1
 * (interrupted): what it did not reach, the next run does.
 */
function releaseClaimsOnSignals(runner: JobRunner, config: AppConfig): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`收到 ${signal}，等待当前任务完成后退出 / stopping after the current run`);
      void runner.settle(config.shutdownTimeoutSeconds * 1000).then((released) => {
        if (released > 0) console.error(`已释放 ${released} 个未完成的认领 / released`);
        process.exit(1);
      });
    });
  }
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      committee: { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string' },
      holder: { type: 'string' },
      'clear-second-factor': { type: 'boolean' },
      'as-of': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      year: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    // Asked for (`--help`) is a success; no command at all is a usage error.
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'migration:run':
      return withDataSource(config, async (dataSource) => {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(
          applied.length
            ? applied.map((m) => `已执行 / applied ${m.name}`).join('\n')
            : '没有待执行的迁移 / nothing to apply',
        );
        return 0;
      });
    case 'migration:revert':
      return withDataSource(config, async (dataSource) => {
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('已回滚最近一次迁移 / reverted the last migration');
        return 0;
      });
    case 'migration:check':
      return withDataSource(config, async (dataSource) => {
        const pending = await dataSource.showMigrations();
        const drift = (await dataSource.driver.createSchemaBuilder().log()).upQueries;
        if (pending || drift.length > 0) {
          console.log(pending ? '有未执行的迁移 / migrations pending' : '');
          drift.forEach((query) => console.log(query.query));
          return 1;
        }
        console.log('数据库结构与实体一致 / schema matches the entities');
        return 0;
      });
    case 'admin:create':
      if (!values.username || !values.password) {
        throw new Error('admin:create 需要 --username 和 --password');
      }
      return withApp(config, async (app) => {
        const user = await app.get(AdminUsersService).createAtConsole({
          username: values.username!,
          password: values.password!,
          role: values.role && isRole(values.role) ? values.role : null,
          committeeId: values.committee ? Number(values.committee) : null,
        });
        console.log(`已创建管理员 / created admin user ${user.username} (id ${user.id})`);
        return 0;
      });
    case 'api-key:create':
      if (!values.name || !values.scopes || !values.committee || !values.holder) {
        throw new Error('api-key:create 需要 --name、--scopes、--committee 和 --holder');
      }
      return withApp(config, async (app) => {
        const expiresAt = values.expires ? new Date(values.expires) : null;
        if (expiresAt && Number.isNaN(expiresAt.getTime())) {
          throw new Error('--expires 不是有效时间 / is not a valid instant');
        }
        const holder = values.holder!;
        const holderAccount = await app
          .get(DataSource)
          .getRepository(AdminUser)
          .findOneBy(/^\d+$/.test(holder) ? { id: Number(holder) } : { username: holder });
        if (!holderAccount) throw new Error(`--holder 账号不存在 / no such account: ${holder}`);
        const { apiKey, key } = await app.get(ApiKeysService).issue({
          name: values.name!,
          scopes: values.scopes!.split(',').map((scope) => scope.trim()),
          role: values.role ?? 'districtViewer',
          committeeId: Number(values.committee),
          holderId: holderAccount.id,
          expiresAt,
        });
        console.log(
          `已创建 API 密钥 / created API key #${apiKey.id} "${apiKey.name}" scopes=${apiKey.scopes}`,
        );
        console.log('密钥只显示这一次，请妥善保存 / the key is shown once only:');
        console.log(key);
        return 0;
      });
    case 'admin:reset-password':
      if (!values.username) throw new Error('admin:reset-password 需要 --username');
      return withApp(config, async (app) => {
        const { user, temporaryPassword } = await app
          .get(UserAdministrationService)
          .resetAdministratorPassword(values.username!, {
            clearSecondFactor: values['clear-second-factor'] ?? false,
          });
        console.log(
          `已重置 ${user.username} 的密码，首次登录须修改；双因素${user.totpEnabledAt ? '保留' : '未启用或已清除'} / password reset`,
        );
        console.log('临时密码只显示这一次 / the temporary password is shown once only:');
        console.log(temporaryPassword);
        return 0;
      });
    case 'personal-data:encrypt':
      return withDataSource(config, async (dataSource) => {
        const count = await runAsSystem('cli', () => encryptPlainPersonalData(dataSource));
        console.log(`已加密 ${count} 条 / encrypted ${count} rows`);
        return 0;
      });
    case 'jobs:run': {
      const job = positionals[1] ?? '';
      if (!isJobName(job)) {
        console.error(`未知任务 / unknown job "${job}"; 可用 / jobs: ${JOB_NAMES.join(', ')}`);
        return 2;
      }
      const asOf = values['as-of'] ? new Date(values['as-of']) : new SystemClock().now();
      if (
        Number.isNaN(asOf.getTime()) ||
        (values['as-of'] && !/[zZ]|[+-]\d\d:\d\d$/.test(values['as-of']))
      ) {
        console.error(
          '--as-of 须为带时区偏移的时间，如 2020-07-01T00:45:00+08:00 / needs an offset',
        );
        return 2;
      }
      if (values.from !== undefined || values.to !== undefined) {
        if (job !== 'period-close') {
          console.error('--from/--to 只用于 period-close / only for period-close');
          return 2;
        }
        const range = { from: values.from ?? '', to: values.to ?? values.from ?? '' };
        return withApp(config, async (app) => {
          releaseClaimsOnSignals(app.get(JobRunner), config);
          const run = await app.get(ManualRunsService).evaluateRange(range, asOf, 'cli');
          console.log(`${job} ${run.runKey}: ${JSON.stringify(run.result)}`);
          return run.result.status === 'ran' ? 0 : 1;
        });
      }
      return withApp(config, async (app) => {
        releaseClaimsOnSignals(app.get(JobRunner), config);
        const report = await app.get(JobsService).run(job, asOf, 'cli');
        for (const run of report.runs) {
          console.log(`${report.job} ${run.runKey}: ${JSON.stringify(run.result)}`);
        }
        if (report.runs.length === 0) console.log(`${report.job}: 无需运行 / nothing to do`);
        return report.runs.some((run) => run.result.status === 'failed') ? 1 : 0;
      });
    }
    case 'audit:purge':
      return withApp(config, async (app) => {
        const rows = await app.get(AuditTrail).purge(config.security.auditRetentionDays);
        console.log(
          `已删除 ${rows} 条超过 ${config.security.auditRetentionDays} 天的审计日志 / purged ${rows} rows`,
        );
        return 0;
      });
    case 'calendar:import': {
      const year = Number(values.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        console.error('calendar:import 需要 --year，如 --year 2027 / needs --year');
        return 2;
      }
      const days = stateCouncilNotice(year);
      if (days.length === 0) {
        console.error(
          `chinese-days 没有 ${year} 年的节假日安排（请升级该包或在后台录入）/ the package has no ${year} notice`,
        );
        return 1;
      }
      return withApp(config, async (app) => {
        const result = await app.get(CalendarService).importYear(year, days);
        console.log(
          `${year}: 新增 ${result.inserted}，更新 ${result.updated}，保留工作人员录入 ${result.keptStaff}，未变 ${result.unchanged} / ${JSON.stringify(result)}`,
        );
        return 0;
      });
    }
    case 'seed:demo':
      return withApp(config, async (app) => {
        process.stdout.write(formatDemoReport(await seedDemo(app, config)));
        return 0;
      });
    default:
      console.error(`未知命令 / unknown command: ${command}\n${USAGE}`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DomainError) {
      console.error(error.message);
      error.details.forEach((detail) => console.error(`  ${detail.field}: ${detail.problem}`));
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    process.exit(1);
  },
);
