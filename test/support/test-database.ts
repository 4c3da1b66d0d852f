import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type TestDialect = 'sqlite' | 'mariadb';

export function testDialect(): TestDialect {
  return process.env.TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite';
}

/** The server (no database in the path) that MariaDB e2e tests create their databases on. */
export function mariadbServerUrl(): string {
  return process.env.TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306/';
}

export interface TestDatabase {
  /** Environment overrides that point the app at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function serverQuery(sql: string): Promise<void> {
  const url = new URL(mariadbServerUrl());
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** A fresh, empty database for one test file: a temp SQLite file or a new MariaDB database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renda-test-'));
  if (testDialect() === 'sqlite') {
    return {
      env: { DATA_DIR: dataDir },
      drop: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `renda_e2e_${randomBytes(4).toString('hex')}`;
  await serverQuery(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const base = mariadbServerUrl().replace(/\/+$/, '');
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: `${base}/${name}` },
    drop: async () => {
      await serverQuery(`DROP DATABASE IF EXISTS \`${name}\``);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
