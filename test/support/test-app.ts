import {
  type INestApplication,
  Logger,
  type LoggerService,
  type ModuleMetadata,
} from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { BaseEntity, DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { setupApp } from '../../src/app.setup.js';
import { Clock } from '../../src/common/clock.js';
import type { DestinationStream } from 'pino';
import { createRootLogger, PinoLoggerService } from '../../src/common/logger.js';
import { loadConfig, type AppConfig } from '../../src/config/app.config.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import type { Role } from '../../src/common/roles.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { issueApiKey } from '../factories/api-key.factory.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The apps of this test file that are still open, the newest last. */
const openApps: { dataSource: DataSource; logger: LoggerService | false }[] = [];

/**
 * Two process-wide settings follow the app built last: the data source that BaseEntity
 * subclasses read through (AdminJS's TypeORM adapter uses them) and Nest's static Logger. When a
 * test closes an app it booted beside the file's main one, both go back to the newest app still
 * open; otherwise the main app's admin panel answers 500 on a closed connection, and its log
 * stays silent, in every test that runs after it.
 */
function restoreProcessGlobals(): void {
  const current = openApps.at(-1);
  if (!current) return;
  for (const { target } of current.dataSource.entityMetadatas) {
    if (typeof target === 'function' && target.prototype instanceof BaseEntity) {
      (target as typeof BaseEntity).useDataSource(current.dataSource);
    }
  }
  Logger.overrideLogger(current.logger);
}

/** The real app on a fresh database of the dialect under test (TEST_DB), migrations applied. */
export async function createTestApp(
  options: {
    clock?: Clock;
    admin?: boolean;
    database?: TestDatabase;
    /** Extra environment variables for this app's configuration. */
    env?: Record<string, string>;
    /** Where the app logs (request lines and Nest's logger), for tests that read the log. */
    logSink?: DestinationStream;
    /** Test-only modules booted beside the app (an area-shaped provider a job reads). */
    imports?: ModuleMetadata['imports'];
    /** Provider overrides on the testing module (e.g. the areas a job reads). */
    override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ ...process.env, ...database.env, ...options.env });
  const builder = Test.createTestingModule({
    imports: [
      AppModule.forRoot(config, { admin: options.admin ?? false }),
      ...(options.imports ?? []),
    ],
  });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  options.override?.(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const rootLogger = createRootLogger(config, options.logSink);
  const logger: LoggerService | false = options.logSink ? new PinoLoggerService(rootLogger) : false;
  if (logger) app.useLogger(logger);
  setupApp(app, config, rootLogger);
  await app.init();
  const opened = { dataSource: app.get(DataSource), logger };
  openApps.push(opened);
  return {
    app,
    config,
    database,
    dataSource: opened.dataSource,
    close: async () => {
      await app.close();
      openApps.splice(openApps.indexOf(opened), 1);
      restoreProcessGlobals();
      if (!options.database) await database.drop();
    },
  };
}

/**
 * A key for an external system acting as `role` within `committeeId`'s subtree. Every key has a
 * holder (a business account whose grant bounds the key): one account per role and committee,
 * `key-holder-<role>-<committeeId>`, created on first use. For a key with its own holder, name or
 * expiry, use issueApiKey (test/factories/api-key.factory.ts).
 */
export async function issueKey(
  app: INestApplication,
  scopes: string[],
  grant: { role: Role; committeeId: number },
): Promise<string> {
  const username = `key-holder-${grant.role}-${grant.committeeId}`;
  const holder =
    (await app.get(DataSource).getRepository(AdminUser).findOneBy({ username })) ??
    (await createAdminUser(app, { username, ...grant })).user;
  const { key } = await issueApiKey(app, {
    scopes,
    ...grant,
    holder,
    name: `test ${grant.role} ${scopes.join(' ')}`,
  });
  return key;
}
