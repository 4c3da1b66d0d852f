import {
  type MigrationInterface,
  type QueryRunner,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { reference } from '../src/database/migration-columns.js';

/**
 * The business account an API key is issued to (issue 10, finding 2: the security administrator
 * manages grants but never holds business access). Keys issued before have no holder and stop
 * working: reissue them to a named holder.
 */
export class AddApiKeyHolder1795680000020 implements MigrationInterface {
  name = 'AddApiKeyHolder1795680000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'api_key',
      new TableColumn({ name: 'holder_id', type: 'integer', isNullable: true }),
    );
    await queryRunner.createForeignKey(
      'api_key',
      new TableForeignKey(reference('holder_id', 'admin_user')),
    );
    await queryRunner.createIndex('api_key', new TableIndex({ columnNames: ['holder_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('api_key');
    const foreignKey = table?.foreignKeys.find((fk) => fk.columnNames.includes('holder_id'));
    if (foreignKey) await queryRunner.dropForeignKey('api_key', foreignKey);
    const index = table?.indices.find((i) => i.columnNames.includes('holder_id'));
    if (index) await queryRunner.dropIndex('api_key', index);
    await queryRunner.dropColumn('api_key', 'holder_id');
  }
}
