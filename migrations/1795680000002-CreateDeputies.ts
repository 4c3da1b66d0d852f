import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

export class CreateDeputies1795680000002 implements MigrationInterface {
  name = 'CreateDeputies1795680000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'term',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'level', type: 'varchar', length: '16' },
          { name: 'ordinal', type: 'integer' },
          { name: 'starts_on', type: 'date' },
          { name: 'ends_on', type: 'date', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [{ columnNames: ['level', 'ordinal'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'deputy_group',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'committee_id', type: 'integer' },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('committee_id', 'committee')],
        indices: [{ columnNames: ['committee_id', 'name'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'deputy',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'gender', type: 'varchar', length: '8' },
          { name: 'ethnicity', type: 'varchar', length: '20', isNullable: true },
          { name: 'birth_date', type: 'date', isNullable: true },
          { name: 'party', type: 'varchar', length: '40', isNullable: true },
          { name: 'level', type: 'varchar', length: '16' },
          { name: 'constituency', type: 'varchar', length: '100', isNullable: true },
          { name: 'occupation', type: 'varchar', length: '100', isNullable: true },
          { name: 'workplace', type: 'varchar', length: '200', isNullable: true },
          { name: 'phone', type: 'varchar', length: '30', isNullable: true },
          { name: 'email', type: 'varchar', length: '100', isNullable: true },
          { name: 'committee_id', type: 'integer' },
          { name: 'community_id', type: 'integer', isNullable: true },
          { name: 'term_id', type: 'integer', isNullable: true },
          { name: 'group_id', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'ended_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'ended_on', type: 'date', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('committee_id', 'committee'),
          reference('community_id', 'community'),
          reference('term_id', 'term'),
          reference('group_id', 'deputy_group'),
        ],
        indices: [{ columnNames: ['committee_id', 'name'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('deputy');
    await queryRunner.dropTable('deputy_group');
    await queryRunner.dropTable('term');
  }
}
