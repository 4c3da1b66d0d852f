import { createConnection } from 'mysql2/promise';

/**
 * e2e on MariaDB needs a running server: fail loudly instead of silently testing less.
 * Jest loads this file outside the ESM module mapper, so it imports nothing of ours.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DB !== 'mariadb') return;
  const url = new URL(process.env.TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306/');
  try {
    const connection = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await connection.end();
  } catch (error) {
    throw new Error(
      `MariaDB is not reachable at ${url.host} (TEST_MARIADB_URL); start it (README, troubleshooting): ${String(error)}`,
      { cause: error },
    );
  }
}
