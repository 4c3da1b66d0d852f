import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { booleanColumn, idColumn, reference } from '../src/database/migration-columns.js';

/**
 * 达标记录历史 ([H1] §4): every final evaluation of a subject's period, so that re-evaluating a
 * closed period after late or corrected records keeps the earlier outcome.
 */
export class CreateComplianceEvaluations1795680000040 implements MigrationInterface {
  name = 'CreateComplianceEvaluations1795680000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'compliance_evaluation',
        columns: [
          idColumn(),
          { name: 'rule_id', type: 'integer' },
          { name: 'subject_id', type: 'integer' },
          { name: 'committee_id', type: 'integer' },
          { name: 'period_key', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'previous_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'qualifying_count', type: 'integer' },
          { name: 'evaluated_at', type: 'datetime' },
          { name: 'run_id', type: 'integer', isNullable: true },
          booleanColumn(queryRunner, 'notified', false),
        ],
        foreignKeys: [
          reference('rule_id', 'cadence_rule', 'CASCADE'),
          reference('committee_id', 'committee', 'CASCADE'),
        ],
        indices: [
          { columnNames: ['rule_id', 'subject_id', 'period_key'] },
          { columnNames: ['committee_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('compliance_evaluation');
  }
}
