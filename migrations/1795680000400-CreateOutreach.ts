import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

/**
 * 联系选民 ([M2]): visits and forums (a 1:1 extension of a core activity of an outreach kind),
 * voter issues (选民意见, a workflow; the voter's name, phone and address encrypted; referred to a
 * handling unit and escalated to a suggestion — the suggestions migration comes first) and each
 * issue's timeline (办理记录).
 */
export class CreateOutreach1795680000400 implements MigrationInterface {
  name = 'CreateOutreach1795680000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outreach_activity',
        columns: [
          idColumn(),
          { name: 'activity_id', type: 'integer' },
          { name: 'voters_reached', type: 'integer' },
          { name: 'officials_count', type: 'integer', default: 0 },
          { name: 'residents_count', type: 'integer', default: 0 },
          { name: 'other_participants_note', type: 'varchar', length: '500', isNullable: true },
          { name: 'notes', type: 'text', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('activity_id', 'activity')],
        indices: [{ columnNames: ['activity_id'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'voter_issue',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'activity_id', type: 'integer', isNullable: true },
          { name: 'voter_name', type: 'varchar', length: '300', isNullable: true },
          { name: 'voter_phone', type: 'varchar', length: '200', isNullable: true },
          { name: 'voter_phone_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'voter_address', type: 'varchar', length: '1000', isNullable: true },
          { name: 'community_id', type: 'integer', isNullable: true },
          { name: 'deputy_id', type: 'integer', isNullable: true },
          { name: 'category_id', type: 'integer' },
          { name: 'description', type: 'text' },
          { name: 'received_on', type: 'date' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'handling_unit_id', type: 'integer', isNullable: true },
          { name: 'referred_on', type: 'date', isNullable: true },
          { name: 'due_on', type: 'date', isNullable: true },
          { name: 'referral_count', type: 'integer', default: 0 },
          { name: 'resolution', type: 'text', isNullable: true },
          { name: 'suggestion_id', type: 'integer', isNullable: true },
          { name: 'decline_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'closed_on', type: 'date', isNullable: true },
          { name: 'feedback_on', type: 'date', isNullable: true },
          { name: 'satisfaction', type: 'varchar', length: '24', isNullable: true },
          { name: 'feedback_note', type: 'varchar', length: '1000', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('committee_id', 'committee'),
          reference('activity_id', 'activity'),
          reference('community_id', 'community'),
          reference('deputy_id', 'deputy'),
          reference('category_id', 'dictionary_item'),
          reference('handling_unit_id', 'handling_unit'),
          reference('suggestion_id', 'suggestion'),
        ],
        indices: [
          { columnNames: ['committee_id', 'received_on'] },
          { columnNames: ['status', 'due_on'] },
          { columnNames: ['voter_phone_hash'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'voter_issue_update',
        columns: [
          idColumn(),
          { name: 'voter_issue_id', type: 'integer' },
          { name: 'at', type: 'datetime' },
          { name: 'actor_name', type: 'varchar', length: '100' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'from_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'note', type: 'text', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('voter_issue_id', 'voter_issue')],
        indices: [{ columnNames: ['voter_issue_id', 'at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('voter_issue_update');
    await queryRunner.dropTable('voter_issue');
    await queryRunner.dropTable('outreach_activity');
  }
}
