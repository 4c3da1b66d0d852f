import type { Type } from '@nestjs/common';
import type { ResourceId } from '../access/permissions.js';

/**
 * The committee-year an overview is asked for ([M1] `GET /reports/overview`): the committees it
 * covers (the one asked for and those below it, within the caller's scope) and the year's bounds
 * in the app's time zone.
 */
export interface OverviewScope {
  /** The committee the caller asked for. */
  committeeId: number;
  /** It and every committee below it that the caller may see. */
  committeeIds: readonly number[];
  year: number;
  /** 1 January 00:00 of `year` in the app's zone (inclusive). */
  start: Date;
  /** 1 January 00:00 of the next year (exclusive). */
  end: Date;
  /** The year as calendar dates, for date-only columns: `YYYY-01-01` and `YYYY-12-31`. */
  firstDay: string;
  lastDay: string;
  /** When the overview is taken (the Clock): "as of" figures such as overdue or progress. */
  asOf: Date;
  timeZone: string;
}

/** The records one figure counted: what a reader follows to check it. */
export interface CountedRecords {
  /** The permission resource of the records (`activity`, `opinion`, …). */
  type: ResourceId;
  ids: number[];
}

/**
 * One named number of a report. `name` is stable (clients key on it), `label` is the Chinese
 * line a report prints. A figure breaks down into figures of the same unit (by method, status,
 * stage …) whose values add up to it unless `overlapping` says a record may count in several.
 */
export interface Figure {
  name: string;
  label: string;
  value: number;
  /** 次, 小时, 个, 万元, % … */
  unit: string;
  records: CountedRecords;
  breakdown?: Figure[];
  /** Breakdown values may add up to more than the value (a deputy counted in several groups). */
  overlapping?: true;
}

/** A list a report prints row by row (indicator values, congress sessions, deputies). */
export interface OverviewList {
  label: string;
  /** The permission resource of the rows' ids. */
  type: ResourceId;
  /** Column labels for a printed table, by item key, in order (keys not named are not printed). */
  columns?: Readonly<Record<string, string>>;
  items: ({ id: number } & Record<string, unknown>)[];
}

/** One area's part of the overview. */
export interface OverviewSection {
  /** The area (its folder name under src/modules). */
  area: string;
  label: string;
  figures: Figure[];
  lists: Record<string, OverviewList>;
  /** The report's own sentences built from the figures ("X 名代表走访联系 X 名选民…"). */
  sentences?: string[];
}

/**
 * An area's read-side statistics: the one definition of each number it reports. The overview,
 * the admin dashboard and the annual report all call it, so a number never has two
 * definitions. The class is a provider its area's module exports, named in the area file's
 * `statistics` slot; it reads through its own repository within `scope`.
 */
export interface AreaStatistics {
  overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>>;
}

export type AreaStatisticsType = Type<AreaStatistics>;

/** A figure built from the ids it counted: the value is their number. */
export function countOf(
  name: string,
  label: string,
  type: ResourceId,
  ids: readonly number[],
  unit = '个',
): Figure {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  return { name, label, value: unique.length, unit, records: { type, ids: unique } };
}

/** A figure whose value is a sum (hours, money) over the records it lists. */
export function sumOf(
  name: string,
  label: string,
  type: ResourceId,
  rows: readonly { id: number; amount: number }[],
  unit: string,
  /** Decimal places kept (money in 万元: 2). */
  digits = 2,
): Figure {
  const factor = 10 ** digits;
  const total = rows.reduce((sum, row) => sum + Math.round(row.amount * factor), 0) / factor;
  const ids = [...new Set(rows.map((row) => row.id))].sort((a, b) => a - b);
  return { name, label, value: total, unit, records: { type, ids } };
}
