import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import {
  booleanColumn,
  createdAtColumn,
  idColumn,
  reference,
  timestampColumns,
} from '../src/database/migration-columns.js';

/**
 * The quarterly rule as data (cadence_rule, with the committee's seeded rule), compliance records,
 * job runs (the once-only claims and the job monitor), the notification outbox, and an email
 * address for admin users.
 */
export class CreateJobsAndCompliance1795680000010 implements MigrationInterface {
  name = 'CreateJobsAndCompliance1795680000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'admin_user',
      new TableColumn({ name: 'email', type: 'varchar', length: '200', isNullable: true }),
    );
    // Counting a period across every committee is a range on starts_at (covering index).
    await queryRunner.createIndex(
      'activity',
      new TableIndex({ columnNames: ['starts_at', 'status', 'committee_id'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cadence_rule',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'subject', type: 'varchar', length: '32' },
          { name: 'categories', type: 'varchar', length: '200', isNullable: true },
          { name: 'min_count', type: 'integer' },
          { name: 'period', type: 'varchar', length: '16' },
          { name: 'reminder_days', type: 'varchar', length: '50' },
          { name: 'counting_rule', type: 'text' },
          booleanColumn(queryRunner, 'enabled', true),
          ...timestampColumns(queryRunner),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'compliance_record',
        columns: [
          idColumn(),
          { name: 'rule_id', type: 'integer' },
          { name: 'subject_type', type: 'varchar', length: '32' },
          { name: 'subject_id', type: 'integer' },
          { name: 'committee_id', type: 'integer' },
          { name: 'period_key', type: 'varchar', length: '16' },
          { name: 'period_start', type: 'datetime' },
          { name: 'period_end', type: 'datetime' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'qualifying_count', type: 'integer' },
          { name: 'qualifying_activity_ids', type: 'text', isNullable: true },
          { name: 'evaluated_at', type: 'datetime' },
          { name: 'finalised_at', type: 'datetime', isNullable: true },
        ],
        foreignKeys: [
          reference('rule_id', 'cadence_rule', 'CASCADE'),
          reference('committee_id', 'committee', 'CASCADE'),
        ],
        indices: [
          {
            columnNames: ['rule_id', 'subject_type', 'subject_id', 'period_key'],
            isUnique: true,
          },
          { columnNames: ['committee_id', 'period_start'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'job_run',
        columns: [
          idColumn(),
          { name: 'job', type: 'varchar', length: '40' },
          { name: 'run_key', type: 'varchar', length: '80' },
          { name: 'as_of', type: 'datetime' },
          { name: 'started_at', type: 'datetime' },
          { name: 'finished_at', type: 'datetime', isNullable: true },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'counts', type: 'text', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'runner', type: 'varchar', length: '100' },
        ],
        indices: [
          { columnNames: ['job', 'run_key'], isUnique: true },
          { columnNames: ['started_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification',
        columns: [
          idColumn(),
          { name: 'dedupe_key', type: 'varchar', length: '200' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'recipient_user_id', type: 'integer', isNullable: true },
          { name: 'recipient_address', type: 'varchar', length: '200', isNullable: true },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: 'datetime' },
          { name: 'sent_at', type: 'datetime', isNullable: true },
          { name: 'read_at', type: 'datetime', isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        indices: [
          { columnNames: ['dedupe_key'], isUnique: true },
          { columnNames: ['status', 'next_attempt_at'] },
          { columnNames: ['recipient_user_id', 'read_at'] },
        ],
      }),
    );
    // 三、(二): at least one deputy work meeting or deputy activity per quarter, any category.
    await queryRunner.query(
      'INSERT INTO cadence_rule (name, subject, categories, min_count, period, reminder_days, counting_rule) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        '每季度至少一次代表工作会议或代表活动',
        'subdistrictCommittee',
        null,
        1,
        'quarter',
        '30,14,7,1',
        '每个街道人大工委每个季度（按北京时间的自然季度）至少举行一次代表工作会议或开展一次代表活动。只计“已举行”的活动，“计划中”和“已取消”的不计；任何活动类型都计入。活动按开始时间归入季度，例如 3 月 31 日 23:30 开始的活动计入第一季度。',
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification');
    await queryRunner.dropTable('job_run');
    await queryRunner.dropTable('compliance_record');
    await queryRunner.dropTable('cadence_rule');
    await queryRunner.dropColumn('admin_user', 'email');
    const activity = await queryRunner.getTable('activity');
    const index = activity?.indices.find((i) => i.columnNames[0] === 'starts_at');
    if (index) await queryRunner.dropIndex('activity', index);
  }
}
