import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import {
  booleanColumn,
  createdAtColumn,
  idColumn,
  isMysqlFamily,
  reference,
  timestampColumns,
} from '../src/database/migration-columns.js';

/** Admin users, their shared sessions, and API keys for external systems. */
export class CreateAccess1795680000005 implements MigrationInterface {
  name = 'CreateAccess1795680000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'admin_user',
        columns: [
          idColumn(),
          { name: 'username', type: 'varchar', length: '50' },
          { name: 'display_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          booleanColumn(queryRunner, 'must_change_password', true),
          booleanColumn(queryRunner, 'enabled', true),
          { name: 'last_login_at', type: 'datetime', isNullable: true },
          { name: 'password_changed_at', type: 'datetime', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [{ columnNames: ['username'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'admin_session',
        columns: [
          { name: 'id', type: 'varchar', length: '255', isPrimary: true },
          { name: 'expired_at', type: 'bigint' },
          { name: 'json', type: 'text' },
          isMysqlFamily(queryRunner)
            ? { name: 'destroyed_at', type: 'datetime', precision: 6, isNullable: true }
            : { name: 'destroyed_at', type: 'datetime', isNullable: true },
        ],
        indices: [{ columnNames: ['expired_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_key',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'secret_hash', type: 'varchar', length: '64' },
          { name: 'scopes', type: 'varchar', length: '200' },
          { name: 'committee_id', type: 'integer', isNullable: true },
          { name: 'expires_at', type: 'datetime', isNullable: true },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
          { name: 'last_used_at', type: 'datetime', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [reference('committee_id', 'committee')],
        indices: [{ columnNames: ['prefix'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_key');
    await queryRunner.dropTable('admin_session');
    await queryRunner.dropTable('admin_user');
  }
}
