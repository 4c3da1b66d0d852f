import { In, type EntityManager } from 'typeorm';
import { throughParent, type RecordScope } from '../../platform/access/record-scope.js';
import { Activity } from '../activities/activity.entity.js';
import { Opinion } from './opinion.entity.js';
import { OpinionUpdate } from './opinion-update.entity.js';
import { SupervisionActivity } from './supervision-activity.entity.js';

/** A supervision activity is its core activity's committee's. */
export const SUPERVISION_ACTIVITY_SCOPE = throughParent<SupervisionActivity, Activity>(
  'activity',
  'activityId',
  Activity,
);

/** The committee of the activity a supervision activity extends (a write's placement). */
async function committeeOfSupervision(
  manager: EntityManager,
  supervisionActivityId: number,
): Promise<number | null> {
  const found = await manager.findOne(SupervisionActivity, {
    where: { id: supervisionActivityId },
    relations: { activity: true },
  });
  return found?.activity?.committeeId ?? null;
}

/**
 * An opinion is its supervision activity's activity's committee's — read through the activity,
 * never through the opinion's copied `committeeId`, so an activity moved to another committee
 * takes its opinions (and their timeline and files) with it; placed by the supervision activity
 * it names (another committee's is refused on `supervisionActivityId`).
 */
export const OPINION_SCOPE: RecordScope<Opinion> = {
  where: (ids) => ({ supervisionActivity: { activity: { committeeId: In([...ids]) } } }),
  owner: (manager, record) => committeeOfSupervision(manager, record.supervisionActivityId),
  field: 'supervisionActivityId',
};

/** A timeline entry is seen through its opinion, that is through the same activity. */
export const OPINION_UPDATE_SCOPE: RecordScope<OpinionUpdate> = {
  where: (ids) => ({
    opinion: { supervisionActivity: { activity: { committeeId: In([...ids]) } } },
  }),
  owner: async (manager, record) => {
    const opinion = await manager.findOne(Opinion, {
      select: { id: true, supervisionActivityId: true },
      where: { id: record.opinionId },
    });
    return opinion ? committeeOfSupervision(manager, opinion.supervisionActivityId) : null;
  },
  field: 'opinionId',
};
