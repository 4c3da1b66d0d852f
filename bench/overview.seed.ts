import type { INestApplicationContext } from '@nestjs/common';
import { ActivitiesService } from '../src/modules/activities/activities.service.js';
import type { ActivityStatus } from '../src/modules/activities/activity.entity.js';
import { CommitteesService } from '../src/modules/committees/committees.service.js';
import { DeputiesService } from '../src/modules/deputies/deputies.service.js';
import { DictionaryItemsService } from '../src/modules/dictionaries/dictionary-items.service.js';

export interface SeededYear {
  committeeId: number;
  counts: Record<string, number>;
}

const HELD = 500;
const DEPUTIES = 20;

/** A small deterministic generator, so every run builds the same dataset. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * One subdistrict committee's year as staff would record it: 500 held activities of every kind
 * (plus planned and cancelled ones and the neighbouring years, which must not count), each with
 * its deputies' attendance, written through the services as the system.
 */
export async function seedCommitteeYear(
  app: INestApplicationContext,
  year: number,
): Promise<SeededYear> {
  const random = lcg(2019_12_31);
  const committees = app.get(CommitteesService);
  const district = await committees.create({ name: '基准区人大常委会', kind: 'district' });
  const committee = await committees.create({
    name: '基准街道人大工委',
    kind: 'subdistrict',
    parentId: district.id,
  });
  const deputies: { id: number }[] = [];
  for (let n = 0; n < DEPUTIES; n += 1) {
    deputies.push(
      await app.get(DeputiesService).create({
        name: `基准代表${n + 1}`,
        gender: n % 2 === 0 ? 'male' : 'female',
        level: 'district',
        committeeId: committee.id,
      }),
    );
  }
  const kinds = await app.get(DictionaryItemsService).activityKinds();
  const activities = app.get(ActivitiesService);
  let written = 0;
  const write = async (startsAt: string, status: ActivityStatus) => {
    const kind = kinds[Math.floor(random() * kinds.length)];
    await activities.create({
      committeeId: committee.id,
      kindId: kind.id,
      title: `基准活动${(written += 1)}`,
      startsAt,
      status,
      attendance:
        status === 'held'
          ? deputies
              .filter(() => random() < 0.6)
              .map((deputy) => ({
                deputyId: deputy.id,
                status: random() < 0.85 ? ('attended' as const) : ('leave' as const),
              }))
          : undefined,
    });
  };
  for (let n = 0; n < HELD; n += 1) {
    const day = 1 + Math.floor((n * 365) / HELD);
    const date = new Date(Date.UTC(year, 0, day, 1, 30));
    await write(date.toISOString().replace('Z', '+00:00').replace('.000', ''), 'held');
  }
  for (let n = 0; n < 50; n += 1) {
    await write(`${year}-0${1 + (n % 9)}-15T09:00:00+08:00`, n % 2 === 0 ? 'planned' : 'cancelled');
    await write(`${year + (n % 2 === 0 ? 1 : -1)}-06-15T09:00:00+08:00`, 'held');
  }
  return {
    committeeId: committee.id,
    counts: { heldActivities: HELD, deputies: DEPUTIES, otherActivities: 100 },
  };
}
