import type { ActionResponse } from 'adminjs';
import { formatInstant } from '../common/period.js';

/** One entry of a record's timeline as its area's service lists it. */
export interface TimelineEntry {
  at: Date;
  actorName: string;
  action: string;
  note?: string | null;
}

/**
 * A timeline as the record's page shows it (办理过程, 办理进展, 办理记录), oldest first, one line
 * an entry: `2026-05-06 09:30 张三 交办（detail）：note`, local time; `empty` when there is none.
 */
export function timelineText<E extends TimelineEntry>(
  entries: readonly E[],
  options: {
    timeZone: string;
    /** The actions' labels (the code when missing). */
    labels: Record<string, string>;
    /** What follows the action, e.g. `（2026-05-06）`; nothing by default. */
    detail?: (entry: E) => string;
    empty: string;
  },
): string {
  return (
    entries
      .map(
        (entry) =>
          `${formatInstant(entry.at, options.timeZone).slice(0, 16).replace('T', ' ')} ` +
          `${entry.actorName} ${options.labels[entry.action] ?? entry.action}` +
          (options.detail?.(entry) ?? '') +
          (entry.note ? `：${entry.note}` : ''),
      )
      .join('\n') || options.empty
  );
}

/**
 * The show action's `after` part that puts the record's timeline on its page: `params.timeline`
 * (a read-only property of the resource) set to `text(id)`.
 */
export async function withTimeline(
  response: ActionResponse,
  text: (id: number) => Promise<string>,
): Promise<ActionResponse> {
  const params = (response.record as { params?: Record<string, unknown> } | undefined)?.params;
  if (params) params.timeline = await text(Number(params.id));
  return response;
}

/** The `timeline` property of a resource whose page shows it: read only, on the show page. */
export const TIMELINE_PROPERTY = {
  type: 'textarea',
  isVisible: { list: false, filter: false, show: true, edit: false },
} as const;
