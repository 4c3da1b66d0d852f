import { In } from 'typeorm';
import { throughParent, type RecordScope } from '../../platform/access/record-scope.js';
import { Activity } from '../activities/activity.entity.js';
import type { AgendaItem } from './agenda-item.entity.js';
import { PlenarySession } from './plenary-session.entity.js';

/** A session is seen through its activity's committee (the record it extends). */
export const SESSION_SCOPE = throughParent<PlenarySession, Activity>(
  'activity',
  'activityId',
  Activity,
);

/**
 * An agenda item is seen through its session, that is through the session's activity's
 * committee; a write is placed by the session that `sessionId` names.
 */
export const AGENDA_ITEM_SCOPE: RecordScope<AgendaItem> = {
  where: (ids) => ({ session: { activity: { committeeId: In([...ids]) } } }),
  owner: async (manager, record) => {
    const session = await manager.findOne(PlenarySession, {
      where: { id: record.sessionId },
      relations: { activity: true },
    });
    return session?.activity?.committeeId ?? null;
  },
  field: 'sessionId',
};
