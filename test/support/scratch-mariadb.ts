import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { freePort } from './built-server.js';

const MARIADBD = process.env.MARIADBD_PATH ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.MARIADB_INSTALL_DB_PATH ?? 'mariadb-install-db';

/**
 * A MariaDB server of the test's own, on a free port and a temporary data directory, that the
 * test may stop and start again (same data, same port) to take the database away from the app.
 * The machine's shared server on 3306 is never touched.
 */
export interface ScratchMariadb {
  port: number;
  /** `mariadb://root@127.0.0.1:<port>/` (root without a password, as on the shared server). */
  serverUrl: string;
  /** Starts the server on its data directory; resolves once it answers a query. */
  start(): Promise<void>;
  /** SIGTERM (a clean shutdown, as a service manager does it); resolves once it has exited. */
  stop(): Promise<void>;
  query(sql: string): Promise<void>;
  /** Stops it if running and deletes its files. */
  destroy(): Promise<void>;
}

export async function createScratchMariadb(timeoutMs = 90_000): Promise<ScratchMariadb> {
  const dir = mkdtempSync(join(tmpdir(), 'renda-mariadb-'));
  const dataDir = join(dir, 'data');
  const errorLog = join(dir, 'error.log');
  const asRoot = process.getuid?.() === 0;
  await promisify(execFile)(
    INSTALL_DB,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...(asRoot ? ['--user=root'] : []),
    ],
    { timeout: timeoutMs },
  );
  const port = await freePort();
  const serverUrl = `mariadb://root@127.0.0.1:${port}/`;
  let server: ChildProcess | undefined;

  const log = (): string =>
    existsSync(errorLog) ? readFileSync(errorLog, 'utf8').slice(-3000) : '';

  const query = async (sql: string): Promise<void> => {
    const connection = await createConnection({ host: '127.0.0.1', port, user: 'root' });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };

  const start = async (): Promise<void> => {
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--socket=${join(dir, 'mariadb.sock')}`,
        `--pid-file=${join(dir, 'mariadb.pid')}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
        `--log-error=${errorLog}`,
        ...(asRoot ? ['--user=root'] : []),
      ],
      { stdio: 'ignore' },
    );
    server = child;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`mariadbd exited with ${child.exitCode}:\n${log()}`);
      }
      const up = await query('SELECT 1').then(
        () => true,
        () => false,
      );
      if (up) return;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`mariadbd did not answer within ${timeoutMs} ms:\n${log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const stop = async (): Promise<void> => {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  };

  return {
    port,
    serverUrl,
    start,
    stop,
    query,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
