import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

/**
 * [M1] 代表大会: a session of the district congress as a 1:1 extension of an activity of the
 * `plenary` category (attendance stays the activity's), and the reports it deliberated with their
 * resolutions. The activity kind `plenary_session` is seeded by CreateDictionaries.
 */
export class CreatePlenarySessions1795680000110 implements MigrationInterface {
  name = 'CreatePlenarySessions1795680000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'plenary_session',
        columns: [
          idColumn(),
          { name: 'activity_id', type: 'integer' },
          { name: 'committee_id', type: 'integer' },
          { name: 'term_id', type: 'integer' },
          { name: 'session_number', type: 'integer' },
          { name: 'starts_on', type: 'date' },
          { name: 'ends_on', type: 'date', isNullable: true },
          { name: 'place', type: 'varchar', length: '200', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('activity_id', 'activity'),
          reference('committee_id', 'committee'),
          reference('term_id', 'term'),
        ],
        indices: [
          { columnNames: ['activity_id'], isUnique: true },
          { columnNames: ['committee_id', 'term_id', 'session_number'], isUnique: true },
          { columnNames: ['starts_on'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agenda_item',
        columns: [
          idColumn(),
          { name: 'session_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'sort_order', type: 'integer', default: 0 },
          { name: 'resolution_title', type: 'varchar', length: '200', isNullable: true },
          { name: 'adopted', type: 'varchar', length: '16' },
          { name: 'votes_for', type: 'integer', isNullable: true },
          { name: 'votes_against', type: 'integer', isNullable: true },
          { name: 'votes_abstaining', type: 'integer', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('session_id', 'plenary_session', 'CASCADE')],
        indices: [{ columnNames: ['session_id', 'sort_order'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agenda_item');
    await queryRunner.dropTable('plenary_session');
  }
}
