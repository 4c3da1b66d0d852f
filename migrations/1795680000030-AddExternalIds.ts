import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** The tables whose records an integrator imports and re-imports by its own ids. */
const TABLES = ['deputy', 'community', 'activity'] as const;

/**
 * 外部编号 (issue H1 §2): an optional `external_id` on deputies, communities and activities,
 * unique per committee. Rows without one stay NULL, and both MariaDB (InnoDB) and SQLite treat
 * NULLs as distinct in a unique index, so any number of records may have none.
 */
export class AddExternalIds1795680000030 implements MigrationInterface {
  name = 'AddExternalIds1795680000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.addColumn(
        table,
        new TableColumn({ name: 'external_id', type: 'varchar', length: '64', isNullable: true }),
      );
      await queryRunner.createIndex(
        table,
        new TableIndex({ columnNames: ['committee_id', 'external_id'], isUnique: true }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      const found = await queryRunner.getTable(table);
      const index = found?.indices.find((i) => i.columnNames.includes('external_id'));
      if (index) await queryRunner.dropIndex(table, index);
      await queryRunner.dropColumn(table, 'external_id');
    }
  }
}
