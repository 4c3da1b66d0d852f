import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { Term } from '../../src/modules/terms/term.entity.js';
import { TermsService } from '../../src/modules/terms/terms.service.js';
import type { CreatePlenarySessionDto } from '../../src/modules/plenary/dto/plenary-session.dto.js';
import {
  PlenarySessionsService,
  type SessionDetail,
} from '../../src/modules/plenary/plenary-sessions.service.js';
import type { ActivityWithAttendance } from '../../src/modules/activities/activities.service.js';
import type { AttendanceItemDto } from '../../src/modules/activities/dto/activity.dto.js';
import { activityKindId, createActivity } from './activity.factory.js';
import { nextSequence } from './unique.js';

/** Terms are unique by level and ordinal (1–99) in the database a test file makes. */
let termOrdinal = 0;

/**
 * A district term with the file's next ordinal (terms are shared by every committee): named
 * 区第<n>届人民代表大会 unless overridden.
 */
export function createTerm(
  app: INestApplication,
  overrides: { name?: string; ordinal?: number } = {},
): Promise<Term> {
  const ordinal = overrides.ordinal ?? (termOrdinal += 1);
  return runAsSystem('test', () =>
    app.get(TermsService).create({
      name: overrides.name ?? `区第${ordinal}届人民代表大会`,
      level: 'district',
      ordinal,
      startsOn: '2016-11-01',
    }),
  );
}

/**
 * A held activity of the `plenary_session` kind (人民代表大会会议) on `day` at 09:00 China time,
 * with its attendance rows if given: the activity a session extends.
 */
export async function createPlenaryActivity(
  app: INestApplication,
  overrides: { committeeId: number; day?: string; attendance?: AttendanceItemDto[] },
): Promise<ActivityWithAttendance> {
  return createActivity(app, {
    committeeId: overrides.committeeId,
    kindId: await activityKindId(app, 'plenary_session'),
    title: '出席区人民代表大会会议',
    startsAt: `${overrides.day ?? '2020-01-08'}T09:00:00+08:00`,
    attendance: overrides.attendance,
  });
}

/** A session's fields as `POST /api/v1/plenary-sessions` takes them: 2020-01-08 – 01-10. */
export function plenarySessionInput(
  overrides: Partial<CreatePlenarySessionDto> & { activityId: number; termId: number },
): CreatePlenarySessionDto {
  return {
    sessionNumber: nextSequence(),
    startsOn: '2020-01-08',
    endsOn: '2020-01-10',
    place: '区人民会堂',
    ...overrides,
  };
}

/**
 * A session written through PlenarySessionsService as the system, with a plenary activity of its
 * own (and its attendance) unless `activityId` is given.
 */
export async function createPlenarySession(
  app: INestApplication,
  overrides: Partial<CreatePlenarySessionDto> & {
    committeeId: number;
    termId: number;
    attendance?: AttendanceItemDto[];
  },
): Promise<SessionDetail> {
  const { committeeId, attendance, ...fields } = overrides;
  const activityId =
    fields.activityId ??
    (await createPlenaryActivity(app, { committeeId, day: fields.startsOn, attendance })).id;
  return runAsSystem('test', () =>
    app.get(PlenarySessionsService).create(plenarySessionInput({ ...fields, activityId })),
  );
}
