import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationInterface } from 'typeorm';

/** `<timestamp>-<Name>.ts` (or its compiled `.js`): one migration class per file. */
const MIGRATION_FILE = /^(\d{13})-(\w+)\.(?:js|ts)$/;

type MigrationClass = new () => MigrationInterface;

/**
 * Every migration of this folder, in timestamp order: read from the file names, so a new
 * migration is a new file and nothing else. The app, the CLI and the tests all take this list
 * (database/data-source-options.ts), so they run the same ordered set.
 */
async function loadMigrations(): Promise<MigrationClass[]> {
  const folder = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(folder)
    .filter((file) => MIGRATION_FILE.test(file) && !file.endsWith('.d.ts'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const [, timestamp, name] = MIGRATION_FILE.exec(file)!;
      const exported = (await import(`./${timestamp}-${name}.js`)) as Record<string, unknown>;
      const migration = exported[`${name}${timestamp}`];
      if (typeof migration !== 'function') {
        throw new Error(`${file} must export the class ${name}${timestamp}`);
      }
      return migration as MigrationClass;
    }),
  );
}

export const MIGRATIONS = await loadMigrations();
