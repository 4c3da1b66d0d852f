import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { DictionaryItem } from '../../src/modules/dictionaries/dictionary-item.entity.js';
import type { CreateOpinionDto } from '../../src/modules/supervision/dto/opinion.dto.js';
import type { CreateSupervisionActivityDto } from '../../src/modules/supervision/dto/supervision-activity.dto.js';
import type { Opinion } from '../../src/modules/supervision/opinion.entity.js';
import { OpinionsService } from '../../src/modules/supervision/opinions.service.js';
import { SupervisionActivitiesService } from '../../src/modules/supervision/supervision-activities.service.js';
import type { SupervisionActivity } from '../../src/modules/supervision/supervision-activity.entity.js';
import type { Activity } from '../../src/modules/activities/activity.entity.js';
import type { CreateActivityDto } from '../../src/modules/activities/dto/activity.dto.js';
import { activityKindId, createActivity } from './activity.factory.js';
import { uniqueName } from './unique.js';

/** The id of a dictionary item by dictionary and item code (`supervision_area`/`economy` …). */
export async function dictionaryItemId(
  app: INestApplication,
  dictionary: string,
  code: string,
): Promise<number> {
  const item = await app
    .get(DataSource)
    .getRepository(DictionaryItem)
    .createQueryBuilder('item')
    .innerJoin('item.dictionary', 'dictionary')
    .where('dictionary.code = :dictionary AND item.code = :code', { dictionary, code })
    .getOne();
  if (!item) throw new Error(`no item ${dictionary}/${code}`);
  return item.id;
}

/** A 监督领域 item's id (`economy`, `environment`, … seeded by the migrations). */
export const supervisionAreaId = (app: INestApplication, code = 'economy'): Promise<number> =>
  dictionaryItemId(app, 'supervision_area', code);

/** A supervision activity's fields as `POST /api/v1/supervision-activities` takes them. */
export function supervisionActivityInput(
  overrides: Partial<CreateSupervisionActivityDto> & { activityId: number; areaId: number },
): CreateSupervisionActivityDto {
  return { subject: uniqueName('监督主题'), findings: '发现问题若干', ...overrides };
}

export type SupervisionOverrides = Omit<Partial<CreateActivityDto>, 'kindId'> & {
  committeeId: number;
  /** The activity kind (the method) by code; `inspection` (视察) unless given. */
  method?: string;
  /** The 监督领域 by code; `economy` unless given. */
  area?: string;
  subject?: string;
};

/**
 * A held supervision activity: its core activity (of the method's kind, on 2019-04-10 09:00
 * China time unless overridden) and its supervision record, both through their services as the
 * system.
 */
export async function createSupervisionActivity(
  app: INestApplication,
  overrides: SupervisionOverrides,
): Promise<SupervisionActivity & { activity: Activity }> {
  const { method = 'inspection', area = 'economy', subject, ...fields } = overrides;
  const activity = await createActivity(app, {
    startsAt: '2019-04-10T09:00:00+08:00',
    ...fields,
    kindId: await activityKindId(app, method),
  });
  const areaId = await supervisionAreaId(app, area);
  const supervision = await runAsSystem('test', () =>
    app
      .get(SupervisionActivitiesService)
      .create(
        supervisionActivityInput({ activityId: activity.id, areaId, ...(subject && { subject }) }),
      ),
  );
  return Object.assign(supervision, { activity });
}

/** An open opinion of a supervision activity, through OpinionsService as the system. */
export function createOpinion(
  app: INestApplication,
  overrides: Partial<CreateOpinionDto> & { supervisionActivityId: number },
): Promise<Opinion> {
  return runAsSystem('test', () =>
    app.get(OpinionsService).create({ content: uniqueName('意见建议'), ...overrides }),
  );
}

/** Moves an opinion through its steps as the system (each with the fields it needs). */
export async function walkOpinion(
  app: INestApplication,
  id: number,
  steps: [action: string, fields?: object][],
): Promise<Opinion> {
  let opinion: Opinion | undefined;
  for (const [action, fields] of steps) {
    opinion = await runAsSystem('test', () =>
      app.get(OpinionsService).transition(id, action, fields ?? {}),
    );
  }
  if (!opinion) throw new Error('no steps');
  return opinion;
}
