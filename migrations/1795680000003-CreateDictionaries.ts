import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import {
  booleanColumn,
  idColumn,
  reference,
  timestampColumns,
} from '../src/database/migration-columns.js';

interface SeedItem {
  code: string;
  label: string;
  labelEn: string;
  category?: string;
}

/** Chinese defaults staff start from; they edit, add and disable entries in the admin panel. */
const SEED: {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  items: SeedItem[];
}[] = [
  {
    code: 'activity_kind',
    name: '活动类型',
    nameEn: 'Activity kinds',
    description:
      '代表活动的类型，每类归入一个统计类别（会议、学习、监督、大会、联络站、联系选民、其他）',
    items: [
      {
        code: 'work_meeting',
        label: '代表工作会议',
        labelEn: 'Deputy work meeting',
        category: 'meeting',
      },
      {
        code: 'group_activity',
        label: '代表小组活动',
        labelEn: 'Deputy group activity',
        category: 'meeting',
      },
      { code: 'group_study', label: '集中学习', labelEn: 'Group study', category: 'training' },
      {
        code: 'documentary',
        label: '观看专题片',
        labelEn: 'Documentary screening',
        category: 'training',
      },
      { code: 'lecture', label: '辅导报告', labelEn: 'Lecture', category: 'training' },
      { code: 'inspection', label: '视察', labelEn: 'Inspection', category: 'supervision' },
      { code: 'research_visit', label: '调研', labelEn: 'Research visit', category: 'supervision' },
      {
        code: 'law_enforcement_check',
        label: '执法检查',
        labelEn: 'Law-enforcement check',
        category: 'supervision',
      },
      {
        code: 'court_hearing',
        label: '旁听庭审',
        labelEn: 'Court-hearing observation',
        category: 'supervision',
      },
      {
        code: 'supervision_forum',
        label: '监督座谈会',
        labelEn: 'Supervision forum',
        category: 'supervision',
      },
      {
        code: 'special_inquiry',
        label: '专题询问',
        labelEn: 'Special inquiry',
        category: 'supervision',
      },
      {
        code: 'plenary_session',
        label: '人民代表大会会议',
        labelEn: 'Plenary session',
        category: 'plenary',
      },
      {
        code: 'reception_day',
        label: '联络站接待日',
        labelEn: 'Station reception day',
        category: 'station',
      },
      { code: 'voter_visit', label: '走访选民', labelEn: 'Voter visit', category: 'outreach' },
      { code: 'voter_forum', label: '选民座谈会', labelEn: 'Voter forum', category: 'outreach' },
      { code: 'campaign', label: '主题活动', labelEn: 'Campaign', category: 'other' },
    ],
  },
  {
    code: 'supervision_area',
    name: '监督领域',
    nameEn: 'Supervision areas',
    description: '监督活动所属领域',
    items: [
      { code: 'economy', label: '经济运行', labelEn: 'Economy' },
      { code: 'projects', label: '项目建设', labelEn: 'Projects' },
      { code: 'relocation', label: '征迁', labelEn: 'Relocation' },
      { code: 'environment', label: '生态环境', labelEn: 'Environment' },
      { code: 'judiciary', label: '司法', labelEn: 'Judiciary' },
      { code: 'livelihood', label: '民生实事', labelEn: 'Livelihood' },
      { code: 'civility', label: '文明创建', labelEn: 'Civility' },
    ],
  },
  {
    code: 'issue_category',
    name: '问题类别',
    nameEn: 'Issue categories',
    description: '选民意见与代表建议的分类',
    items: [
      { code: 'urban_management', label: '城市管理', labelEn: 'Urban management' },
      { code: 'sanitation', label: '环境卫生', labelEn: 'Sanitation' },
      { code: 'transport', label: '交通出行', labelEn: 'Transport' },
      { code: 'education_health', label: '教育医疗', labelEn: 'Education and health' },
      { code: 'social_security', label: '社会保障', labelEn: 'Social security' },
      { code: 'other', label: '其他', labelEn: 'Other' },
    ],
  },
];

export class CreateDictionaries1795680000003 implements MigrationInterface {
  name = 'CreateDictionaries1795680000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'dictionary',
        columns: [
          idColumn(),
          { name: 'code', type: 'varchar', length: '50' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'name_en', type: 'varchar', length: '100', isNullable: true },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          ...timestampColumns(queryRunner),
        ],
        indices: [{ columnNames: ['code'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dictionary_item',
        columns: [
          idColumn(),
          { name: 'dictionary_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '50' },
          { name: 'label', type: 'varchar', length: '100' },
          { name: 'label_en', type: 'varchar', length: '100', isNullable: true },
          { name: 'category', type: 'varchar', length: '16', isNullable: true },
          { name: 'sort_order', type: 'integer', default: 0 },
          booleanColumn(queryRunner, 'enabled', true),
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('dictionary_id', 'dictionary')],
        indices: [{ columnNames: ['dictionary_id', 'code'], isUnique: true }],
      }),
    );

    for (const dictionary of SEED) {
      await queryRunner.query(
        'INSERT INTO dictionary (code, name, name_en, description) VALUES (?, ?, ?, ?)',
        [dictionary.code, dictionary.name, dictionary.nameEn, dictionary.description],
      );
      const [row] = (await queryRunner.query('SELECT id FROM dictionary WHERE code = ?', [
        dictionary.code,
      ])) as { id: number }[];
      for (const [index, item] of dictionary.items.entries()) {
        await queryRunner.query(
          'INSERT INTO dictionary_item (dictionary_id, code, label, label_en, category, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
          [row.id, item.code, item.label, item.labelEn, item.category ?? null, (index + 1) * 10],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dictionary_item');
    await queryRunner.dropTable('dictionary');
  }
}
