import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { Activity } from '../../src/modules/activities/activity.entity.js';
import type { CreateActivityDto } from '../../src/modules/activities/dto/activity.dto.js';
import type { CreateOutreachActivityDto } from '../../src/modules/outreach/dto/outreach-activity.dto.js';
import type { CreateVoterIssueDto } from '../../src/modules/outreach/dto/voter-issue.dto.js';
import { OutreachActivitiesService } from '../../src/modules/outreach/outreach-activities.service.js';
import type { OutreachActivity } from '../../src/modules/outreach/outreach-activity.entity.js';
import type { VoterIssue } from '../../src/modules/outreach/voter-issue.entity.js';
import { VoterIssuesService } from '../../src/modules/outreach/voter-issues.service.js';
import type { HandlingUnit } from '../../src/modules/suggestions/handling-unit.entity.js';
import { HandlingUnitsService } from '../../src/modules/suggestions/handling-units.service.js';
import { activityKindId, createActivity } from './activity.factory.js';
import { dictionaryItemId } from './supervision.factory.js';
import { uniqueName, uniquePhone } from './unique.js';

/** A 问题类别 item's id (`transport`, … seeded by the migrations). */
export const issueCategoryId = (app: INestApplication, code = 'transport'): Promise<number> =>
  dictionaryItemId(app, 'issue_category', code);

export type OutreachOverrides = Omit<Partial<CreateActivityDto>, 'kindId'> & {
  committeeId: number;
  /** `voter_visit` (走访选民) unless given; `voter_forum` for a forum. */
  kind?: string;
} & Partial<Omit<CreateOutreachActivityDto, 'activityId'>>;

/**
 * A held visit or forum: its core activity (on 2019-05-15 09:00 China time unless overridden,
 * with the attendance given) and its outreach record, both through their services as the system.
 */
export async function createOutreachActivity(
  app: INestApplication,
  overrides: OutreachOverrides,
): Promise<OutreachActivity & { activity: Activity }> {
  const {
    kind = 'voter_visit',
    votersReached = 20,
    officialsCount,
    residentsCount,
    otherParticipantsNote,
    notes,
    ...fields
  } = overrides;
  const activity = await createActivity(app, {
    startsAt: '2019-05-15T09:00:00+08:00',
    ...fields,
    kindId: await activityKindId(app, kind),
  });
  const outreach = await runAsSystem('test', () =>
    app.get(OutreachActivitiesService).create({
      activityId: activity.id,
      votersReached,
      officialsCount,
      residentsCount,
      otherParticipantsNote,
      notes,
    }),
  );
  return Object.assign(outreach, { activity });
}

export type VoterIssueOverrides = Partial<CreateVoterIssueDto> & {
  committeeId: number;
  categoryId: number;
};

/** A voter issue's fields as `POST /api/v1/voter-issues` takes them: a phone call by default. */
export function voterIssueInput(overrides: VoterIssueOverrides): CreateVoterIssueDto {
  return {
    source: 'phone',
    voterName: '王小明',
    voterPhone: uniquePhone(),
    voterAddress: '幸福路 12 号 3 单元 501',
    description: uniqueName('选民反映'),
    receivedOn: '2019-05-15',
    ...overrides,
  };
}

/** A registered voter issue, through VoterIssuesService as the system. */
export function createVoterIssue(
  app: INestApplication,
  overrides: VoterIssueOverrides,
): Promise<VoterIssue> {
  return runAsSystem('test', () => app.get(VoterIssuesService).create(voterIssueInput(overrides)));
}

/** Moves a voter issue through its steps as the system (each with the fields it needs). */
export async function walkVoterIssue(
  app: INestApplication,
  id: number,
  steps: [action: string, fields?: object][],
): Promise<VoterIssue> {
  let issue: VoterIssue | undefined;
  for (const [action, fields] of steps) {
    issue = await runAsSystem('test', () =>
      app.get(VoterIssuesService).transition(id, action, fields ?? {}),
    );
  }
  if (!issue) throw new Error('no steps');
  return issue;
}

/**
 * A handling unit (承办单位) to refer issues to, through HandlingUnitsService as the system (the
 * suggestions area's registry), with a contact email for the reminders.
 */
export function createHandlingUnitForReferral(
  app: INestApplication,
  overrides: { enabled?: boolean } = {},
): Promise<HandlingUnit> {
  return runAsSystem('test', () =>
    app.get(HandlingUnitsService).create({
      name: uniqueName('区城管局'),
      contactName: '张科长',
      contactEmail: 'unit@example.org',
      enabled: overrides.enabled ?? true,
    }),
  );
}
