import './preload.js';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { setupApp } from './app.setup.js';
import { createRootLogger, PinoLoggerService } from './common/logger.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app.config.js';
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
  const firstAdmin = await app.get(AdminUsersService).ensureFirstAdmin();
  if (firstAdmin) {
    // Printed once, on the console only: the password is never logged or stored in clear.
    process.stdout.write(
      [
        '',
        '================================================================',
        ' 已创建首个管理员账号 / First admin account created',
        `   用户名 username: ${firstAdmin.username}`,
        `   密码   password: ${firstAdmin.password}`,
        ' 首次登录后必须修改密码 / change it at first login.',
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
