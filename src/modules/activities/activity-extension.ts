import type { EntityManager } from 'typeorm';
import { referenceNotFound, ruleViolation, type RecordName } from '../../common/errors.js';
import { DICTIONARIES_LABELS } from '../dictionaries/dictionaries.labels.js';
import type { ActivityCategory } from '../dictionaries/dictionary-item.entity.js';
import { ACTIVITIES_LABELS } from './activities.labels.js';
import { Activity } from './activity.entity.js';

/**
 * The core activity an area's record extends (a study session, a supervision activity, a
 * congress session), read in the caller's transaction with its kind: it must exist (422
 * naming `activityId`) and be of the area's category (422 naming `activityId`, with the kind
 * the activity has) — the kind is the study form / supervision method, so everything the
 * record adds counts with its activity. With `committeeId`, an activity of another committee
 * answers as one that does not exist.
 */
export async function requireActivityOfCategory(
  manager: EntityManager,
  activityId: number,
  category: ActivityCategory,
  record: RecordName,
  committeeId?: number,
): Promise<Activity> {
  const activity = await manager.findOne(Activity, {
    where: { id: activityId },
    relations: { kind: true },
  });
  // Another committee's activity answers as one that does not exist, before its kind is named.
  if (!activity || (committeeId !== undefined && activity.committeeId !== committeeId)) {
    throw referenceNotFound('activityId', ACTIVITIES_LABELS.records.activity, activityId);
  }
  if (activity.kind?.category !== category) {
    const wanted = DICTIONARIES_LABELS.values.category[category];
    throw ruleViolation(
      {
        zh: `${record.zh}只能记录在${wanted}类活动上（该活动的类型为「${activity.kind?.label ?? '—'}」）`,
        en: `A ${record.en.toLowerCase()} needs an activity of a ${category} kind (this one is ${activity.kind?.code ?? 'unknown'})`,
      },
      'activityId',
    );
  }
  return activity;
}
