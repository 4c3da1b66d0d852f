import type { Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResourceId } from '../access/permissions.js';

/**
 * One open item with a due date that someone must be reminded of ([M2] `deadline-reminders`):
 * a suggestion's reply, a voter issue referred to a unit. The job reminds the committee's staff
 * and the item's outside contacts before the date, once per reminder threshold.
 */
export interface Deadline {
  /** The permission resource of the record (`suggestion`, `voterIssue`). */
  type: ResourceId;
  id: number;
  /** The committee the record belongs to: its staff are reminded. */
  committeeId: number;
  /** What the reminder names, e.g. the suggestion's number and title. */
  title: string;
  /** What is due, e.g. 书面答复, 办理反馈. */
  due: string;
  /** Due by the end of this calendar day (`YYYY-MM-DD`, the app's zone). */
  dueOn: string;
  /**
   * What this due date is for, part of the once-per-threshold key: it changes when a new due
   * date replaces the old for a new reason (re-handling after 不满意, a new referral), so the
   * new one is reminded afresh; an extension changes `dueOn`, which is part of the key too.
   */
  round: string;
  /** Outside contacts reminded by email besides the staff (a handling unit's contact). */
  contacts: readonly { name: string; email: string }[];
}

/**
 * An area's open items with due dates. `dueBy(until)`: every item still open (not replied,
 * not resolved) whose due date is on or before `until` — overdue ones included, the job decides
 * which threshold each has reached. A provider its area's module exports, named in the area
 * file's `deadlines` slot; it reads through its own repository, as the system (no scope).
 */
export interface AreaDeadlines {
  dueBy(until: string, manager?: EntityManager): Promise<Deadline[]>;
}

export type AreaDeadlinesType = Type<AreaDeadlines>;
