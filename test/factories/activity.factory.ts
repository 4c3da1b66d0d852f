import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import {
  ActivitiesService,
  type ActivityWithAttendance,
} from '../../src/modules/activities/activities.service.js';
import type { CreateActivityDto } from '../../src/modules/activities/dto/activity.dto.js';
import { DictionaryItemsService } from '../../src/modules/dictionaries/dictionary-items.service.js';
import { uniqueName } from './unique.js';

/** The id of an enabled activity kind by its code (`work_meeting` is seeded by the migrations). */
export async function activityKindId(
  app: INestApplication,
  code = 'work_meeting',
): Promise<number> {
  const kinds = await app.get(DictionaryItemsService).activityKinds();
  const kind = kinds.find((item) => item.code === code);
  if (!kind) throw new Error(`no enabled activity kind ${code}`);
  return kind.id;
}

export type ActivityOverrides = Partial<CreateActivityDto> & {
  committeeId: number;
  kindId: number;
};

/**
 * An activity's fields as `POST /api/v1/activities` takes them: a unique title, held on
 * 2020-03-10 09:00 China time unless overridden (a past quarter, so no job of "now" counts it).
 */
export function activityInput(overrides: ActivityOverrides): CreateActivityDto {
  return {
    title: uniqueName('测试活动'),
    startsAt: '2020-03-10T09:00:00+08:00',
    status: 'held',
    ...overrides,
  };
}

/**
 * An activity written through ActivitiesService as the system, of the `work_meeting` kind unless
 * overridden; its `attendance` rows are written in the activity's transaction, as the API does.
 */
export function createActivity(
  app: INestApplication,
  overrides: Omit<ActivityOverrides, 'kindId'> & { kindId?: number },
): Promise<ActivityWithAttendance> {
  return runAsSystem('test', async () =>
    app.get(ActivitiesService).create(
      activityInput({
        ...overrides,
        kindId: overrides.kindId ?? (await activityKindId(app)),
      }),
    ),
  );
}
