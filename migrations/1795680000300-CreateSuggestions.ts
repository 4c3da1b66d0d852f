import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import {
  booleanColumn,
  idColumn,
  reference,
  timestampColumns,
} from '../src/database/migration-columns.js';

/**
 * [M2] 代表建议、批评和意见: the handling units (承办单位, a registry shared by every committee),
 * the suggestions (a workflow from registration to 办结), their co-signers (附议代表) and
 * co-handling units (会办单位), and each suggestion's timeline (办理过程).
 */
export class CreateSuggestions1795680000300 implements MigrationInterface {
  name = 'CreateSuggestions1795680000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'handling_unit',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '50', isNullable: true },
          { name: 'contact_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'contact_phone', type: 'varchar', length: '200', isNullable: true },
          { name: 'contact_phone_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'contact_email', type: 'varchar', length: '100', isNullable: true },
          { name: 'remit', type: 'text', isNullable: true },
          booleanColumn(queryRunner, 'enabled', true),
          ...timestampColumns(queryRunner),
        ],
        indices: [
          { columnNames: ['name'], isUnique: true },
          { columnNames: ['contact_phone_hash'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'suggestion',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'number', type: 'varchar', length: '40', isNullable: true },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'content', type: 'text' },
          { name: 'lead_deputy_id', type: 'integer' },
          { name: 'plenary_session_id', type: 'integer', isNullable: true },
          { name: 'raised_on', type: 'date' },
          { name: 'registered_on', type: 'date' },
          { name: 'category_id', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'round', type: 'integer', default: 1 },
          { name: 'assigned_on', type: 'date', isNullable: true },
          { name: 'lead_unit_id', type: 'integer', isNullable: true },
          { name: 'due_on', type: 'date', isNullable: true },
          { name: 'return_due_on', type: 'date', isNullable: true },
          { name: 'returned_on', type: 'date', isNullable: true },
          { name: 'return_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'extension_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'extension_approved_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'extension_approved_on', type: 'date', isNullable: true },
          { name: 'replied_on', type: 'date', isNullable: true },
          { name: 'reply_text', type: 'text', isNullable: true },
          { name: 'reply_class', type: 'varchar', length: '1', isNullable: true },
          { name: 'evaluation', type: 'varchar', length: '20', isNullable: true },
          { name: 'evaluated_on', type: 'date', isNullable: true },
          { name: 'solved_on', type: 'date', isNullable: true },
          { name: 'closed_on', type: 'date', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('committee_id', 'committee'),
          reference('lead_deputy_id', 'deputy'),
          reference('plenary_session_id', 'plenary_session'),
          reference('category_id', 'dictionary_item'),
          reference('lead_unit_id', 'handling_unit'),
        ],
        indices: [
          { columnNames: ['committee_id', 'number'], isUnique: true },
          { columnNames: ['committee_id', 'status'] },
          { columnNames: ['lead_deputy_id'] },
          { columnNames: ['plenary_session_id'] },
          { columnNames: ['lead_unit_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'suggestion_co_signer',
        columns: [
          idColumn(),
          { name: 'suggestion_id', type: 'integer' },
          { name: 'deputy_id', type: 'integer' },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('suggestion_id', 'suggestion', 'CASCADE'),
          reference('deputy_id', 'deputy'),
        ],
        indices: [
          { columnNames: ['suggestion_id', 'deputy_id'], isUnique: true },
          { columnNames: ['deputy_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'suggestion_co_unit',
        columns: [
          idColumn(),
          { name: 'suggestion_id', type: 'integer' },
          { name: 'handling_unit_id', type: 'integer' },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('suggestion_id', 'suggestion', 'CASCADE'),
          reference('handling_unit_id', 'handling_unit'),
        ],
        indices: [
          { columnNames: ['suggestion_id', 'handling_unit_id'], isUnique: true },
          { columnNames: ['handling_unit_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'suggestion_update',
        columns: [
          idColumn(),
          { name: 'suggestion_id', type: 'integer' },
          { name: 'at', type: 'datetime' },
          { name: 'actor_name', type: 'varchar', length: '100' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'step_on', type: 'date', isNullable: true },
          { name: 'handling_unit_id', type: 'integer', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('suggestion_id', 'suggestion'),
          reference('handling_unit_id', 'handling_unit'),
        ],
        indices: [{ columnNames: ['suggestion_id', 'at'] }, { columnNames: ['handling_unit_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('suggestion_update');
    await queryRunner.dropTable('suggestion_co_unit');
    await queryRunner.dropTable('suggestion_co_signer');
    await queryRunner.dropTable('suggestion');
    await queryRunner.dropTable('handling_unit');
  }
}
