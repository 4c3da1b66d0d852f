import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAtColumn, idColumn, reference } from '../src/database/migration-columns.js';

/** [M1] 附件: files attached to records of any attachable kind (type + id, no foreign key). */
export class CreateAttachments1795680000060 implements MigrationInterface {
  name = 'CreateAttachments1795680000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'attachment',
        columns: [
          idColumn(),
          { name: 'record_type', type: 'varchar', length: '40' },
          { name: 'record_id', type: 'integer' },
          { name: 'purpose', type: 'varchar', length: '40', default: "'file'" },
          { name: 'committee_id', type: 'integer', isNullable: true },
          { name: 'original_name', type: 'varchar', length: '255' },
          { name: 'media_type', type: 'varchar', length: '100' },
          { name: 'size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'storage_key', type: 'varchar', length: '100' },
          { name: 'uploaded_by', type: 'varchar', length: '100' },
          createdAtColumn(queryRunner),
        ],
        foreignKeys: [reference('committee_id', 'committee')],
        indices: [
          { columnNames: ['record_type', 'record_id'] },
          { columnNames: ['storage_key'], isUnique: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('attachment');
  }
}
