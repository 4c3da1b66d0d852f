import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import {
  booleanColumn,
  idColumn,
  reference,
  timestampColumns,
} from '../src/database/migration-columns.js';

/**
 * [M1] 经济指标: each committee's catalogue of indicators (`indicator`) and their values per
 * year, period and kind (`indicator_value`, unique per indicator, year, period and kind).
 */
export class CreateIndicators1795680000090 implements MigrationInterface {
  name = 'CreateIndicators1795680000090';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'indicator',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'unit', type: 'varchar', length: '20' },
          { name: 'frequency', type: 'varchar', length: '16' },
          booleanColumn(queryRunner, 'enabled', true),
          { name: 'sort_order', type: 'integer', default: 0 },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('committee_id', 'committee')],
        indices: [{ columnNames: ['committee_id', 'code'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_value',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'indicator_id', type: 'integer' },
          { name: 'year', type: 'integer' },
          { name: 'period', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'value', type: 'decimal', precision: 20, scale: 4 },
          { name: 'yoy_percent', type: 'decimal', precision: 10, scale: 2, isNullable: true },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('committee_id', 'committee'),
          reference('indicator_id', 'indicator'),
        ],
        indices: [
          { columnNames: ['indicator_id', 'year', 'period', 'kind'], isUnique: true },
          { columnNames: ['committee_id', 'year'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('indicator_value');
    await queryRunner.dropTable('indicator');
  }
}
