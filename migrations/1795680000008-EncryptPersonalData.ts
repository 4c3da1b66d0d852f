import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * Deputies' phones become AES-256-GCM ciphertext (wider column) with a keyed hash beside them for
 * exact-match search (src/common/personal-data.ts). Rows written before hold plain text, which
 * the column transformer still reads and encrypts at the next save; `npm run cli --
 * personal-data:encrypt` encrypts them all at once.
 */
export class EncryptPersonalData1795680000008 implements MigrationInterface {
  name = 'EncryptPersonalData1795680000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn(
      'deputy',
      'phone',
      new TableColumn({ name: 'phone', type: 'varchar', length: '200', isNullable: true }),
    );
    await queryRunner.addColumn(
      'deputy',
      new TableColumn({ name: 'phone_hash', type: 'varchar', length: '64', isNullable: true }),
    );
    await queryRunner.createIndex('deputy', new TableIndex({ columnNames: ['phone_hash'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const table = await queryRunner.getTable('deputy');
    const index = table?.indices.find((i) => i.columnNames.includes('phone_hash'));
    if (index) await queryRunner.dropIndex('deputy', index);
    await queryRunner.dropColumn('deputy', 'phone_hash');
    await queryRunner.changeColumn(
      'deputy',
      'phone',
      new TableColumn({ name: 'phone', type: 'varchar', length: '30', isNullable: true }),
    );
  }
}
