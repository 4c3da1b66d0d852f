/**
 * 学习培训的计数规则 (issue [M1] Training; the reference report's 一(一) 认真抓好学习). Pure
 * functions, table-tested in training.rules.spec.ts; the repository supplies the rows.
 *
 * Definitions (one per number):
 * - A study session counts when its activity is **held** (planned and cancelled ones do not) and
 *   still of a training kind, in the period by the activity's start in APP_TIMEZONE. A held
 *   training activity without a study session is counted apart (`trainingWithoutSession`), so
 *   the two add up to the activities' `heldActivities.training`.
 * - **Study hours** of a deputy: the sum of the hours of the held study sessions the deputy is
 *   recorded as **attended** at (请假 / 缺席 earn no hours).
 * - **Sessions attended**: those sessions, counted once each.
 * - **Attendance rate** = attended ÷ the held study sessions the deputy has an attendance row at
 *   (出席 + 请假 + 缺席), rounded to four places; null when there is none. The denominator is the
 *   deputy's own recorded sessions, not every study session of the committee, for the same reason
 *   as 履职档案's rate (activities/performance.rules.ts), so the two agree: a session a deputy was
 *   not called to (another group's, before the deputy took office) does not count against them.
 *   The committee's held sessions in the period are answered beside it (`sessionsHeld`), so a
 *   reader can see who was never recorded.
 * - A **plan item is fulfilled** when it links a study session whose activity is held; a plan's
 *   fulfilment is fulfilled ÷ planned items.
 */

/** 每次学习培训的学时上限: a session is at most one day. */
export const MAX_SESSION_HOURS = 24;

/** One deputy's attendance row at a held study session. */
export interface StudyAttendanceEntry {
  studySessionId: number;
  status: 'attended' | 'leave' | 'absent';
  /** The session's hours (a number; DECIMAL text converted by the repository). */
  hours: number;
}

export interface StudyParticipation {
  /** Held study sessions the deputy has an attendance row at. */
  recorded: number;
  attended: number;
  leave: number;
  absent: number;
  /** attended ÷ recorded, four places; null with no row. */
  attendanceRate: number | null;
  /** Hours of the attended sessions, two places. */
  hours: number;
  /** The attended sessions' ids, ascending. */
  studySessionIds: number[];
}

/** Sums decimals in hundredths, so 0.1 + 0.2 is 0.3. */
export function sumHours(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10000) / 10000;
}

/** A deputy's study participation from their rows (one per session; a repeated id counts once). */
export function studyParticipation(entries: readonly StudyAttendanceEntry[]): StudyParticipation {
  const bySession = new Map<number, StudyAttendanceEntry>();
  for (const entry of entries) bySession.set(entry.studySessionId, entry);
  const rows = [...bySession.values()];
  const attended = rows.filter((row) => row.status === 'attended');
  return {
    recorded: rows.length,
    attended: attended.length,
    leave: rows.filter((row) => row.status === 'leave').length,
    absent: rows.filter((row) => row.status === 'absent').length,
    attendanceRate: rate(attended.length, rows.length),
    hours: sumHours(attended.map((row) => row.hours)),
    studySessionIds: attended.map((row) => row.studySessionId).sort((a, b) => a - b),
  };
}

/** One plan item as fulfilment sees it. */
export interface PlanItemState {
  id: number;
  studySessionId: number | null;
  /** Whether the linked session's activity is held (false with no link). */
  sessionHeld: boolean;
}

export interface PlanFulfilment {
  planned: number;
  fulfilled: number;
  open: number;
  /** fulfilled ÷ planned, four places; null for an empty plan. */
  fulfilmentRate: number | null;
  fulfilledItemIds: number[];
  openItemIds: number[];
}

export const isFulfilled = (item: PlanItemState): boolean =>
  item.studySessionId !== null && item.sessionHeld;

/** 计划与落实: planned items, those fulfilled by a held session, and those still open. */
export function planFulfilment(items: readonly PlanItemState[]): PlanFulfilment {
  const fulfilled = items.filter(isFulfilled).map((item) => item.id);
  const open = items.filter((item) => !isFulfilled(item)).map((item) => item.id);
  return {
    planned: items.length,
    fulfilled: fulfilled.length,
    open: open.length,
    fulfilmentRate: rate(fulfilled.length, items.length),
    fulfilledItemIds: fulfilled.sort((a, b) => a - b),
    openItemIds: open.sort((a, b) => a - b),
  };
}

/** What a plan item's link must agree with: the plan's committee and year. */
export interface LinkCheck {
  planCommitteeId: number;
  planYear: number;
  sessionCommitteeId: number;
  /** The calendar year of the session's activity start in APP_TIMEZONE. */
  sessionYear: number;
}

/**
 * Why a study session cannot fulfil a plan's item (Chinese first), or null when it can: it must
 * be a session of the plan's committee, held in the plan's year.
 */
export function linkProblem(check: LinkCheck): { zh: string; en: string } | null {
  if (check.sessionCommitteeId !== check.planCommitteeId) {
    return {
      zh: '落实的学习培训须属于学习计划所在的人大工委',
      en: 'The study session must belong to the plan’s committee',
    };
  }
  if (check.sessionYear !== check.planYear) {
    return {
      zh: `落实的学习培训须在计划年度（${check.planYear}年）内举行，该活动在${check.sessionYear}年`,
      en: `The study session must take place in the plan’s year ${check.planYear}, not ${check.sessionYear}`,
    };
  }
  return null;
}
