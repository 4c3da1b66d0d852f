import type { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Column shapes that let one migration file serve MySQL/MariaDB and SQLite and still match the
 * entities exactly (see STACK.md "Portable migrations"). Only these few types differ by dialect.
 */
export function isMysqlFamily(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.driver.options.type;
  return type === 'mysql' || type === 'mariadb';
}

export const idColumn = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

export const timestampColumns = (queryRunner: QueryRunner): TableColumnOptions[] =>
  isMysqlFamily(queryRunner)
    ? [
        { name: 'created_at', type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)' },
        {
          name: 'updated_at',
          type: 'datetime',
          precision: 6,
          default: 'CURRENT_TIMESTAMP(6)',
          onUpdate: 'CURRENT_TIMESTAMP(6)',
        },
      ]
    : [
        { name: 'created_at', type: 'datetime', default: "datetime('now')" },
        { name: 'updated_at', type: 'datetime', default: "datetime('now')" },
      ];

export const createdAtColumn = (queryRunner: QueryRunner): TableColumnOptions =>
  timestampColumns(queryRunner)[0];

export const booleanColumn = (
  queryRunner: QueryRunner,
  name: string,
  defaultValue: boolean,
): TableColumnOptions => ({
  name,
  type: isMysqlFamily(queryRunner) ? 'tinyint' : 'boolean',
  default: defaultValue ? 1 : 0,
});

export const reference = (
  column: string,
  table: string,
  onDelete: 'RESTRICT' | 'CASCADE' = 'RESTRICT',
): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'NO ACTION',
});
