import { jest } from '@jest/globals';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { StudyPlanItem } from '../../src/modules/training/study-plan-item.entity.js';
import { StudyPlan } from '../../src/modules/training/study-plan.entity.js';
import { StudySession } from '../../src/modules/training/study-session.entity.js';
import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createDistrict, createSubdistrict } from '../factories/committee.factory.js';
import { createDeputies } from '../factories/deputy.factory.js';
import {
  createStudyPlan,
  createStudyPlanItem,
  createStudySession,
  createTrainingActivity,
  studySessionInput,
} from '../factories/training.factory.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';
import { issueKey } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

interface Figure {
  name: string;
  value: number;
  unit: string;
  records: { type: string; ids: number[] };
  breakdown?: Figure[];
}
interface Section {
  area: string;
  figures: Figure[];
  lists: Record<string, { items: Record<string, unknown>[] }>;
}

/** 学习培训 over the REST API (modules/training): sessions, plans, participation, the overview. */
describe(`training API on ${testDialect()}`, () => {
  let api: RestApi;
  let reports: string;
  let stationKey: string;

  const counts = async () => ({
    sessions: await api.sut.dataSource.getRepository(StudySession).count(),
    plans: await api.sut.dataSource.getRepository(StudyPlan).count(),
    items: await api.sut.dataSource.getRepository(StudyPlanItem).count(),
  });
  const fields = (response: { body: unknown }) =>
    [...new Set((body(response as never).details ?? []).map((detail) => detail.field))].sort();

  beforeAll(async () => {
    api = await startRestApi();
    reports = await issueKey(api.sut.app, ['reports:read'], {
      role: 'committeeAdmin',
      committeeId: api.districtId,
    });
    stationKey = await issueKey(api.sut.app, ['records:read', 'records:write'], {
      role: 'stationStaff',
      committeeId: api.districtId,
    });
  });

  afterAll(async () => {
    await api.close();
  });

  describe('access', () => {
    it('should answer 401 without a key and 403 to a role without the permission', async () => {
      await api.get('/study-sessions', 'rw_nokey').expect(401);
      const refused = await api.get('/study-plans', stationKey).expect(403);
      expect(body(refused).code).toBe('FORBIDDEN');
      await api
        .get('/study-sessions/deputies?committeeId=1&from=2020-01-01&to=2020-12-31', stationKey)
        .expect(403);
      // The district viewer reads, and may not write.
      await api.get('/study-sessions').expect(200);
      const committeeId = await api.ownCommittee();
      await api
        .post('/study-plans', { committeeId, year: 2020, title: '计划' }, api.reader)
        .expect(403);
    });

    it("should answer another district's records as missing", async () => {
      const district = await createDistrict(api.sut.app);
      const foreign = await createSubdistrict(api.sut.app, { parentId: district.id });
      const { session, activity } = await createStudySession(api.sut.app, {
        activity: { committeeId: foreign.id },
      });
      const plan = await createStudyPlan(api.sut.app, { committeeId: foreign.id });
      const item = await createStudyPlanItem(api.sut.app, { planId: plan.id });
      await api.get(`/study-sessions/${session.id}`).expect(404);
      await api.get(`/study-plans/${plan.id}`).expect(404);
      await api.get(`/study-plans/${plan.id}/fulfilment`).expect(404);
      await api.get(`/study-plan-items/${item.id}`).expect(404);
      await api.patch(`/study-sessions/${session.id}`, { topic: '改' }).expect(404);
      await api.delete(`/study-plan-items/${item.id}`).expect(404);
      const listed = await api.get(`/study-sessions?activityId=${activity.id}`).expect(200);
      expect(body(listed).total).toBe(0);
      const deputies = await api
        .get(`/study-sessions/deputies?committeeId=${foreign.id}&from=2020-01-01&to=2020-12-31`)
        .expect(404);
      expect(fields(deputies)).toEqual(['committeeId']);
      // Nor can a session be recorded on that district's training activity.
      const other = await createTrainingActivity(api.sut.app, { committeeId: foreign.id });
      const before = await counts();
      const refused = await api
        .post('/study-sessions', studySessionInput({ activityId: other.id }))
        .expect(422);
      expect(fields(refused)).toEqual(['activityId']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('study sessions', () => {
    it('should record a study session on a training activity, read, change, list and delete it, audited', async () => {
      const committeeId = await api.ownCommittee();
      const activity = await createTrainingActivity(api.sut.app, {
        committeeId,
        form: 'special_lecture',
      });
      const created = await api
        .post('/study-sessions', {
          activityId: activity.id,
          topic: '建国70年，中国人民从站起来、富起来到强起来',
          speakerName: '李教授',
          speakerTitle: '区委党校',
          hours: 2.5,
        })
        .expect(201);
      const id = body(created).id as number;
      expect(body(created)).toMatchObject({ activityId: activity.id, hours: '2.50' });
      const read = await api.get(`/study-sessions/${id}`).expect(200);
      expect(body(read)).toMatchObject({
        topic: '建国70年，中国人民从站起来、富起来到强起来',
        speakerName: '李教授',
        speakerTitle: '区委党校',
        hours: '2.50',
        note: null,
      });
      await api.patch(`/study-sessions/${id}`, { hours: 3, note: '材料已归档' }).expect(200);
      const changed = await api.get(`/study-sessions/${id}`).expect(200);
      expect(body(changed)).toMatchObject({ hours: '3.00', note: '材料已归档' });
      // The activity is fixed once recorded.
      const moved = await api.patch(`/study-sessions/${id}`, { activityId: 1 }).expect(400);
      expect(fields(moved)).toEqual(['activityId']);

      const byCommittee = await api.get(`/study-sessions?committeeId=${committeeId}`).expect(200);
      expect(body(byCommittee).items!.map((item) => item.id)).toEqual([id]);
      const inYear = await api
        .get(`/study-sessions?committeeId=${committeeId}&year=2020`)
        .expect(200);
      expect(body(inYear).total).toBe(1);
      const otherYear = await api
        .get(`/study-sessions?committeeId=${committeeId}&year=2019`)
        .expect(200);
      expect(body(otherYear).total).toBe(0);
      const byActivity = await api.get(`/study-sessions?activityId=${activity.id}`).expect(200);
      expect(body(byActivity).items!.map((item) => item.id)).toEqual([id]);

      // The activity cannot go while its study session is recorded.
      await api.delete(`/activities/${activity.id}`).expect(409);
      await api.delete(`/study-sessions/${id}`).expect(204);
      await api.get(`/study-sessions/${id}`).expect(404);
      await api.delete(`/activities/${activity.id}`).expect(204);

      const trail = await api.sut.dataSource.getRepository(AuditLog).find({
        where: { objectType: 'studySession', objectId: String(id) },
        order: { id: 'ASC' },
      });
      expect(trail.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
      expect(JSON.parse(trail[1].detail!)).toEqual({
        hours: ['2.50', '3.00'],
        note: [null, '材料已归档'],
      });
    });

    it('should refuse bad hours and missing fields with 400 naming each, writing nothing', async () => {
      const committeeId = await api.ownCommittee();
      const activity = await createTrainingActivity(api.sut.app, { committeeId });
      const before = await counts();
      for (const [payload, expected] of [
        [{ activityId: activity.id, topic: '学习', hours: -1 }, ['hours']],
        [{ activityId: activity.id, topic: '学习', hours: 0 }, ['hours']],
        [{ activityId: activity.id, topic: '学习', hours: 24.5 }, ['hours']],
        [{ activityId: activity.id, topic: '学习', hours: 1.255 }, ['hours']],
        [{ activityId: activity.id, topic: '学习', hours: '2' }, ['hours']],
        [{ activityId: 'x', topic: '', hours: 2 }, ['activityId', 'topic']],
        [{ topic: '学习' }, ['activityId', 'hours']],
      ] as [object, string[]][]) {
        const response = await api.post('/study-sessions', payload).expect(400);
        expect({ payload, fields: fields(response) }).toEqual({ payload, fields: expected });
      }
      expect(await counts()).toEqual(before);
    });

    it('should refuse an activity that is not a training one or does not exist (422), and a second session (409)', async () => {
      const committeeId = await api.ownCommittee();
      const meeting = await createActivity(api.sut.app, {
        committeeId,
        kindId: await activityKindId(api.sut.app, 'work_meeting'),
      });
      const before = await counts();
      const notTraining = await api
        .post('/study-sessions', studySessionInput({ activityId: meeting.id }))
        .expect(422);
      expect(body(notTraining).code).toBe('RULE_VIOLATION');
      expect(fields(notTraining)).toEqual(['activityId']);
      expect(body(notTraining).message).toContain('学习培训类活动');
      const missing = await api
        .post('/study-sessions', studySessionInput({ activityId: 99999999 }))
        .expect(422);
      expect(fields(missing)).toEqual(['activityId']);
      expect(await counts()).toEqual(before);

      const { session, activity } = await createStudySession(api.sut.app, {
        activity: { committeeId },
      });
      const twice = await api
        .post('/study-sessions', studySessionInput({ activityId: activity.id }))
        .expect(409);
      expect(body(twice).existingId).toBe(session.id);
    });

    it('should offer the study forms as training activity kinds, 专题讲座 and 线上学习 among them', async () => {
      const kinds = await api.get('/activity-kinds').expect(200);
      const training = (body(kinds).items as { code: string; label: string; category: string }[])
        .filter((kind) => kind.category === 'training')
        .map((kind) => kind.label);
      expect(training).toEqual(['集中学习', '观看专题片', '辅导报告', '专题讲座', '线上学习']);
    });
  });

  describe('study plans', () => {
    it('should keep one plan per committee and year (409 with the existing id)', async () => {
      const committeeId = await api.ownCommittee();
      const first = await api
        .post('/study-plans', { committeeId, year: 2020, title: '2020年代表学习计划' })
        .expect(201);
      const before = await counts();
      const second = await api
        .post('/study-plans', { committeeId, year: 2020, title: '又一份' })
        .expect(409);
      expect(body(second).existingId).toBe(body(first).id);
      expect(await counts()).toEqual(before);
      await api.post('/study-plans', { committeeId, year: 2021, title: '2021年' }).expect(201);
      const listed = await api.get(`/study-plans?committeeId=${committeeId}`).expect(200);
      expect(body(listed).items!.map((plan) => plan.year)).toEqual([2021, 2020]);
      const bad = await api
        .post('/study-plans', { committeeId, year: 1999, title: '' })
        .expect(400);
      expect(fields(bad)).toEqual(['title', 'year']);
      const missing = await api
        .post('/study-plans', { committeeId: 99999999, year: 2020, title: '计划' })
        .expect(422);
      expect(fields(missing)).toEqual(['committeeId']);
    });

    it('should link items only to sessions of the plan’s committee and year, and count fulfilment', async () => {
      const committeeId = await api.ownCommittee();
      const neighbour = await api.ownCommittee();
      const plan = await createStudyPlan(api.sut.app, { committeeId, year: 2020 });
      const held = await createStudySession(api.sut.app, { activity: { committeeId } });
      const planned = await createStudySession(api.sut.app, {
        activity: { committeeId, status: 'planned', startsAt: '2020-09-10T09:00:00+08:00' },
      });
      // 2019-12-31 23:30 in China is still 2019: another year.
      const lastYear = await createStudySession(api.sut.app, {
        activity: { committeeId, startsAt: '2019-12-31T23:30:00+08:00' },
      });
      const elsewhere = await createStudySession(api.sut.app, {
        activity: { committeeId: neighbour },
      });

      const before = await counts();
      for (const [studySessionId, month, expected] of [
        [lastYear.session.id, 3, 422],
        [elsewhere.session.id, 3, 422],
        [99999999, 3, 422],
      ] as const) {
        const refused = await api
          .post('/study-plan-items', { planId: plan.id, month, topic: '学习', studySessionId })
          .expect(expected);
        expect(fields(refused)).toEqual(['studySessionId']);
      }
      const month = await api
        .post('/study-plan-items', { planId: plan.id, month: 13, topic: '学习' })
        .expect(400);
      expect(fields(month)).toEqual(['month']);
      const noPlan = await api
        .post('/study-plan-items', { planId: 99999999, month: 1, topic: '学习' })
        .expect(422);
      expect(fields(noPlan)).toEqual(['planId']);
      expect(await counts()).toEqual(before);

      const fulfilled = await api
        .post('/study-plan-items', {
          planId: plan.id,
          month: 3,
          topic: '学习《宪法》',
          studySessionId: held.session.id,
        })
        .expect(201);
      const waiting = await api
        .post('/study-plan-items', {
          planId: plan.id,
          month: 9,
          topic: '学习《监督法》',
          studySessionId: planned.session.id,
        })
        .expect(201);
      const open = await api
        .post('/study-plan-items', { planId: plan.id, month: 6, topic: '学习《代表法》' })
        .expect(201);

      const report = await api.get(`/study-plans/${plan.id}/fulfilment`).expect(200);
      expect(body(report)).toMatchObject({
        planId: plan.id,
        year: 2020,
        planned: 3,
        fulfilled: 1,
        open: 2,
        fulfilmentRate: 0.3333,
        fulfilledItemIds: [body(fulfilled).id],
        openItemIds: [body(waiting).id, body(open).id].sort((a, b) => Number(a) - Number(b)),
      });
      expect((body(report).items as { month: number }[]).map((item) => item.month)).toEqual([
        3, 6, 9,
      ]);
      const items = await api.get(`/study-plan-items?planId=${plan.id}`).expect(200);
      expect(body(items).items!.map((item) => item.month)).toEqual([3, 6, 9]);

      // Held now: the second item is fulfilled too.
      await api.patch(`/activities/${planned.activity.id}`, { status: 'held' }).expect(200);
      const after = await api.get(`/study-plans/${plan.id}/fulfilment`).expect(200);
      expect(body(after)).toMatchObject({ planned: 3, fulfilled: 2, open: 1 });

      // Linked: the plan's year and committee stay; the linked session cannot be deleted.
      const moved = await api.patch(`/study-plans/${plan.id}`, { year: 2021 }).expect(422);
      expect(fields(moved)).toEqual(['year']);
      await api.delete(`/study-sessions/${held.session.id}`).expect(409);
      // Unlinking is an ordinary change.
      await api
        .patch(`/study-plan-items/${Number(body(fulfilled).id)}`, { studySessionId: null })
        .expect(200);
      await api.delete(`/study-sessions/${held.session.id}`).expect(204);
      // The plan goes with its items.
      await api.delete(`/study-plans/${plan.id}`).expect(204);
      await api.get(`/study-plan-items/${Number(body(open).id)}`).expect(404);
    });
  });

  describe('deputies’ study participation', () => {
    it('should count hours, sessions attended and the rate per deputy of a committee page', async () => {
      const committeeId = await api.ownCommittee();
      const [a, b, c] = await createDeputies(api.sut.app, 3, { committeeId });
      const first = await createStudySession(api.sut.app, {
        activity: {
          committeeId,
          attendance: [
            { deputyId: a.id, status: 'attended' },
            { deputyId: b.id, status: 'leave', note: '出差' },
          ],
        },
        session: { hours: 2.5 },
      });
      const second = await createStudySession(api.sut.app, {
        activity: {
          committeeId,
          form: 'documentary',
          startsAt: '2020-06-10T09:00:00+08:00',
          attendance: [
            { deputyId: a.id, status: 'attended' },
            { deputyId: b.id, status: 'attended' },
          ],
        },
        session: { hours: 1.25, speakerName: null },
      });
      // Not counted: a planned session, and one outside the period.
      await createStudySession(api.sut.app, {
        activity: {
          committeeId,
          status: 'planned',
          startsAt: '2020-07-10T09:00:00+08:00',
          attendance: [{ deputyId: a.id, status: 'attended' }],
        },
      });
      await createStudySession(api.sut.app, {
        activity: {
          committeeId,
          startsAt: '2021-01-05T09:00:00+08:00',
          attendance: [{ deputyId: c.id, status: 'attended' }],
        },
      });
      const answer = await api
        .get(
          `/study-sessions/deputies?committeeId=${committeeId}&from=2020-01-01&to=2020-12-31&sort=id`,
        )
        .expect(200);
      expect(body(answer).total).toBe(3);
      expect(body(answer).items).toEqual([
        {
          deputyId: a.id,
          deputyName: a.name,
          from: '2020-01-01',
          to: '2020-12-31',
          sessionsHeld: 2,
          recorded: 2,
          attended: 2,
          leave: 0,
          absent: 0,
          attendanceRate: 1,
          hours: 3.75,
          studySessionIds: [first.session.id, second.session.id],
        },
        expect.objectContaining({
          deputyId: b.id,
          recorded: 2,
          attended: 1,
          leave: 1,
          attendanceRate: 0.5,
          hours: 1.25,
          studySessionIds: [second.session.id],
        }),
        expect.objectContaining({
          deputyId: c.id,
          recorded: 0,
          attended: 0,
          attendanceRate: null,
          hours: 0,
        }),
      ]);
      const reversed = await api
        .get(`/study-sessions/deputies?committeeId=${committeeId}&from=2020-12-31&to=2020-01-01`)
        .expect(422);
      expect(fields(reversed)).toEqual(['to']);
      const bad = await api
        .get('/study-sessions/deputies?committeeId=x&from=2020-13-01')
        .expect(400);
      expect(fields(bad)).toEqual(['committeeId', 'from', 'to']);
    });
    it('should read a page of many deputies in as many statements as a page of one', async () => {
      const statements = async (committeeId: number): Promise<number> => {
        const runner = api.sut.dataSource.createQueryRunner();
        const prototype = Object.getPrototypeOf(runner) as { query(...args: unknown[]): unknown };
        await runner.release();
        const spy = jest.spyOn(prototype, 'query');
        try {
          await api
            .get(
              `/study-sessions/deputies?committeeId=${committeeId}&from=2020-01-01&to=2020-12-31`,
            )
            .expect(200);
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      const counted: number[] = [];
      for (const size of [1, 12]) {
        const committeeId = await api.ownCommittee();
        const deputies = await createDeputies(api.sut.app, size, { committeeId });
        await createStudySession(api.sut.app, {
          activity: {
            committeeId,
            attendance: deputies.map((deputy) => ({ deputyId: deputy.id, status: 'attended' })),
          },
        });
        counted.push(await statements(committeeId));
      }
      expect(counted[0]).toBeGreaterThan(0);
      expect(counted[1]).toBe(counted[0]);
    });
  });

  describe('reports/overview', () => {
    it('should report the year’s sessions, hours by form, plan fulfilment and deputies, with the ids', async () => {
      const committeeId = await api.ownCommittee();
      const [a, b] = await createDeputies(api.sut.app, 2, { committeeId });
      const group = await createStudySession(api.sut.app, {
        activity: {
          committeeId,
          attendance: [
            { deputyId: a.id, status: 'attended' },
            { deputyId: b.id, status: 'absent' },
          ],
        },
        session: { hours: 2 },
      });
      const film = await createStudySession(api.sut.app, {
        activity: {
          committeeId,
          form: 'documentary',
          startsAt: '2020-05-10T09:00:00+08:00',
          attendance: [
            { deputyId: a.id, status: 'attended' },
            { deputyId: b.id, status: 'attended' },
          ],
        },
        session: { hours: 1.5 },
      });
      const online = await createStudySession(api.sut.app, {
        activity: { committeeId, form: 'online_study', startsAt: '2020-12-31T23:00:00+08:00' },
        session: { hours: 0.5 },
      });
      // Not in 2020's figures: cancelled, or in 2021 (China time).
      await createStudySession(api.sut.app, {
        activity: { committeeId, status: 'cancelled' },
      });
      await createStudySession(api.sut.app, {
        activity: { committeeId, startsAt: '2021-01-01T00:30:00+08:00' },
      });
      // Held, of a training kind, but its study content not yet recorded.
      const bare = await createTrainingActivity(api.sut.app, { committeeId, form: 'lecture' });
      const plan = await createStudyPlan(api.sut.app, { committeeId, year: 2020 });
      const done = await createStudyPlanItem(api.sut.app, {
        planId: plan.id,
        studySessionId: group.session.id,
      });
      const todo = await createStudyPlanItem(api.sut.app, { planId: plan.id, month: 11 });

      const answer = await api
        .get(`/reports/overview?committeeId=${committeeId}&year=2020`, reports)
        .expect(200);
      const section = (body(answer).sections as Section[]).find((s) => s.area === 'training')!;
      const figure = (name: string) => section.figures.find((f) => f.name === name)!;
      const sessionIds = [group.session.id, film.session.id, online.session.id].sort(
        (x, y) => x - y,
      );
      expect(figure('studySessions')).toMatchObject({
        value: 3,
        unit: '次',
        records: { type: 'studySession', ids: sessionIds },
      });
      expect(
        figure('studySessions').breakdown!.map((f) => [f.name, f.value, f.records.ids]),
      ).toEqual([
        ['studySessions.group_study', 1, [group.session.id]],
        ['studySessions.documentary', 1, [film.session.id]],
        ['studySessions.online_study', 1, [online.session.id]],
      ]);
      expect(figure('studyHours')).toMatchObject({
        value: 4,
        unit: '小时',
        records: { ids: sessionIds },
      });
      expect(figure('trainingWithoutSession')).toMatchObject({
        value: 1,
        records: { type: 'activity', ids: [bare.id] },
      });
      // Together they are the activities section's held training activities.
      const activities = (body(answer).sections as Section[]).find((s) => s.area === 'activities')!;
      const training = activities.figures
        .find((f) => f.name === 'heldActivities')!
        .breakdown!.find((f) => f.name === 'heldActivities.training')!;
      expect(training.records.ids).toEqual(
        [bare.id, group.activity.id, film.activity.id, online.activity.id].sort((x, y) => x - y),
      );
      expect(figure('plannedTopics')).toMatchObject({
        value: 2,
        records: { type: 'studyPlanItem', ids: [done.id, todo.id] },
      });
      expect(figure('fulfilledTopics')).toMatchObject({ value: 1, records: { ids: [done.id] } });
      expect(figure('studyingDeputies')).toMatchObject({
        value: 2,
        records: { ids: [a.id, b.id] },
      });
      expect(figure('studyAttendances')).toMatchObject({ value: 3, unit: '人次' });
      expect(section.lists.deputies.items).toEqual([
        expect.objectContaining({
          id: a.id,
          name: a.name,
          hours: 3.5,
          sessionsAttended: 2,
          attendanceRate: 1,
          studySessionIds: [group.session.id, film.session.id].sort((x, y) => x - y),
        }),
        expect.objectContaining({
          id: b.id,
          hours: 1.5,
          sessionsAttended: 1,
          absent: 1,
          attendanceRate: 0.5,
          studySessionIds: [film.session.id],
        }),
      ]);
    });
  });
});
