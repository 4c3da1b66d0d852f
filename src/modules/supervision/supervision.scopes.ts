import { In } from 'typeorm';
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

/**
 * An opinion is read by its own `committeeId` (its activity's, copied on every write) and placed
 * by the supervision activity it names: a write naming another committee's activity is refused
 * on `supervisionActivityId`.
 */
export const OPINION_SCOPE: RecordScope<Opinion> = {
  where: (ids) => ({ committeeId: In([...ids]) }),
  owner: async (manager, record) => {
    const found = await manager.findOne(SupervisionActivity, {
      where: { id: record.supervisionActivityId },
      relations: { activity: true },
    });
    return found?.activity?.committeeId ?? null;
  },
  field: 'supervisionActivityId',
};

/** A timeline entry is seen through its opinion. */
export const OPINION_UPDATE_SCOPE = throughParent<OpinionUpdate, Opinion>(
  'opinion',
  'opinionId',
  Opinion,
);
