import './preload.js';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { setupApp } from './app.setup.js';
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
  await app.listen(config.port, config.host);

  const logger = new Logger('Bootstrap');
  const administrators = await app.get(AdminUsersService).ensureAdministrators();
  if (administrators.length > 0) {
    // Printed once, on the console only: the passwords are never logged or stored in clear.
    process.stdout.write(
      [
        '',
        '================================================================',
        ' 已创建管理员账号（三员分立）/ Administrator accounts created',
        ...administrators.map(
          (account) =>
            `   ${ROLE_LABELS[account.role]}  用户名 username: ${account.username}   密码 password: ${account.password}`,
        ),
        ' 首次登录后必须修改密码 / change them at first login.',
        '================================================================',
        '',
      ].join('\n'),
    );
  }
  const where =
    config.database.dialect === 'sqlite' ? config.database.sqlitePath : config.database.dialect;
  logger.log(
    `人大工委工作平台已启动 / listening on http://localhost:${config.port}/admin (database: ${where})`,
  );
}

void bootstrap();
