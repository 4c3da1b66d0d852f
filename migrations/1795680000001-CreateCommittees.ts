import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

export class CreateCommittees1795680000001 implements MigrationInterface {
  name = 'CreateCommittees1795680000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'committee',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'parent_id', type: 'integer', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('parent_id', 'committee')],
        indices: [{ columnNames: ['parent_id', 'name'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'community',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'committee_id', type: 'integer' },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('committee_id', 'committee')],
        indices: [{ columnNames: ['committee_id', 'name'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('community');
    await queryRunner.dropTable('committee');
  }
}
