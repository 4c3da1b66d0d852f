import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

/** The study forms the seed lacked ([M1] 学习培训): kinds of the `training` category. */
const NEW_KINDS = [
  { code: 'special_lecture', label: '专题讲座', labelEn: 'Special lecture', sortOrder: 52 },
  { code: 'online_study', label: '线上学习', labelEn: 'Online study', sortOrder: 54 },
];

/**
 * 学习培训 ([M1]): study sessions (1:1 extensions of training activities), yearly study plans and
 * their items; and the two study forms 专题讲座, 线上学习 as activity kinds.
 */
export class CreateTraining1795680000070 implements MigrationInterface {
  name = 'CreateTraining1795680000070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'study_session',
        columns: [
          idColumn(),
          { name: 'activity_id', type: 'integer' },
          { name: 'topic', type: 'varchar', length: '200' },
          { name: 'speaker_name', type: 'varchar', length: '100', isNullable: true },
          { name: 'speaker_title', type: 'varchar', length: '200', isNullable: true },
          { name: 'hours', type: 'decimal', precision: 5, scale: 2 },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('activity_id', 'activity')],
        indices: [{ columnNames: ['activity_id'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'study_plan',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'year', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('committee_id', 'committee')],
        indices: [{ columnNames: ['committee_id', 'year'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'study_plan_item',
        columns: [
          idColumn(),
          { name: 'plan_id', type: 'integer' },
          { name: 'month', type: 'integer' },
          { name: 'topic', type: 'varchar', length: '200' },
          { name: 'study_session_id', type: 'integer', isNullable: true },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('plan_id', 'study_plan', 'CASCADE'),
          reference('study_session_id', 'study_session'),
        ],
        indices: [{ columnNames: ['plan_id', 'month'] }, { columnNames: ['study_session_id'] }],
      }),
    );

    const [dictionary] = (await queryRunner.query('SELECT id FROM dictionary WHERE code = ?', [
      'activity_kind',
    ])) as { id: number }[];
    if (!dictionary) return;
    for (const kind of NEW_KINDS) {
      const existing = (await queryRunner.query(
        'SELECT id FROM dictionary_item WHERE dictionary_id = ? AND code = ?',
        [dictionary.id, kind.code],
      )) as unknown[];
      if (existing.length > 0) continue;
      await queryRunner.query(
        'INSERT INTO dictionary_item (dictionary_id, code, label, label_en, category, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
        [dictionary.id, kind.code, kind.label, kind.labelEn, 'training', kind.sortOrder],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('study_plan_item');
    await queryRunner.dropTable('study_plan');
    await queryRunner.dropTable('study_session');
    // The kinds go only if no activity uses them (an activity's kind is RESTRICT).
    for (const kind of NEW_KINDS) {
      await queryRunner.query(
        'DELETE FROM dictionary_item WHERE code = ? AND dictionary_id IN (SELECT id FROM dictionary WHERE code = ?) AND id NOT IN (SELECT kind_id FROM activity)',
        [kind.code, 'activity_kind'],
      );
    }
  }
}
