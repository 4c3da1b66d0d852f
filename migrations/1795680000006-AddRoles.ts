import {
  type MigrationInterface,
  type QueryRunner,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { reference } from '../src/database/migration-columns.js';

/**
 * Roles and data scope for admin users and API keys; the session epoch that ends a user's
 * sessions everywhere when their role, committee or status changes. Existing users (the first
 * `admin` of F1) become system administrators.
 */
export class AddRoles1795680000006 implements MigrationInterface {
  name = 'AddRoles1795680000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('admin_user', [
      new TableColumn({ name: 'role', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'committee_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'session_epoch', type: 'integer', default: 0 }),
    ]);
    await queryRunner.createForeignKey(
      'admin_user',
      new TableForeignKey(reference('committee_id', 'committee')),
    );
    await queryRunner.createIndex('admin_user', new TableIndex({ columnNames: ['committee_id'] }));
    await queryRunner.query(`UPDATE admin_user SET role = 'systemAdmin' WHERE role IS NULL`);
    await queryRunner.addColumn(
      'api_key',
      new TableColumn({ name: 'role', type: 'varchar', length: '32', default: "'districtViewer'" }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('api_key', 'role');
    const table = await queryRunner.getTable('admin_user');
    const foreignKey = table?.foreignKeys.find((fk) => fk.columnNames.includes('committee_id'));
    if (foreignKey) await queryRunner.dropForeignKey('admin_user', foreignKey);
    const index = table?.indices.find((i) => i.columnNames.includes('committee_id'));
    if (index) await queryRunner.dropIndex('admin_user', index);
    await queryRunner.dropColumns('admin_user', ['session_epoch', 'committee_id', 'role']);
  }
}
