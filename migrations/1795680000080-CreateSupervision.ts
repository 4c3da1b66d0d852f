import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

/** The supervision method the issue names that the seeded activity kinds lack ([M1] 监督). */
const SATISFACTION_SURVEY = {
  code: 'satisfaction_survey',
  label: '满意度测评',
  labelEn: 'Satisfaction survey',
  category: 'supervision',
  sortOrder: 115,
};

/**
 * 监督: supervision activities (a 1:1 extension of a core activity of a supervision kind), the
 * opinions raised in them (意见建议, a workflow) and each opinion's timeline (办理进展).
 */
export class CreateSupervision1795680000080 implements MigrationInterface {
  name = 'CreateSupervision1795680000080';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'supervision_activity',
        columns: [
          idColumn(),
          { name: 'activity_id', type: 'integer' },
          { name: 'area_id', type: 'integer' },
          { name: 'subject', type: 'varchar', length: '200' },
          { name: 'findings', type: 'text', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('activity_id', 'activity'),
          reference('area_id', 'dictionary_item'),
        ],
        indices: [{ columnNames: ['activity_id'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'opinion',
        columns: [
          idColumn(),
          { name: 'supervision_activity_id', type: 'integer' },
          { name: 'committee_id', type: 'integer' },
          { name: 'content', type: 'text' },
          { name: 'responsible_unit', type: 'varchar', length: '200', isNullable: true },
          { name: 'raised_on', type: 'date' },
          { name: 'due_on', type: 'date', isNullable: true },
          { name: 'completed_on', type: 'date', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'close_reason', type: 'varchar', length: '500', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('supervision_activity_id', 'supervision_activity'),
          reference('committee_id', 'committee'),
        ],
        indices: [
          { columnNames: ['committee_id', 'raised_on'] },
          { columnNames: ['supervision_activity_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'opinion_update',
        columns: [
          idColumn(),
          { name: 'opinion_id', type: 'integer' },
          { name: 'at', type: 'datetime' },
          { name: 'actor_name', type: 'varchar', length: '100' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'note', type: 'text', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('opinion_id', 'opinion')],
        indices: [{ columnNames: ['opinion_id', 'at'] }],
      }),
    );
    const [dictionary] = (await queryRunner.query('SELECT id FROM dictionary WHERE code = ?', [
      'activity_kind',
    ])) as { id: number }[];
    const item = SATISFACTION_SURVEY;
    await queryRunner.query(
      'INSERT INTO dictionary_item (dictionary_id, code, label, label_en, category, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
      [dictionary.id, item.code, item.label, item.labelEn, item.category, item.sortOrder],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('opinion_update');
    await queryRunner.dropTable('opinion');
    await queryRunner.dropTable('supervision_activity');
    // Refused (FK) while an activity still uses the kind: such a down would lose data.
    await queryRunner.query(
      'DELETE FROM dictionary_item WHERE code = ? AND dictionary_id = (SELECT id FROM dictionary WHERE code = ?)',
      [SATISFACTION_SURVEY.code, 'activity_kind'],
    );
  }
}
