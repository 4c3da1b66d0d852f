import chineseDays from 'chinese-days';
import { exceptionsOfYear, type NoticeDay } from './calendar-day.rules.js';

/**
 * A year's exceptions as the State Council's notice gives them, from the `chinese-days` package
 * (pinned in package.json; its data ends with the latest notice it carries — 1.5.7: 2026). Empty
 * for a year it has no notice for.
 */
export function stateCouncilNotice(year: number): NoticeDay[] {
  return exceptionsOfYear(year, (date) => chineseDays.getDayDetail(date));
}
