import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import {
  booleanColumn,
  idColumn,
  reference,
  timestampColumns,
} from '../src/database/migration-columns.js';

/**
 * An EXAMPLE station standard (a province's "九有"): the items differ by province, so staff edit,
 * disable or replace these rows; nothing in the code depends on them.
 */
const NINE_HAVES: [title: string, description: string][] = [
  ['有场所', '有固定的活动场所，面积满足接待和会议需要'],
  ['有牌子', '在显著位置悬挂统一的联络站标牌'],
  ['有制度', '学习、活动、考勤等制度和站长、联络员职责上墙'],
  ['有人员', '明确站长、联络员，安排驻站代表'],
  ['有经费', '活动经费列入预算，保障日常运转'],
  ['有活动', '按计划开展接待选民、学习培训等活动'],
  ['有台账', '接待、活动、意见办理等记录完整规范'],
  ['有网络', '建有网络联络平台或信息公开渠道'],
  ['有成效', '选民意见得到及时反馈和有效解决'],
];

/** Example station cadence rules, seeded DISABLED: staff enable the ones their norms require. */
const STATION_RULES = [
  {
    name: '联络站每周至少接待一次',
    measure: 'receptions',
    period: 'week',
    noticeDays: null,
    reminderDays: '2',
    countingRule:
      '每个代表联络站每周（周一至周日，北京时间）至少举行一次接待日（联络站类活动并登记接待记录）。只计“已举行”的活动。',
  },
  {
    name: '接待日至少提前2天公告',
    measure: 'noticedReceptions',
    period: 'month',
    noticeDays: 2,
    reminderDays: '7',
    countingRule:
      '每个代表联络站每月至少有一次接待日提前2天以上公告（公告日期早于接待日至少2天），未按时公告的接待不计。',
  },
  {
    name: '驻站代表每年至少进站接待一次',
    measure: 'deputiesOnDuty',
    period: 'year',
    noticeDays: null,
    reminderDays: '60,30',
    countingRule:
      '在该年度任职的每名驻站代表，至少一次出席本站已举行的接待日。达标 = 每名驻站代表都已进站；计数为已进站的代表人数，应达人数为驻站代表人数。',
  },
];

/**
 * 代表联络站: stations, their people over time, posted rules, receptions (a 1:1 extension of a
 * `station` activity), the station standard (an example "九有" checklist) and yearly assessments
 * with one row per item; cadence rules gain a measure and a notice period for station subjects.
 */
export class CreateStations1795680000200 implements MigrationInterface {
  name = 'CreateStations1795680000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const decimal = (name: string, precision: number, scale: number) => ({
      name,
      type: 'decimal',
      precision,
      scale,
      isNullable: true,
    });
    await queryRunner.createTable(
      new Table({
        name: 'station',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'community_id', type: 'integer', isNullable: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'address', type: 'varchar', length: '200' },
          decimal('latitude', 9, 6),
          decimal('longitude', 9, 6),
          decimal('floor_area', 10, 2),
          { name: 'opening_hours', type: 'varchar', length: '200', isNullable: true },
          { name: 'reception_schedule', type: 'varchar', length: '200', isNullable: true },
          { name: 'contact_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'contact_phone', type: 'varchar', length: '200', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('committee_id', 'committee'),
          reference('community_id', 'community'),
        ],
        indices: [{ columnNames: ['committee_id', 'name'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'station_role',
        columns: [
          idColumn(),
          { name: 'station_id', type: 'integer' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'deputy_id', type: 'integer', isNullable: true },
          { name: 'person_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'starts_on', type: 'date' },
          { name: 'ends_on', type: 'date', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('station_id', 'station'), reference('deputy_id', 'deputy')],
        indices: [{ columnNames: ['station_id', 'role'] }, { columnNames: ['deputy_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'station_document',
        columns: [
          idColumn(),
          { name: 'station_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'content', type: 'text', isNullable: true },
          { name: 'effective_on', type: 'date', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('station_id', 'station')],
        indices: [{ columnNames: ['station_id', 'kind'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reception',
        columns: [
          idColumn(),
          { name: 'activity_id', type: 'integer' },
          { name: 'station_id', type: 'integer' },
          { name: 'announced_on', type: 'date', isNullable: true },
          { name: 'voters_received', type: 'integer', default: 0 },
          { name: 'notes', type: 'text', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('activity_id', 'activity'), reference('station_id', 'station')],
        indices: [
          { columnNames: ['activity_id'], isUnique: true },
          { columnNames: ['station_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'station_standard_item',
        columns: [
          idColumn(),
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'weight', type: 'integer' },
          booleanColumn(queryRunner, 'evidence_required', false),
          { name: 'sort_order', type: 'integer', default: 0 },
          booleanColumn(queryRunner, 'enabled', true),
          ...timestampColumns(queryRunner),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'station_assessment',
        columns: [
          idColumn(),
          { name: 'station_id', type: 'integer' },
          { name: 'year', type: 'integer' },
          { name: 'assessed_on', type: 'date', isNullable: true },
          { name: 'total_score', type: 'integer', default: 0 },
          { name: 'max_score', type: 'integer', default: 0 },
          { name: 'notes', type: 'text', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('station_id', 'station')],
        indices: [{ columnNames: ['station_id', 'year'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'station_assessment_item',
        columns: [
          idColumn(),
          { name: 'assessment_id', type: 'integer' },
          { name: 'standard_item_id', type: 'integer' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'weight', type: 'integer' },
          booleanColumn(queryRunner, 'met', false),
          { name: 'evidence', type: 'text', isNullable: true },
          { name: 'score', type: 'integer', default: 0 },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [
          reference('assessment_id', 'station_assessment'),
          reference('standard_item_id', 'station_standard_item'),
        ],
        indices: [{ columnNames: ['assessment_id', 'standard_item_id'], isUnique: true }],
      }),
    );
    await queryRunner.addColumns('cadence_rule', [
      new TableColumn({ name: 'measure', type: 'varchar', length: '24', default: "'activities'" }),
      new TableColumn({ name: 'notice_days', type: 'integer', isNullable: true }),
    ]);
    for (const [index, [title, description]] of NINE_HAVES.entries()) {
      await queryRunner.query(
        'INSERT INTO station_standard_item (title, description, weight, evidence_required, sort_order) VALUES (?, ?, ?, ?, ?)',
        [title, description, index === 8 ? 12 : 11, 1, (index + 1) * 10],
      );
    }
    for (const rule of STATION_RULES) {
      await queryRunner.query(
        'INSERT INTO cadence_rule (name, subject, categories, min_count, period, reminder_days, counting_rule, enabled, measure, notice_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          rule.name,
          'station',
          'station',
          1,
          rule.period,
          rule.reminderDays,
          rule.countingRule,
          0,
          rule.measure,
          rule.noticeDays,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM cadence_rule WHERE subject = 'station'");
    await queryRunner.dropColumn('cadence_rule', 'notice_days');
    await queryRunner.dropColumn('cadence_rule', 'measure');
    await queryRunner.dropTable('station_assessment_item');
    await queryRunner.dropTable('station_assessment');
    await queryRunner.dropTable('station_standard_item');
    await queryRunner.dropTable('reception');
    await queryRunner.dropTable('station_document');
    await queryRunner.dropTable('station_role');
    await queryRunner.dropTable('station');
  }
}
