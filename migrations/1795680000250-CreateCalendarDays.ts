import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, timestampColumns } from '../src/database/migration-columns.js';

/**
 * 国务院办公厅关于2026年部分节假日安排的通知: the exceptions to the weekend rule in 2026 — holidays
 * on weekdays and 调休 working days on weekends (a holiday falling on a weekend changes nothing and
 * is not stored). Generated once from `chinese-days` 1.5.7 and written out here, so that the
 * migration gives every database the same rows whatever the package does later. That version has
 * no 2027 data (the 2027 notice is not in it): `npm run cli -- calendar:import --year 2027` adds a
 * year once a package version carries it, or staff enter the dates.
 */
const SEEDED_2026: readonly [date: string, kind: 'holiday' | 'workday', name: string][] = [
  ['2026-01-01', 'holiday', '元旦'],
  ['2026-01-02', 'holiday', '元旦'],
  ['2026-01-04', 'workday', '元旦'],
  ['2026-02-14', 'workday', '春节'],
  ['2026-02-16', 'holiday', '春节'],
  ['2026-02-17', 'holiday', '春节'],
  ['2026-02-18', 'holiday', '春节'],
  ['2026-02-19', 'holiday', '春节'],
  ['2026-02-20', 'holiday', '春节'],
  ['2026-02-23', 'holiday', '春节'],
  ['2026-02-28', 'workday', '春节'],
  ['2026-04-06', 'holiday', '清明节'],
  ['2026-05-01', 'holiday', '劳动节'],
  ['2026-05-04', 'holiday', '劳动节'],
  ['2026-05-05', 'holiday', '劳动节'],
  ['2026-05-09', 'workday', '劳动节'],
  ['2026-06-19', 'holiday', '端午节'],
  ['2026-09-20', 'workday', '国庆节'],
  ['2026-09-25', 'holiday', '中秋节'],
  ['2026-10-01', 'holiday', '国庆节'],
  ['2026-10-02', 'holiday', '国庆节'],
  ['2026-10-05', 'holiday', '国庆节'],
  ['2026-10-06', 'holiday', '国庆节'],
  ['2026-10-07', 'holiday', '国庆节'],
  ['2026-10-10', 'workday', '国庆节'],
];

/** [M2] 节假日与调休 (calendar_day): one nation-wide table, seeded with 2026. */
export class CreateCalendarDays1795680000250 implements MigrationInterface {
  name = 'CreateCalendarDays1795680000250';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'calendar_day',
        columns: [
          idColumn(),
          { name: 'date', type: 'date' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          { name: 'source', type: 'varchar', length: '16', default: "'staff'" },
          ...timestampColumns(queryRunner),
        ],
        indices: [{ columnNames: ['date'], isUnique: true }],
      }),
    );
    for (const [date, kind, name] of SEEDED_2026) {
      await queryRunner.query(
        "INSERT INTO calendar_day (date, kind, name, source) VALUES (?, ?, ?, 'seeded')",
        [date, kind, name],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_day');
  }
}
