import './preload.js';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { setupApp } from './app.setup.js';
import { box } from './common/console-box.js';
import { createRootLogger, PinoLoggerService } from './common/logger.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app.config.js';
import { ROLE_LABELS } from './modules/auth/permissions.js';
import { AdminUsersService } from './modules/auth/admin-users.service.js';

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

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const rootLogger = createRootLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoLoggerService(rootLogger),
    bufferLogs: true,
  });
  setupApp(app, config, rootLogger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
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
  const logger = new Logger('Bootstrap');
  const where =
    config.database.dialect === 'sqlite' ? config.database.sqlitePath : config.database.dialect;
  logger.log(
    `人大工委工作平台已启动 / listening on http://localhost:${config.port}/admin (database: ${where})`,
  );
}

void bootstrap();
