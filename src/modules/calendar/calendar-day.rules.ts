import { DateTime } from 'luxon';
import type { CalendarDayKind } from '../../common/working-days.rules.js';

/** Saturday or Sunday (ISO weekday 6, 7) of a `YYYY-MM-DD` date. */
export function isWeekend(date: string): boolean {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday >= 6;
}

/**
 * Why an exception would change nothing, or null: weekends are non-working and weekdays working
 * by default, so only a holiday on a weekday or a 调休 working day on a weekend is an exception.
 * A row that restates the default is refused rather than stored, so that the table lists exactly
 * the days that differ.
 */
export function pointlessException(
  date: string,
  kind: CalendarDayKind,
): { zh: string; en: string } | null {
  const weekend = isWeekend(date);
  if (kind === 'holiday' && weekend) {
    return {
      zh: `${date} 是周末，本来就不上班，无需登记为节假日`,
      en: `${date} is a weekend day, non-working anyway: no holiday needed`,
    };
  }
  if (kind === 'workday' && !weekend) {
    return {
      zh: `${date} 是周一至周五，本来就上班，无需登记为调休上班`,
      en: `${date} is a weekday, a working day anyway: no make-up working day needed`,
    };
  }
  return null;
}

/** A holiday's short name in the package's data → the name the notice uses. */
const FULL_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

/** One exception of a year as the State Council's notice has it. */
export interface NoticeDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/**
 * The exceptions of `year` from a day-by-day source (chinese-days' `getDayDetail`: `work`, and a
 * name `English,中文,n` for a holiday or 调休 day): every weekday off and every weekend day on.
 * Empty when the source knows no holiday that year (its notice is not in the data yet).
 */
export function exceptionsOfYear(
  year: number,
  detail: (date: string) => { work: boolean; name: string },
): NoticeDay[] {
  const days: NoticeDay[] = [];
  const end = DateTime.utc(year, 12, 31);
  for (let day = DateTime.utc(year, 1, 1); day <= end; day = day.plus({ days: 1 })) {
    const date = day.toISODate() as string;
    const { work, name } = detail(date);
    const weekend = day.weekday >= 6;
    if (work === weekend) {
      const chinese = name.split(',')[1]?.trim() || name;
      days.push({ date, kind: work ? 'workday' : 'holiday', name: FULL_NAMES[chinese] ?? chinese });
    }
  }
  return days.some((day) => day.kind === 'holiday') ? days : [];
}
