import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

/** [M1] 重大项目 (key projects), 项目进度 (their progress snapshots), 工作成效 (counted outcomes). */
export class CreateProjects1795680000100 implements MigrationInterface {
  name = 'CreateProjects1795680000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const money = { type: 'decimal', precision: 14, scale: 2 } as const;
    await queryRunner.createTable(
      new Table({
        name: 'key_project',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'year', type: 'integer' },
          { name: 'stage', type: 'varchar', length: '16' },
          { name: 'planned_investment', ...money },
          { name: 'owner', type: 'varchar', length: '200', isNullable: true },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('committee_id', 'committee')],
        indices: [{ columnNames: ['committee_id', 'year', 'name'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project_progress',
        columns: [
          idColumn(),
          { name: 'project_id', type: 'integer' },
          { name: 'as_of', type: 'date' },
          { name: 'completed_investment', ...money },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('project_id', 'key_project', 'CASCADE')],
        indices: [{ columnNames: ['project_id', 'as_of'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'counted_outcome',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'year', type: 'integer' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'value', ...money },
          { name: 'unit', type: 'varchar', length: '16' },
          { name: 'community_id', type: 'integer', isNullable: true },
          { name: 'activity_id', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('committee_id', 'committee'),
          reference('community_id', 'community'),
          reference('activity_id', 'activity'),
        ],
        indices: [{ columnNames: ['committee_id', 'year'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('counted_outcome');
    await queryRunner.dropTable('project_progress');
    await queryRunner.dropTable('key_project');
  }
}
