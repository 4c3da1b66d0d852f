/**
 * The plenary area's pure rules: how a session is named, which dates and votes are consistent.
 * No Nest or ORM here; table-tested in plenary.rules.spec.ts.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 23 → 二十三, 100 → 一百, 105 → 一百零五: the numerals
 * of 第X次会议 and 第X届 (1–999; other numbers stay in digits).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let text = '';
  if (hundreds > 0) text += `${DIGITS[hundreds]}百`;
  if (tens > 0) text += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) text += '零';
  if (ones > 0) text += DIGITS[ones];
  return text;
}

/**
 * 区第十五届人民代表大会第三次会议: the term's name, completed to the congress (a term named
 * 区第十五届 gets 人民代表大会), then 第X次会议.
 */
export function sessionName(termName: string, sessionNumber: number): string {
  const term = termName.trim();
  const congress = /届$/.test(term) ? `${term}人民代表大会` : term;
  return `${congress}第${chineseNumeral(sessionNumber)}次会议`;
}

/** A date-only interval is in order when it has no end or ends on or after it starts. */
export function datesInOrder(startsOn: string, endsOn: string | null | undefined): boolean {
  return !endsOn || endsOn >= startsOn;
}

/**
 * Whether the activity that holds the attendance falls within the session: its local start day
 * between the session's first and last day (a one-day session when it has no end).
 */
export function activityWithinSession(
  activityDay: string,
  startsOn: string,
  endsOn: string | null | undefined,
): boolean {
  return activityDay >= startsOn && activityDay <= (endsOn ?? startsOn);
}

export interface Vote {
  adopted: 'yes' | 'no' | 'notVoted';
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstaining?: number | null;
}

export const VOTE_FIELDS = ['votesFor', 'votesAgainst', 'votesAbstaining'] as const;

/**
 * The vote field that contradicts the result, if any: an item not voted on (yet) has no votes.
 * (Negative counts are refused by the DTOs before this.)
 */
export function voteProblem(vote: Vote): (typeof VOTE_FIELDS)[number] | null {
  if (vote.adopted !== 'notVoted') return null;
  return VOTE_FIELDS.find((field) => vote[field] !== null && vote[field] !== undefined) ?? null;
}
