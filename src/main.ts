import './preload.js';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppModule } from './app.module.js';
import { setupApp } from './app.setup.js';
import { box } from './common/console-box.js';
import type { ShutdownGate } from './common/graceful-shutdown.js';
import { createRootLogger, PinoLoggerService } from './common/logger.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app.config.js';
import { ROLE_LABELS } from './platform/access/permissions.js';
import { AdminUsersService } from './modules/auth/admin-users.service.js';
import { JobRunner } from './modules/jobs/job-runner.service.js';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * SIGTERM/SIGINT, within SHUTDOWN_TIMEOUT_SECONDS: no job is scheduled any more; the port closes
 * (new connections refused) while the requests in flight finish; running jobs finish or have
 * their claims released; then Nest closes (database last) and the process exits 0. Before the
 * port opens a signal still ends the process at once: a claim it held passes with its lease.
 */
async function shutdown(
  app: NestExpressApplication,
  gate: ShutdownGate,
  config: AppConfig,
  signal: string,
): Promise<void> {
  const logger = new Logger('Shutdown');
  const started = performance.now();
  const remainingMs = () =>
    Math.max(0, config.shutdownTimeoutSeconds * 1000 - (performance.now() - started));
  logger.log(
    `收到 ${signal}：停止接收新请求，等待进行中的请求与任务完成 / stopping: draining ${gate.requestsInFlight} request(s)`,
  );
  for (const cron of app.get(SchedulerRegistry).getCronJobs().values()) void cron.stop();
  const drained = await gate.drain(app.getHttpServer(), remainingMs());
  if (!drained) logger.warn('requests still running at the shutdown timeout were cut off');
  const released = await app.get(JobRunner).settle(remainingMs());
  if (released > 0) logger.warn(`released the claims of ${released} unfinished job run(s)`);
  await app.close();
  logger.log('已停止 / stopped');
}

function exitOnSignals(app: NestExpressApplication, gate: ShutdownGate, config: AppConfig): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // A close that hangs (a stuck pool, a hook) must not keep the process for ever.
      setTimeout(
        () => {
          new Logger('Shutdown').error('shutdown overran its time: exiting');
          process.exit(1);
        },
        config.shutdownTimeoutSeconds * 2000 + 10_000,
      ).unref();
      shutdown(app, gate, config, signal).then(
        () => process.exit(0),
        (error: unknown) => {
          new Logger('Shutdown').error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const rootLogger = createRootLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoLoggerService(rootLogger),
    bufferLogs: true,
  });
  const gate = setupApp(app, config, rootLogger);
  await app.init();

  // After start-up's own lines and before the port opens (so before /health/ready says 200):
  // the one-time passwords are the last thing a newcomer reads. Console only, never logged.
  const administrators = await app.get(AdminUsersService).ensureAdministrators();
  if (administrators.length > 0) {
    process.stdout.write(
      box([
        '已创建管理员账号（三员分立），密码只显示这一次',
        'Administrator accounts created; passwords are shown only this once',
        '',
        ...administrators.map(
          (account) =>
            `${ROLE_LABELS[account.role]}  用户名 ${account.username}  密码 ${account.password}`,
        ),
        '',
        '首次登录后必须修改密码 / change them at first login',
      ]),
    );
  }
  await app.listen(config.port, config.host);
  exitOnSignals(app, gate, config);
  const logger = new Logger('Bootstrap');
  const where =
    config.database.dialect === 'sqlite' ? config.database.sqlitePath : config.database.dialect;
  logger.log(
    `人大工委工作平台已启动 / listening on http://localhost:${config.port}/admin (database: ${where})`,
  );
}

void bootstrap();
