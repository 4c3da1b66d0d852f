import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn } from '../src/database/migration-columns.js';

/**
 * The audit trail (操作日志, 等保2.0 安全审计) and the login log (登录日志), which also holds the
 * failure counters for lockout so they apply across instances. Both are append-only.
 */
export class CreateAuditTrail1795680000007 implements MigrationInterface {
  name = 'CreateAuditTrail1795680000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          idColumn(),
          { name: 'occurred_at', type: 'datetime' },
          { name: 'actor_kind', type: 'varchar', length: '16' },
          { name: 'actor_id', type: 'integer', isNullable: true },
          { name: 'actor_name', type: 'varchar', length: '100' },
          { name: 'actor_committee_id', type: 'integer', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'request_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'object_type', type: 'varchar', length: '32', isNullable: true },
          { name: 'object_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'detail', type: 'text', isNullable: true },
        ],
        indices: [
          { columnNames: ['occurred_at'] },
          { columnNames: ['object_type', 'object_id'] },
          { columnNames: ['actor_kind', 'actor_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_attempt',
        columns: [
          idColumn(),
          { name: 'attempted_at', type: 'datetime' },
          { name: 'username', type: 'varchar', length: '100' },
          { name: 'user_id', type: 'integer', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'user_agent', type: 'varchar', length: '300', isNullable: true },
          { name: 'outcome', type: 'varchar', length: '16' },
        ],
        indices: [
          { columnNames: ['username', 'attempted_at'] },
          { columnNames: ['ip', 'attempted_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_attempt');
    await queryRunner.dropTable('audit_log');
  }
}
