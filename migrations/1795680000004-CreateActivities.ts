import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

export class CreateActivities1795680000004 implements MigrationInterface {
  name = 'CreateActivities1795680000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'activity',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'kind_id', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'starts_at', type: 'datetime' },
          { name: 'ends_at', type: 'datetime', isNullable: true },
          { name: 'location', type: 'varchar', length: '200', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'organiser', type: 'varchar', length: '100', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('committee_id', 'committee'),
          reference('kind_id', 'dictionary_item'),
        ],
        indices: [{ columnNames: ['committee_id', 'starts_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'attendance',
        columns: [
          idColumn(),
          { name: 'activity_id', type: 'integer' },
          { name: 'deputy_id', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('activity_id', 'activity', 'CASCADE'),
          reference('deputy_id', 'deputy'),
        ],
        indices: [
          { columnNames: ['activity_id', 'deputy_id'], isUnique: true },
          { columnNames: ['deputy_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('attendance');
    await queryRunner.dropTable('activity');
  }
}
