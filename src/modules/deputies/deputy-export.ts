import { maskPhone } from '../../common/masking.js';
import { localDate } from '../../common/period.js';
import { toWorkbook, type ExportColumn } from '../../common/spreadsheet.js';
import { DEPUTIES_LABELS } from './deputies.labels.js';
import { TERMS_LABELS } from '../terms/terms.labels.js';
import type { Deputy } from './deputy.entity.js';

/** A deputy's personal data: masked in lists, answers and exports; shown only by an audited reveal. */
export const DEPUTY_PERSONAL_FIELDS = ['phone', 'email'] as const;

/**
 * 代表名册: the columns of a deputies export. Phones are masked in every export and emails are
 * left out (PIPL: an export carries only what a roster needs).
 */
export const DEPUTY_EXPORT_COLUMNS: readonly ExportColumn<Deputy>[] = [
  { header: '编号 ID', width: 8, value: (d) => d.id },
  { header: '姓名 Name', value: (d) => d.name },
  { header: '性别 Gender', width: 8, value: (d) => DEPUTIES_LABELS.values.gender[d.gender] },
  { header: '民族 Ethnicity', width: 10, value: (d) => d.ethnicity },
  { header: '出生日期 Birth date', width: 12, value: (d) => d.birthDate },
  { header: '党派 Party', value: (d) => d.party },
  { header: '代表层级 Level', width: 10, value: (d) => TERMS_LABELS.values.level[d.level] },
  { header: '所属工委 Committee', width: 24, value: (d) => d.committee?.name },
  { header: '社区/村 Community', width: 20, value: (d) => d.community?.name },
  { header: '代表小组 Group', width: 20, value: (d) => d.group?.name },
  { header: '选区 Constituency', width: 20, value: (d) => d.constituency },
  { header: '职业 Occupation', value: (d) => d.occupation },
  { header: '工作单位 Workplace', width: 28, value: (d) => d.workplace },
  { header: '电话 Phone', width: 14, value: (d) => maskPhone(d.phone) },
  { header: '状态 Status', width: 8, value: (d) => DEPUTIES_LABELS.values.deputyStatus[d.status] },
];

/** 代表名册-2026-11-26.xlsx: the export file of the API and of the admin panel alike. */
export async function deputyRoster(
  rows: readonly Deputy[],
  timeZone: string,
  now: Date,
): Promise<{ fileName: string; body: Buffer }> {
  return {
    fileName: `代表名册-${localDate(now, timeZone)}.xlsx`,
    body: await toWorkbook('代表名册', DEPUTY_EXPORT_COLUMNS, rows),
  };
}
