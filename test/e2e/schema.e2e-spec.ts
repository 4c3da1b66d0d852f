import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app.config.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database.js';

/** Every CREATE/ALTER/DROP the entities would still need; empty when migrations match them. */
async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((query): string => String(query.query));
}

async function schemaSnapshot(dataSource: DataSource): Promise<string> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    const tables = await queryRunner.getTables(
      dataSource.entityMetadatas.map((metadata) => metadata.tablePath),
    );
    return JSON.stringify(
      tables
        .map((table) => ({
          name: table.name,
          columns: table.columns
            .map((c): unknown[] => [c.name, c.type, c.length, c.isNullable, String(c.default)])
            .sort(),
          indices: table.indices.map((i) => [i.name, i.columnNames, i.isUnique]).sort(),
          foreignKeys: table.foreignKeys
            .map((f) => [f.name, f.columnNames, f.referencedTableName])
            .sort(),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  } finally {
    await queryRunner.release();
  }
}

describe(`schema on ${testDialect()}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ ...process.env, ...database.env });
    dataSource = new DataSource(dataSourceOptions(config));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  // Each test applies the migrations it needs (a no-op when they are), so none relies on an
  // earlier one having run them.
  it('should leave no pending schema change after all migrations', async () => {
    await dataSource.runMigrations();
    await expect(pendingSchemaChanges(dataSource)).resolves.toEqual([]);
  });

  it('should give the same schema after reverting every migration and re-applying', async () => {
    await dataSource.runMigrations();
    const before = await schemaSnapshot(dataSource);
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
    const leftover = await dataSource
      .createQueryRunner()
      .getTables(['committee', 'deputy', 'activity']);
    expect(leftover).toEqual([]);
    await dataSource.runMigrations();
    await expect(schemaSnapshot(dataSource)).resolves.toBe(before);
    await expect(pendingSchemaChanges(dataSource)).resolves.toEqual([]);
    // Every migration down and up again takes over 5 s on MariaDB on a loaded 2-core machine.
  }, 120000);

  it('should round-trip names with 4-byte characters and emoji', async () => {
    await dataSource.runMigrations();
    const names = ['𠮷田', '䶮', '𡒄社区', '代表👍🏽'];
    for (const name of names) {
      await dataSource.query('INSERT INTO committee (name, kind) VALUES (?, ?)', [
        name,
        'district',
      ]);
    }
    const rows = await dataSource.query<{ name: string }[]>(
      'SELECT name FROM committee ORDER BY id',
    );
    expect(rows.map((row) => row.name)).toEqual(names);
  });

  it('should seed the activity kinds with a category each', async () => {
    await dataSource.runMigrations();
    const rows = await dataSource.query<{ code: string; category: string | null }[]>(
      "SELECT i.code, i.category FROM dictionary_item i JOIN dictionary d ON d.id = i.dictionary_id WHERE d.code = 'activity_kind'",
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.every((row) => row.category !== null)).toBe(true);
    expect(rows.map((row) => row.code)).toContain('work_meeting');
  });
});
