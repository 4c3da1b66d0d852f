import request from 'supertest';
import type { App } from 'supertest/types.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { AgendaItem } from '../../src/modules/plenary/agenda-item.entity.js';
import { PlenarySession } from '../../src/modules/plenary/plenary-session.entity.js';
import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createOrganisation, createSubdistrict } from '../factories/committee.factory.js';
import { createDeputies } from '../factories/deputy.factory.js';
import {
  createPlenaryActivity,
  createPlenarySession,
  createTerm,
  plenarySessionInput,
} from '../factories/plenary.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

const fields = (response: request.Response): string[] =>
  (body(response).details ?? []).map((detail) => detail.field);

/** 代表大会 (modules/plenary) over the REST API: sessions, their agenda, the overview section. */
describe(`plenary sessions API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi();
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  const sessions = () => api.sut.dataSource.getRepository(PlenarySession);
  const agendaItems = () => api.sut.dataSource.getRepository(AgendaItem);
  const counts = async () => ({
    sessions: await sessions().count(),
    items: await agendaItems().count(),
  });

  describe('access', () => {
    it('should answer 401 without a key and 403 for a role without the permission', async () => {
      await request(api.server).get('/api/v1/plenary-sessions').expect(401);
      const station = await issueKey(api.sut.app, ['records:read', 'records:write'], {
        role: 'stationStaff',
        committeeId: api.subdistrictId,
      });
      const refused = await api.get('/plenary-sessions', station).expect(403);
      expect(body(refused).code).toBe('FORBIDDEN');
      await api.get('/agenda-items', station).expect(403);
      // The district viewer reads, but does not write.
      await api.get('/plenary-sessions').expect(200);
      await api.post('/plenary-sessions', {}, api.reader).expect(403);
    });

    it("should answer 404 for another committee's session and agenda item", async () => {
      const { subdistrictId: foreign } = await createOrganisation(api.sut.app);
      const term = await createTerm(api.sut.app);
      const session = await createPlenarySession(api.sut.app, {
        committeeId: foreign,
        termId: term.id,
        agendaItems: [{ kind: 'budget', title: '外区财政预算报告' }],
      });
      const itemId = session.agendaItems[0].id;
      const missing = await api.get(`/plenary-sessions/${session.id}`).expect(404);
      expect(JSON.stringify(body(missing))).not.toContain('外区');
      await api.patch(`/plenary-sessions/${session.id}`, { place: '改' }).expect(404);
      await api.delete(`/plenary-sessions/${session.id}`).expect(404);
      await api.get(`/agenda-items/${itemId}`).expect(404);
      await api.patch(`/agenda-items/${itemId}`, { title: '改' }).expect(404);
      // Nor may a session be placed on another committee's activity, or an item on its session.
      const activity = await createPlenaryActivity(api.sut.app, { committeeId: foreign });
      const placed = await api
        .post(
          '/plenary-sessions',
          plenarySessionInput({ activityId: activity.id, termId: term.id }),
        )
        .expect(422);
      expect(fields(placed)).toEqual(['activityId']);
      const item = await api
        .post('/agenda-items', { sessionId: session.id, kind: 'other', title: '插入' })
        .expect(422);
      expect(fields(item)).toEqual(['sessionId']);
      const list = await api.get(`/plenary-sessions?committeeId=${foreign}`).expect(200);
      expect(body(list).total).toBe(0);
    });
  });

  describe('sessions', () => {
    it('should record a session with its agenda in one write and answer its name, agenda and attendance', async () => {
      const committeeId = await api.ownCommittee();
      const term = await createTerm(api.sut.app, { name: '区第十五届人民代表大会' });
      const deputies = await createDeputies(api.sut.app, 4, { committeeId });
      const activity = await createPlenaryActivity(api.sut.app, {
        committeeId,
        day: '2020-01-09',
        attendance: [
          { deputyId: deputies[0].id, status: 'attended' },
          { deputyId: deputies[1].id, status: 'attended' },
          { deputyId: deputies[2].id, status: 'leave', note: '因病请假' },
          { deputyId: deputies[3].id, status: 'absent', note: '未说明' },
        ],
      });
      const created = await api
        .post('/plenary-sessions', {
          activityId: activity.id,
          termId: term.id,
          sessionNumber: 3,
          startsOn: '2020-01-08',
          endsOn: '2020-01-10',
          place: '区人民会堂',
          agendaItems: [
            {
              kind: 'governmentReport',
              title: '政府工作报告',
              sortOrder: 1,
              resolutionTitle: '关于政府工作报告的决议',
              adopted: 'yes',
              votesFor: 280,
              votesAgainst: 2,
              votesAbstaining: 3,
            },
            { kind: 'budget', title: '财政预算报告', sortOrder: 2, adopted: 'yes' },
            { kind: 'other', title: '人事事项', sortOrder: 3 },
          ],
        })
        .expect(201);
      const id = body(created).id as number;
      expect(body(created)).toMatchObject({
        name: '区第十五届人民代表大会第三次会议',
        committeeId,
        attendance: { attended: 2, leave: 1, absent: 1 },
      });
      const detail = await api.get(`/plenary-sessions/${id}`).expect(200);
      expect(body(detail)).toMatchObject({
        id,
        activityId: activity.id,
        termId: term.id,
        sessionNumber: 3,
        startsOn: '2020-01-08',
        endsOn: '2020-01-10',
        name: '区第十五届人民代表大会第三次会议',
        attendance: { attended: 2, leave: 1, absent: 1 },
      });
      const agenda = body(detail).agendaItems as Record<string, unknown>[];
      expect(agenda.map((item) => [item.kind, item.adopted, item.votesFor])).toEqual([
        ['governmentReport', 'yes', 280],
        ['budget', 'yes', null],
        ['other', 'notVoted', null],
      ]);
      const items = await api.get(`/agenda-items?sessionId=${id}`).expect(200);
      expect(body(items).total).toBe(3);

      const byTerm = await api
        .get(`/plenary-sessions?committeeId=${committeeId}&termId=${term.id}&year=2020`)
        .expect(200);
      expect(body(byTerm).items!.map((s) => [s.id, s.name])).toEqual([
        [id, '区第十五届人民代表大会第三次会议'],
      ]);
      const otherYear = await api
        .get(`/plenary-sessions?committeeId=${committeeId}&year=2021`)
        .expect(200);
      expect(body(otherYear).total).toBe(0);

      const audit = await api.sut.dataSource.getRepository(AuditLog).findBy({
        objectType: 'plenarySession',
        objectId: String(id),
      });
      expect(audit.map((row) => row.action)).toEqual(['create']);
      const itemAudit = await api.sut.dataSource.getRepository(AuditLog).countBy({
        objectType: 'agendaItem',
        action: 'create' as never,
      });
      expect(itemAudit).toBeGreaterThanOrEqual(3);

      // The activity cannot go while the session extends it; the session takes its agenda along.
      await api.delete(`/activities/${activity.id}`).expect(409);
      await api.delete(`/plenary-sessions/${id}`).expect(204);
      expect(await agendaItems().countBy({ sessionId: id })).toBe(0);
      await api.delete(`/activities/${activity.id}`).expect(204);
    });

    it('should refuse dates out of order and an activity outside the dates, writing nothing', async () => {
      const committeeId = await api.ownCommittee();
      const term = await createTerm(api.sut.app);
      const activity = await createPlenaryActivity(api.sut.app, { committeeId, day: '2020-01-08' });
      const before = await counts();
      const reversed = await api
        .post(
          '/plenary-sessions',
          plenarySessionInput({
            activityId: activity.id,
            termId: term.id,
            startsOn: '2020-01-10',
            endsOn: '2020-01-08',
            agendaItems: [{ kind: 'budget', title: '财政预算报告' }],
          }),
        )
        .expect(422);
      expect(fields(reversed)).toEqual(['endsOn']);
      const outside = await api
        .post(
          '/plenary-sessions',
          plenarySessionInput({
            activityId: activity.id,
            termId: term.id,
            startsOn: '2020-02-01',
            endsOn: '2020-02-03',
          }),
        )
        .expect(422);
      expect(fields(outside)).toEqual(['startsOn']);
      expect(await counts()).toEqual(before);
    });

    it('should refuse an unknown term, an activity of another category and bad fields', async () => {
      const committeeId = await api.ownCommittee();
      const activity = await createPlenaryActivity(api.sut.app, { committeeId });
      const before = await counts();
      const unknown = await api
        .post('/plenary-sessions', plenarySessionInput({ activityId: activity.id, termId: 999999 }))
        .expect(422);
      expect(fields(unknown)).toEqual(['termId']);
      expect(body(unknown).code).toBe('REFERENCE_NOT_FOUND');

      const term = await createTerm(api.sut.app);
      const meeting = await createActivity(api.sut.app, {
        committeeId,
        kindId: await activityKindId(api.sut.app, 'work_meeting'),
      });
      const wrongKind = await api
        .post('/plenary-sessions', plenarySessionInput({ activityId: meeting.id, termId: term.id }))
        .expect(422);
      expect(fields(wrongKind)).toEqual(['activityId']);

      const bad = await api
        .post('/plenary-sessions', {
          activityId: activity.id,
          termId: term.id,
          sessionNumber: 0,
          startsOn: '2020-02-30',
          agendaItems: [{ kind: 'speech', title: '' }],
        })
        .expect(400);
      expect(fields(bad).sort()).toEqual(
        ['agendaItems.0.kind', 'agendaItems.0.title', 'sessionNumber', 'startsOn'].sort(),
      );
      expect(await counts()).toEqual(before);
    });

    it('should answer 409 with the existing id for a session recorded twice', async () => {
      const committeeId = await api.ownCommittee();
      const term = await createTerm(api.sut.app);
      const first = await createPlenarySession(api.sut.app, {
        committeeId,
        termId: term.id,
        sessionNumber: 4,
      });
      const before = await counts();
      const other = await createPlenaryActivity(api.sut.app, { committeeId });
      const twice = await api
        .post(
          '/plenary-sessions',
          plenarySessionInput({ activityId: other.id, termId: term.id, sessionNumber: 4 }),
        )
        .expect(409);
      expect(body(twice)).toMatchObject({ code: 'CONFLICT', existingId: first.id });
      expect(fields(twice)).toEqual(['sessionNumber']);
      const sameActivity = await api
        .post(
          '/plenary-sessions',
          plenarySessionInput({ activityId: first.activityId, termId: term.id, sessionNumber: 5 }),
        )
        .expect(409);
      expect(body(sameActivity)).toMatchObject({ existingId: first.id });
      expect(fields(sameActivity)).toEqual(['activityId']);
      // Another committee may record the same session of the congress.
      const elsewhere = await api.ownCommittee();
      await createPlenarySession(api.sut.app, {
        committeeId: elsewhere,
        termId: term.id,
        sessionNumber: 4,
      });
      expect((await counts()).sessions).toBe(before.sessions + 1);
    });
  });

  describe('agenda items', () => {
    it('should refuse negative votes and votes without a result, naming the row', async () => {
      const committeeId = await api.ownCommittee();
      const term = await createTerm(api.sut.app);
      const activity = await createPlenaryActivity(api.sut.app, { committeeId });
      const before = await counts();
      const negative = await api
        .post(
          '/plenary-sessions',
          plenarySessionInput({
            activityId: activity.id,
            termId: term.id,
            agendaItems: [
              { kind: 'governmentReport', title: '政府工作报告', adopted: 'yes', votesFor: 10 },
              { kind: 'courtReport', title: '法院工作报告', adopted: 'yes', votesAgainst: -1 },
            ],
          }),
        )
        .expect(400);
      expect(fields(negative)).toEqual(['agendaItems.1.votesAgainst']);
      const unvoted = await api
        .post(
          '/plenary-sessions',
          plenarySessionInput({
            activityId: activity.id,
            termId: term.id,
            agendaItems: [
              { kind: 'governmentReport', title: '政府工作报告' },
              { kind: 'procuratorateReport', title: '检察院工作报告', votesFor: 100 },
            ],
          }),
        )
        .expect(422);
      expect(fields(unvoted)).toEqual(['agendaItems.1.votesFor']);
      expect(await counts()).toEqual(before);

      const session = await createPlenarySession(api.sut.app, { committeeId, termId: term.id });
      const single = await api
        .post('/agenda-items', {
          sessionId: session.id,
          kind: 'budget',
          title: '预算',
          adopted: 'no',
          votesAbstaining: -3,
        })
        .expect(400);
      expect(fields(single)).toEqual(['votesAbstaining']);
      expect(await agendaItems().countBy({ sessionId: session.id })).toBe(0);
    });

    it('should replace the agenda on PATCH, and leave it untouched when one row is bad', async () => {
      const committeeId = await api.ownCommittee();
      const term = await createTerm(api.sut.app);
      const session = await createPlenarySession(api.sut.app, {
        committeeId,
        termId: term.id,
        agendaItems: [
          { kind: 'governmentReport', title: '政府工作报告', sortOrder: 1 },
          { kind: 'budget', title: '财政预算报告', sortOrder: 2 },
        ],
      });
      const [government, budget] = session.agendaItems;

      const failed = await api
        .patch(`/plenary-sessions/${session.id}`, {
          place: '不应保存',
          agendaItems: [
            { id: government.id, kind: 'governmentReport', title: '政府工作报告', adopted: 'yes' },
            { kind: 'developmentPlan', title: '计划报告', adopted: 'notVoted', votesFor: 1 },
          ],
        })
        .expect(422);
      expect(fields(failed)).toEqual(['agendaItems.1.votesFor']);
      const foreignRow = await api
        .patch(`/plenary-sessions/${session.id}`, {
          agendaItems: [{ id: 999999, kind: 'other', title: '别处的事项' }],
        })
        .expect(422);
      expect(fields(foreignRow)).toEqual(['agendaItems.0.id']);
      const unchanged = await api.get(`/plenary-sessions/${session.id}`).expect(200);
      expect(body(unchanged).place).toBe('区人民会堂');
      expect(
        (body(unchanged).agendaItems as { id: number; adopted: string }[]).map((item) => [
          item.id,
          item.adopted,
        ]),
      ).toEqual([
        [government.id, 'notVoted'],
        [budget.id, 'notVoted'],
      ]);

      const replaced = await api
        .patch(`/plenary-sessions/${session.id}`, {
          agendaItems: [
            {
              id: government.id,
              kind: 'governmentReport',
              title: '政府工作报告',
              resolutionTitle: '关于政府工作报告的决议',
              adopted: 'yes',
              votesFor: 250,
            },
            { kind: 'developmentPlan', title: '国民经济和社会发展计划报告', sortOrder: 3 },
          ],
        })
        .expect(200);
      const agenda = body(replaced).agendaItems as { id: number; kind: string; adopted: string }[];
      expect(agenda.map((item) => [item.kind, item.adopted])).toEqual([
        ['governmentReport', 'yes'],
        ['developmentPlan', 'notVoted'],
      ]);
      expect(agenda[0].id).toBe(government.id);
      expect(await agendaItems().countBy({ id: budget.id })).toBe(0);
      const deleted = await api.sut.dataSource.getRepository(AuditLog).countBy({
        objectType: 'agendaItem',
        objectId: String(budget.id),
        action: 'delete' as never,
      });
      expect(deleted).toBe(1);

      // A row changed by id keeps what it leaves out.
      const kept = await api
        .patch(`/plenary-sessions/${session.id}`, {
          agendaItems: [
            { id: government.id, kind: 'governmentReport', title: '政府工作报告（修订）' },
            { id: agenda[1].id, kind: 'developmentPlan', title: '国民经济和社会发展计划报告' },
          ],
        })
        .expect(200);
      expect((body(kept).agendaItems as Record<string, unknown>[])[0]).toMatchObject({
        id: government.id,
        title: '政府工作报告（修订）',
        resolutionTitle: '关于政府工作报告的决议',
        adopted: 'yes',
        votesFor: 250,
      });

      // And as records of their own.
      const added = await api
        .post('/agenda-items', {
          sessionId: session.id,
          kind: 'standingCommitteeReport',
          title: '区人大常委会工作报告',
          adopted: 'yes',
          votesFor: 260,
          votesAgainst: 0,
          votesAbstaining: 1,
        })
        .expect(201);
      await api
        .patch(`/agenda-items/${body(added).id as number}`, { adopted: 'notVoted' })
        .expect(422);
      await api
        .patch(`/agenda-items/${body(added).id as number}`, { resolutionTitle: '决议' })
        .expect(200);
      await api.delete(`/agenda-items/${body(added).id as number}`).expect(204);
    });
  });

  describe('overview', () => {
    it("should report the year's held sessions, their reports, resolutions and attendance, with ids", async () => {
      const committeeId = await api.ownCommittee();
      const key = await issueKey(api.sut.app, ['reports:read'], {
        role: 'committeeAdmin',
        committeeId,
      });
      const term = await createTerm(api.sut.app, { name: '区第十五届' });
      const deputies = await createDeputies(api.sut.app, 3, { committeeId });
      const held = await createPlenarySession(api.sut.app, {
        committeeId,
        termId: term.id,
        sessionNumber: 5,
        startsOn: '2020-01-08',
        endsOn: '2020-01-10',
        attendance: [
          { deputyId: deputies[0].id, status: 'attended' },
          { deputyId: deputies[1].id, status: 'attended' },
          { deputyId: deputies[2].id, status: 'leave', note: '出差' },
        ],
        agendaItems: [
          {
            kind: 'governmentReport',
            title: '政府工作报告',
            resolutionTitle: '关于政府工作报告的决议',
            adopted: 'yes',
            votesFor: 280,
            votesAgainst: 1,
            votesAbstaining: 2,
          },
          { kind: 'budget', title: '财政预算报告', adopted: 'no' },
        ],
      });
      // Another year, and a session whose activity is only planned: neither counts in 2020.
      await createPlenarySession(api.sut.app, {
        committeeId,
        termId: term.id,
        sessionNumber: 6,
        startsOn: '2021-01-12',
        endsOn: '2021-01-14',
        agendaItems: [{ kind: 'budget', title: '2021 预算', adopted: 'yes' }],
      });
      const plannedActivity = await createActivity(api.sut.app, {
        committeeId,
        kindId: await activityKindId(api.sut.app, 'plenary_session'),
        startsAt: '2020-12-20T09:00:00+08:00',
        status: 'planned',
      });
      await createPlenarySession(api.sut.app, {
        committeeId,
        termId: term.id,
        activityId: plannedActivity.id,
        sessionNumber: 7,
        startsOn: '2020-12-20',
        endsOn: null,
      });

      const answer = await api
        .get(`/reports/overview?committeeId=${committeeId}&year=2020`, key)
        .expect(200);
      const section = (
        body(answer).sections as {
          area: string;
          figures: { name: string; value: number; records: { type: string; ids: number[] } }[];
          lists: Record<string, { type: string; items: Record<string, unknown>[] }>;
        }[]
      ).find((one) => one.area === 'plenary')!;
      const figure = (name: string) => section.figures.find((one) => one.name === name)!;
      const [government, budget] = held.agendaItems;
      expect(figure('sessions')).toMatchObject({
        value: 1,
        records: { type: 'plenarySession', ids: [held.id] },
      });
      expect(figure('reportsDeliberated')).toMatchObject({
        value: 2,
        records: { type: 'agendaItem', ids: [government.id, budget.id] },
      });
      expect(figure('resolutionsAdopted')).toMatchObject({
        value: 1,
        records: { ids: [government.id] },
      });
      expect(figure('attendances')).toMatchObject({ value: 2, records: { type: 'attendance' } });
      expect(figure('attendances').records.ids).toHaveLength(2);
      expect(figure('leaves').value).toBe(1);
      expect(figure('absences').value).toBe(0);
      expect(section.lists.sessions.items).toEqual([
        expect.objectContaining({
          id: held.id,
          term: '区第十五届',
          sessionNumber: 5,
          name: '区第十五届人民代表大会第五次会议',
          startsOn: '2020-01-08',
          endsOn: '2020-01-10',
          place: '区人民会堂',
          attendance: { attended: 2, leave: 1, absent: 0 },
          agendaItems: [
            expect.objectContaining({
              id: government.id,
              kindLabel: '政府工作报告',
              resolutionTitle: '关于政府工作报告的决议',
              adopted: 'yes',
              votesFor: 280,
              votesAgainst: 1,
              votesAbstaining: 2,
            }),
            expect.objectContaining({ id: budget.id, adopted: 'no', votesFor: null }),
          ],
        }),
      ]);
    });

    it('should count one meeting once in a district that all its subdistricts recorded, and every deputy’s attendance', async () => {
      const district = (await createOrganisation(api.sut.app)).districtId;
      const key = await issueKey(api.sut.app, ['reports:read'], {
        role: 'districtViewer',
        committeeId: district,
      });
      const term = await createTerm(api.sut.app);
      const sessions = [];
      for (let n = 0; n < 2; n += 1) {
        const committeeId = (await createSubdistrict(api.sut.app, { parentId: district })).id;
        const [deputy] = await createDeputies(api.sut.app, 1, { committeeId });
        sessions.push(
          await createPlenarySession(api.sut.app, {
            committeeId,
            termId: term.id,
            sessionNumber: 3,
            attendance: [{ deputyId: deputy.id, status: 'attended' }],
            agendaItems: [{ kind: 'governmentReport', title: '政府工作报告', adopted: 'yes' }],
          }),
        );
      }
      const answer = await api
        .get(`/reports/overview?committeeId=${district}&year=2020`, key)
        .expect(200);
      const section = (
        body(answer).sections as {
          area: string;
          figures: { name: string; value: number; records: { ids: number[] } }[];
        }[]
      ).find((one) => one.area === 'plenary')!;
      const figure = (name: string) => section.figures.find((one) => one.name === name)!;
      const first = sessions[0];
      expect(figure('sessions')).toMatchObject({ value: 1, records: { ids: [first.id] } });
      expect(figure('reportsDeliberated')).toMatchObject({
        value: 1,
        records: { ids: [first.agendaItems[0].id] },
      });
      expect(figure('resolutionsAdopted').value).toBe(1);
      expect(figure('attendances').value).toBe(2);
    });
  });
});

/** The panel's screens of the area load for staff, with the derived name and the attendance link. */
describe(`plenary admin screens on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let subdistrictId: number;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    server = sut.app.getHttpServer() as App;
    ({ subdistrictId } = await createOrganisation(sut.app));
    await sut.app.get(AdminUsersService).create({
      username: 'plenary-clerk',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId: subdistrictId,
    });
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('should list sessions and agenda items, and offer only plenary activities to pick', async () => {
    const term = await createTerm(sut.app, { name: '区第十五届人民代表大会' });
    const session = await createPlenarySession(sut.app, {
      committeeId: subdistrictId,
      termId: term.id,
      sessionNumber: 2,
      agendaItems: [{ kind: 'courtReport', title: '法院工作报告' }],
    });
    await createActivity(sut.app, { committeeId: subdistrictId, title: '不是大会的活动' });
    const { agent } = await login(server, 'plenary-clerk');
    type Records = { records: { id: string; title: string; params: Record<string, unknown> }[] };
    const list = await agent.get('/admin/api/resources/PlenarySession/actions/list').expect(200);
    const row = (list.body as Records).records.find((one) => Number(one.id) === session.id);
    expect(row?.params.name).toBe('区第十五届人民代表大会第二次会议');
    const shown = await agent
      .get(`/admin/api/resources/PlenarySession/records/${session.id}/show`)
      .expect(200);
    const params = (shown.body as { record: { params: Record<string, unknown> } }).record.params;
    expect(params.attendanceLink).toContain(
      `/admin/resources/Attendance?filters.activityId=${session.activityId}`,
    );
    // An agenda item's session is picked by its derived name.
    const found = await agent
      .get(`/admin/api/resources/PlenarySession/actions/search/${encodeURIComponent('第二次')}`)
      .expect(200);
    expect((found.body as Records).records.map((one) => [Number(one.id), one.title])).toEqual([
      [session.id, '区第十五届人民代表大会第二次会议'],
    ]);
    const none = await agent
      .get(`/admin/api/resources/PlenarySession/actions/search/${encodeURIComponent('第九次')}`)
      .expect(200);
    expect((none.body as Records).records).toEqual([]);
    const items = await agent.get('/admin/api/resources/AgendaItem/actions/list').expect(200);
    expect((items.body as Records).records.map((one) => one.params.title)).toContain(
      '法院工作报告',
    );
    const offered = await agent
      .get('/admin/api/resources/PlenaryActivity/actions/search/')
      .expect(200);
    expect((offered.body as Records).records.map((one) => Number(one.id))).toEqual([
      session.activityId,
    ]);

    // A session recorded in the panel: the form's values go through the same service.
    const activity = await createPlenaryActivity(sut.app, {
      committeeId: subdistrictId,
      day: '2021-01-12',
    });
    const created = await agent
      .post('/admin/api/resources/PlenarySession/actions/new')
      .type('form')
      .send({
        activityId: String(activity.id),
        termId: String(term.id),
        sessionNumber: '3',
        startsOn: '2021-01-12',
        endsOn: '2021-01-14',
        place: '区人民会堂',
      })
      .expect(200);
    const record = (created.body as { record: { errors: object; params: Record<string, unknown> } })
      .record;
    expect(record.errors).toEqual({});
    expect(record.params.committeeId).toBe(subdistrictId);
  });
});
