import type { AttendanceStatus } from './attendance.entity.js';
import type { ActivityCategory } from '../dictionaries/dictionary-item.entity.js';
import { ACTIVITY_CATEGORIES } from '../dictionaries/dictionary-item.entity.js';

export interface PerformanceEntry {
  category: ActivityCategory;
  status: AttendanceStatus;
}

export interface AttendanceCounts {
  invited: number;
  attended: number;
  leave: number;
  absent: number;
  /** attended / invited, rounded to 4 places; null with no invitations. */
  attendanceRate: number | null;
}

export interface PerformanceSummary {
  totals: AttendanceCounts;
  byCategory: Record<ActivityCategory, AttendanceCounts>;
}

function counts(entries: PerformanceEntry[]): AttendanceCounts {
  const attended = entries.filter((entry) => entry.status === 'attended').length;
  const leave = entries.filter((entry) => entry.status === 'leave').length;
  const absent = entries.filter((entry) => entry.status === 'absent').length;
  const invited = entries.length;
  return {
    invited,
    attended,
    leave,
    absent,
    attendanceRate: invited === 0 ? null : Math.round((attended / invited) * 10000) / 10000,
  };
}

/** 履职档案 counts: per category and overall, of the held activities a deputy was recorded at. */
export function summarisePerformance(entries: PerformanceEntry[]): PerformanceSummary {
  const byCategory = Object.fromEntries(
    ACTIVITY_CATEGORIES.map((category) => [
      category,
      counts(entries.filter((entry) => entry.category === category)),
    ]),
  ) as Record<ActivityCategory, AttendanceCounts>;
  return { totals: counts(entries), byCategory };
}

/** Rows grouped by deputy, each deputy's rows in their original order. */
export function groupByDeputy<R extends { deputyId: number }>(
  rows: readonly R[],
): Map<number, R[]> {
  const groups = new Map<number, R[]>();
  for (const row of rows) {
    const group = groups.get(row.deputyId);
    if (group) group.push(row);
    else groups.set(row.deputyId, [row]);
  }
  return groups;
}
