import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import type { AppConfig } from '../config/app.config.js';
import { usePersonalDataKey } from '../common/personal-data.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * DATABASE_URL unset → embedded SQLite under DATA_DIR; mysql:// → MySQL 8; mariadb:// → MariaDB.
 * Instants are written and read as UTC on both (STACK.md pitfall 12 for the driver type).
 */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  usePersonalDataKey(config.security.personalDataKey);
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Query errors reach the global filter, which logs what is unexpected; no console output.
    logging: false,
  };
  const { database } = config;
  if (database.dialect === 'sqlite') {
    mkdirSync(dirname(database.sqlitePath), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.sqlitePath,
      enableWAL: true,
      prepareDatabase: (db: { pragma: (source: string) => unknown }) => {
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    ...common,
    type: database.dialect,
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DATE columns come back as the stored text (YYYY-MM-DD), not as a Date at a midnight of
    // the server's zone that TypeORM then formats in the process's zone: a calendar date is
    // the same day whatever the zones. DATETIME stays a Date (UTC).
    dateStrings: ['DATE'],
    extra: { connectionLimit: 10 },
  };
}

/**
 * A newcomer pointing DATABASE_URL at an empty server gets the database created (utf8mb4)
 * instead of an error, when the account may do so.
 */
export async function ensureDatabaseExists(config: AppConfig): Promise<void> {
  if (config.database.dialect === 'sqlite' || !config.database.url) return;
  const url = new URL(config.database.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  const connection = await createConnection({
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '``')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}
