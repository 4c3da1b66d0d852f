import request from 'supertest';
import type { App } from 'supertest/types.js';
import { FixedClock } from '../../src/common/clock.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import type { Figure, OverviewSection } from '../../src/platform/areas/statistics.js';
import { createActivity } from '../factories/activity.factory.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { createCommunity, createOrganisation } from '../factories/committee.factory.js';
import {
  countedOutcomeInput,
  createCountedOutcome,
  createKeyProject,
  createProjectProgress,
  keyProjectInput,
} from '../factories/projects.factory.js';
import { login } from '../support/admin-login.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

const fieldsOf = (response: request.Response): string[] =>
  body(response).details!.map((detail) => detail.field);

/** 重大项目, 项目进度 and 工作成效 over the REST API and in the overview (modules/projects). */
describe(`projects API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  /** How many records of `path` a committee has (a list filtered to it). */
  const countOf = async (path: string, committeeId: number): Promise<number> =>
    body(await api.get(`${path}?committeeId=${committeeId}`).expect(200)).total!;

  describe('access', () => {
    it('should answer 401 without a key and 403 to a reader that writes', async () => {
      await request(api.server).get('/api/v1/key-projects').expect(401);
      await request(api.server).get('/api/v1/counted-outcomes').expect(401);
      const committeeId = await api.ownCommittee();
      await api.get(`/key-projects?committeeId=${committeeId}`, api.reader).expect(200);
      const refused = await api
        .post('/key-projects', keyProjectInput({ committeeId }), api.reader)
        .expect(403);
      expect(body(refused).code).toBe('FORBIDDEN');
      await api
        .post('/counted-outcomes', countedOutcomeInput({ committeeId }), api.reader)
        .expect(403);
      expect(await countOf('/key-projects', committeeId)).toBe(0);
    });

    it("should not show or change another committee's records", async () => {
      const other = await createOrganisation(api.sut.app);
      const project = await createKeyProject(api.sut.app, { committeeId: other.subdistrictId });
      const snapshot = await createProjectProgress(api.sut.app, { projectId: project.id });
      const outcome = await createCountedOutcome(api.sut.app, {
        committeeId: other.subdistrictId,
      });
      await api.get(`/key-projects/${project.id}`).expect(404);
      await api.patch(`/key-projects/${project.id}`, { note: '越权' }).expect(404);
      await api.get(`/key-projects/${project.id}/completion`).expect(404);
      await api.get(`/project-progress/${snapshot.id}`).expect(404);
      await api.delete(`/project-progress/${snapshot.id}`).expect(404);
      await api.get(`/counted-outcomes/${outcome.id}`).expect(404);
      await api.delete(`/counted-outcomes/${outcome.id}`).expect(404);
      const listed = await api.get(`/project-progress?projectId=${project.id}`).expect(200);
      expect(body(listed).total).toBe(0);
      // A snapshot for another committee's project would place it outside the key's scope.
      const placed = await api
        .post('/project-progress', {
          projectId: project.id,
          asOf: '2019-09-30',
          completedInvestment: 1,
        })
        .expect(422);
      expect(fieldsOf(placed)).toEqual(['projectId']);
      const created = await api
        .post('/key-projects', keyProjectInput({ committeeId: other.subdistrictId }))
        .expect(422);
      expect(fieldsOf(created)).toEqual(['committeeId']);
      const own = await createKeyProject(api.sut.app, { committeeId: await api.ownCommittee() });
      const ownSnapshot = await createProjectProgress(api.sut.app, { projectId: own.id });
      const moved = await api
        .patch(`/project-progress/${ownSnapshot.id}`, { projectId: project.id })
        .expect(422);
      expect(fieldsOf(moved)).toEqual(['projectId']);
      const kept = await api.get(`/project-progress/${ownSnapshot.id}`).expect(200);
      expect(body(kept).projectId).toBe(own.id);
    });
  });

  describe('key projects', () => {
    it('should create, filter by year and stage, and write the audit row', async () => {
      const committeeId = await api.ownCommittee();
      const response = await api
        .post('/key-projects', {
          committeeId,
          name: '城南污水处理厂提标改造工程',
          year: 2019,
          stage: 'plannedStart',
          plannedInvestment: 12000.5,
          owner: '区住建局',
        })
        .expect(201);
      const id = body(response).id as number;
      expect(body(response)).toMatchObject({
        plannedInvestment: '12000.50',
        stage: 'plannedStart',
      });
      const read = await api.get(`/key-projects/${id}`).expect(200);
      expect(body(read)).toMatchObject({
        committeeId,
        year: 2019,
        plannedInvestment: '12000.50',
        owner: '区住建局',
      });
      await createKeyProject(api.sut.app, { committeeId, stage: 'proposed' });
      await createKeyProject(api.sut.app, { committeeId, year: 2020, stage: 'plannedStart' });
      const filtered = await api
        .get(`/key-projects?committeeId=${committeeId}&year=2019&stage=plannedStart`)
        .expect(200);
      expect(body(filtered).items!.map((item) => item.id)).toEqual([id]);
      await api.get('/key-projects?stage=started').expect(400);

      const audit = await api.sut.dataSource.getRepository(AuditLog).findOneByOrFail({
        objectType: 'keyProject',
        objectId: String(id),
        action: 'create' as never,
      });
      expect(audit).toMatchObject({ actorKind: 'apiKey', outcome: 'success' });
      expect(JSON.parse(audit.detail!)).toMatchObject({ name: '城南污水处理厂提标改造工程' });
    });

    it('should refuse negative money, an unknown stage and a bad year with 400, writing nothing', async () => {
      const committeeId = await api.ownCommittee();
      const negative = await api
        .post('/key-projects', keyProjectInput({ committeeId, plannedInvestment: -1 }))
        .expect(400);
      expect(fieldsOf(negative)).toEqual(['plannedInvestment']);
      expect(body(negative).details![0].problem).toMatch(/^太小 \/ /);
      const bad = await api
        .post('/key-projects', {
          ...keyProjectInput({ committeeId }),
          stage: 'started',
          year: 1999,
          plannedInvestment: 1.005,
        })
        .expect(400);
      expect(fieldsOf(bad).sort()).toEqual(['plannedInvestment', 'stage', 'year']);
      expect(await countOf('/key-projects', committeeId)).toBe(0);
      const project = await createKeyProject(api.sut.app, { committeeId });
      const patched = await api
        .patch(`/key-projects/${project.id}`, { plannedInvestment: -0.01 })
        .expect(400);
      expect(fieldsOf(patched)).toEqual(['plannedInvestment']);
      const unchanged = await api.get(`/key-projects/${project.id}`).expect(200);
      expect(body(unchanged).plannedInvestment).toBe('10000.00');
    });

    it('should answer 409 with existingId for the same name in the same committee and year', async () => {
      const committeeId = await api.ownCommittee();
      const first = await createKeyProject(api.sut.app, { committeeId, name: '老旧小区改造' });
      const duplicate = await api
        .post('/key-projects', keyProjectInput({ committeeId, name: '老旧小区改造' }))
        .expect(409);
      expect(body(duplicate)).toMatchObject({ code: 'CONFLICT', existingId: first.id });
      // The same project name in another year or another committee is another project.
      await api
        .post('/key-projects', keyProjectInput({ committeeId, name: '老旧小区改造', year: 2020 }))
        .expect(201);
      const neighbour = await api.ownCommittee();
      await api
        .post('/key-projects', keyProjectInput({ committeeId: neighbour, name: '老旧小区改造' }))
        .expect(201);
      expect(await countOf('/key-projects', committeeId)).toBe(2);
    });

    it('should not move a project to a year its snapshots are not in', async () => {
      const committeeId = await api.ownCommittee();
      const project = await createKeyProject(api.sut.app, { committeeId });
      await createProjectProgress(api.sut.app, { projectId: project.id, asOf: '2019-06-30' });
      const moved = await api.patch(`/key-projects/${project.id}`, { year: 2020 }).expect(422);
      expect(fieldsOf(moved)).toEqual(['year']);
      expect(body(await api.get(`/key-projects/${project.id}`).expect(200)).year).toBe(2019);
    });
  });

  describe('progress snapshots', () => {
    it('should keep snapshots within the project year, once per date', async () => {
      const committeeId = await api.ownCommittee();
      const project = await createKeyProject(api.sut.app, { committeeId });
      const created = await api
        .post('/project-progress', {
          projectId: project.id,
          asOf: '2019-03-31',
          completedInvestment: '2500.5',
          note: '主体施工',
        })
        .expect(201);
      expect(body(created)).toMatchObject({ asOf: '2019-03-31', completedInvestment: '2500.50' });
      for (const asOf of ['2018-12-31', '2020-01-01']) {
        const outside = await api
          .post('/project-progress', { projectId: project.id, asOf, completedInvestment: 1 })
          .expect(422);
        expect(fieldsOf(outside)).toEqual(['asOf']);
      }
      const negative = await api
        .post('/project-progress', {
          projectId: project.id,
          asOf: '2019-04-30',
          completedInvestment: -5,
        })
        .expect(400);
      expect(fieldsOf(negative)).toEqual(['completedInvestment']);
      const duplicate = await api
        .post('/project-progress', {
          projectId: project.id,
          asOf: '2019-03-31',
          completedInvestment: 3000,
        })
        .expect(409);
      expect(body(duplicate).existingId).toBe(body(created).id);
      const moved = await api
        .patch(`/project-progress/${body(created).id as number}`, { asOf: '2020-03-31' })
        .expect(422);
      expect(fieldsOf(moved)).toEqual(['asOf']);
      await api
        .post('/project-progress', {
          projectId: 999999,
          asOf: '2019-03-31',
          completedInvestment: 1,
        })
        .expect(422);
      const listed = await api.get(`/project-progress?projectId=${project.id}`).expect(200);
      expect(body(listed).items!.map((row) => [row.asOf, row.completedInvestment])).toEqual([
        ['2019-03-31', '2500.50'],
      ]);
    });

    it('should give the completion as of a date from the latest snapshot on or before it', async () => {
      const committeeId = await api.ownCommittee();
      const project = await createKeyProject(api.sut.app, {
        committeeId,
        plannedInvestment: 8000,
      });
      const june = await createProjectProgress(api.sut.app, {
        projectId: project.id,
        asOf: '2019-06-30',
        completedInvestment: 2000,
      });
      const september = await createProjectProgress(api.sut.app, {
        projectId: project.id,
        asOf: '2019-09-30',
        completedInvestment: 6000,
      });
      const completion = (asOf?: string) =>
        api
          .get(`/key-projects/${project.id}/completion${asOf ? `?asOf=${asOf}` : ''}`)
          .expect(200)
          .then(body);
      await expect(completion('2019-05-31')).resolves.toMatchObject({
        snapshotId: null,
        completedInvestment: '0.00',
        percentage: 0,
      });
      // The September snapshot is after the date and does not count yet.
      await expect(completion('2019-09-29')).resolves.toMatchObject({
        asOf: '2019-09-29',
        snapshotId: june.id,
        completedInvestment: '2000.00',
        percentage: 25,
      });
      // Today is past 2019: the year end holds.
      await expect(completion()).resolves.toEqual({
        projectId: project.id,
        year: 2019,
        asOf: '2019-12-31',
        plannedInvestment: '8000.00',
        completedInvestment: '6000.00',
        snapshotId: september.id,
        snapshotAsOf: '2019-09-30',
        percentage: 75,
      });
      await api.get(`/key-projects/${project.id}/completion?asOf=2019-02-30`).expect(400);

      const unplanned = await createKeyProject(api.sut.app, { committeeId, plannedInvestment: 0 });
      await createProjectProgress(api.sut.app, {
        projectId: unplanned.id,
        completedInvestment: 10,
      });
      const none = await api.get(`/key-projects/${unplanned.id}/completion`).expect(200);
      expect(body(none)).toMatchObject({ completedInvestment: '10.00', percentage: null });
    });

    it('should delete a project with its snapshots', async () => {
      const committeeId = await api.ownCommittee();
      const project = await createKeyProject(api.sut.app, { committeeId });
      const snapshot = await createProjectProgress(api.sut.app, { projectId: project.id });
      await api.delete(`/key-projects/${project.id}`).expect(204);
      const gone = await api.get(`/project-progress/${snapshot.id}`).expect(404);
      expect(body(gone).code).toBe('NOT_FOUND');
    });
  });

  describe('counted outcomes', () => {
    it('should record an outcome of a community and an activity of its committee', async () => {
      const committeeId = await api.ownCommittee();
      const community = await createCommunity(api.sut.app, { committeeId });
      const activity = await createActivity(api.sut.app, { committeeId });
      const response = await api
        .post('/counted-outcomes', {
          committeeId,
          year: 2019,
          name: '旱厕改造',
          value: 36,
          unit: '个',
          communityId: community.id,
          activityId: activity.id,
        })
        .expect(201);
      expect(body(response)).toMatchObject({ value: '36.00', status: 'done' });
      await createCountedOutcome(api.sut.app, { committeeId, year: 2020 });
      const byCommunity = await api
        .get(`/counted-outcomes?committeeId=${committeeId}&year=2019&communityId=${community.id}`)
        .expect(200);
      expect(body(byCommunity).items!.map((item) => item.id)).toEqual([body(response).id]);
      // The activity is referenced: it cannot go while the outcome cites it.
      await api.delete(`/activities/${activity.id}`).expect(409);
    });

    it("should refuse another committee's community or activity with 422, writing nothing", async () => {
      const committeeId = await api.ownCommittee();
      const neighbour = await api.ownCommittee();
      const community = await createCommunity(api.sut.app, { committeeId: neighbour });
      const activity = await createActivity(api.sut.app, { committeeId: neighbour });
      const byCommunity = await api
        .post('/counted-outcomes', countedOutcomeInput({ committeeId, communityId: community.id }))
        .expect(422);
      expect(fieldsOf(byCommunity)).toEqual(['communityId']);
      const byActivity = await api
        .post('/counted-outcomes', countedOutcomeInput({ committeeId, activityId: activity.id }))
        .expect(422);
      expect(fieldsOf(byActivity)).toEqual(['activityId']);
      const missing = await api
        .post('/counted-outcomes', countedOutcomeInput({ committeeId, activityId: 999999 }))
        .expect(422);
      expect(fieldsOf(missing)).toEqual(['activityId']);
      // Another district's community answers as one that does not exist (no existence oracle).
      const { subdistrictId: foreign } = await createOrganisation(api.sut.app);
      const hidden = await createCommunity(api.sut.app, { committeeId: foreign });
      const outside = await api
        .post('/counted-outcomes', countedOutcomeInput({ committeeId, communityId: hidden.id }))
        .expect(422);
      expect(body(outside).message).toMatch(/^引用的社区\/村（ID \d+）不存在/);
      const negative = await api
        .post(
          '/counted-outcomes',
          countedOutcomeInput({ committeeId, value: -3, status: 'open' as never }),
        )
        .expect(400);
      expect(fieldsOf(negative).sort()).toEqual(['status', 'value']);
      expect(await countOf('/counted-outcomes', committeeId)).toBe(0);
      const outcome = await createCountedOutcome(api.sut.app, { committeeId });
      await api.patch(`/counted-outcomes/${outcome.id}`, { communityId: community.id }).expect(422);
      expect(body(await api.get(`/counted-outcomes/${outcome.id}`).expect(200)).communityId).toBe(
        null,
      );
    });
  });

  describe('overview', () => {
    const sectionOf = async (committeeId: number, year: number): Promise<OverviewSection> => {
      const key = await issueKey(api.sut.app, ['reports:read'], {
        role: 'districtViewer',
        committeeId: api.districtId,
      });
      const answer = await api
        .get(`/reports/overview?committeeId=${committeeId}&year=${year}`, key)
        .expect(200);
      const sections = body(answer).sections as OverviewSection[];
      return sections.find((section) => section.area === 'projects')!;
    };
    const figure = (figures: readonly Figure[], name: string): Figure => {
      const found = figures.find((one) => one.name === name);
      if (!found) throw new Error(`no figure ${name} in ${figures.map((f) => f.name).join()}`);
      return found;
    };

    it('should count key projects by stage with planned and completed investment', async () => {
      const committeeId = await api.ownCommittee();
      const app = api.sut.app;
      const a = await createKeyProject(app, {
        committeeId,
        stage: 'plannedStart',
        plannedInvestment: 10000,
      });
      const b = await createKeyProject(app, {
        committeeId,
        stage: 'continuing',
        plannedInvestment: 20000.5,
      });
      const c = await createKeyProject(app, {
        committeeId,
        stage: 'continuing',
        plannedInvestment: 5000,
      });
      const d = await createKeyProject(app, {
        committeeId,
        stage: 'proposed',
        plannedInvestment: 0,
      });
      // Another year's project does not count in 2019.
      await createKeyProject(app, { committeeId, year: 2020, stage: 'continuing' });
      await createProjectProgress(app, {
        projectId: a.id,
        asOf: '2019-06-30',
        completedInvestment: 3000,
      });
      const aLatest = await createProjectProgress(app, {
        projectId: a.id,
        asOf: '2019-12-31',
        completedInvestment: 9000,
      });
      const bLatest = await createProjectProgress(app, {
        projectId: b.id,
        asOf: '2019-10-31',
        completedInvestment: 15000.25,
      });

      const section = await sectionOf(committeeId, 2019);
      expect(section.label).toBe('重大项目与工作成效');
      const projects = figure(section.figures, 'keyProjects');
      expect(projects).toMatchObject({ value: 4, unit: '个', records: { type: 'keyProject' } });
      expect(projects.records.ids).toEqual([a.id, b.id, c.id, d.id]);
      expect(projects.breakdown!.map((one) => [one.label, one.value, one.records.ids])).toEqual([
        ['拟开工', 1, [a.id]],
        ['续建', 2, [b.id, c.id]],
        ['前期', 0, []],
        ['谋划', 1, [d.id]],
      ]);
      const planned = figure(section.figures, 'plannedInvestment');
      expect(planned).toMatchObject({ value: 35000.5, unit: '万元' });
      expect(planned.breakdown!.map((one) => one.value)).toEqual([10000, 25000.5, 0, 0]);
      const completed = figure(section.figures, 'completedInvestment');
      expect(completed).toMatchObject({
        value: 24000.25,
        unit: '万元',
        records: { type: 'projectProgress', ids: [aLatest.id, bLatest.id].sort((x, y) => x - y) },
      });
      expect(completed.breakdown!.map((one) => one.value)).toEqual([9000, 15000.25, 0, 0]);
      const rate = figure(section.figures, 'completionRate');
      // 24000.25 / 35000.5 = 68.57 %
      expect(rate).toMatchObject({ value: 68.6, unit: '%', overlapping: true });
      expect(rate.breakdown!.map((one) => [one.name, one.value])).toEqual([
        ['completionRate.plannedStart', 90],
        ['completionRate.continuing', 60],
      ]);
      expect(section.lists.keyProjects.items.map((item) => [item.id, item.percentage])).toEqual([
        [a.id, 90],
        [b.id, 75],
        [c.id, 0],
        [d.id, null],
      ]);
    });

    it('should report counted outcomes as figures by name and unit, and as a list', async () => {
      const committeeId = await api.ownCommittee();
      const app = api.sut.app;
      const east = await createCommunity(app, { committeeId });
      const west = await createCommunity(app, { committeeId });
      const done = await createCountedOutcome(app, {
        committeeId,
        communityId: east.id,
        value: 12,
      });
      const going = await createCountedOutcome(app, {
        committeeId,
        communityId: west.id,
        value: 3,
        status: 'inProgress',
      });
      const planned = await createCountedOutcome(app, {
        committeeId,
        value: 20,
        status: 'planned',
      });
      const greening = await createCountedOutcome(app, {
        committeeId,
        name: '绿化投入',
        value: 85.5,
        unit: '万元',
      });
      await createCountedOutcome(app, { committeeId, year: 2020, value: 99 });

      const section = await sectionOf(committeeId, 2019);
      expect(figure(section.figures, 'countedOutcomes')).toMatchObject({
        value: 3,
        records: { type: 'countedOutcome', ids: [done.id, going.id, greening.id] },
      });
      expect(figure(section.figures, 'countedOutcome.清理"散乱污"企业')).toMatchObject({
        label: '清理"散乱污"企业',
        value: 15,
        unit: '家',
        records: { type: 'countedOutcome', ids: [done.id, going.id] },
      });
      expect(figure(section.figures, 'countedOutcome.绿化投入')).toMatchObject({
        value: 85.5,
        unit: '万元',
        records: { ids: [greening.id] },
      });
      expect(
        section.lists.countedOutcomes.items.map((item) => [item.id, item.value, item.statusLabel]),
      ).toEqual([
        [done.id, 12, '已完成'],
        [going.id, 3, '进行中'],
        [planned.id, 20, '计划'],
        [greening.id, 85.5, '已完成'],
      ]);
    });

    it('should show an empty section for a committee-year without records', async () => {
      const committeeId = await api.ownCommittee();
      const section = await sectionOf(committeeId, 2019);
      expect(figure(section.figures, 'keyProjects')).toMatchObject({
        value: 0,
        records: { ids: [] },
      });
      expect(section.figures.map((one) => one.name)).not.toContain('completionRate');
      expect(section.lists.countedOutcomes.items).toEqual([]);
    });
  });
});

/**
 * The panel's 重大项目, 项目进度, 工作成效 screens, as a committee's staff member uses them, and
 * the overview while the year runs (the clock stands on 2019-08-01 in China).
 */
describe(`projects admin and a running year on ${testDialect()}`, () => {
  const clock = new FixedClock(new Date('2019-08-01T02:00:00Z'));
  let sut: TestApp;
  let server: App;
  let committeeId: number;
  let agent: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock });
    server = sut.app.getHttpServer() as App;
    committeeId = (await createOrganisation(sut.app)).subdistrictId;
    const { username } = await createAdminUser(sut.app, { role: 'staff', committeeId });
    ({ agent } = await login(server, username));
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  const post = (path: string, form: Record<string, string>) =>
    agent.post(`/admin/api/resources/${path}`).type('form').send(form);
  interface RecordAnswer {
    record: { id: string; params: Record<string, unknown>; errors: Record<string, unknown> };
    records?: { id: string; params: Record<string, unknown> }[];
  }
  const answer = (response: request.Response) => response.body as RecordAnswer;

  it('should record a key project, a snapshot and an outcome through the panel forms', async () => {
    const project = await post('KeyProject/actions/new', {
      committeeId: String(committeeId),
      name: '滨河绿道工程',
      year: '2019',
      stage: 'continuing',
      plannedInvestment: '3200.5',
    });
    expect(answer(project).record.errors).toEqual({});
    expect(answer(project).record.params).toMatchObject({ plannedInvestment: '3200.50' });
    const projectId = answer(project).record.id;

    const snapshot = await post('ProjectProgress/actions/new', {
      projectId,
      asOf: '2019-09-30',
      completedInvestment: '1600.25',
    });
    expect(answer(snapshot).record.errors).toEqual({});
    const outside = await post('ProjectProgress/actions/new', {
      projectId,
      asOf: '2020-01-31',
      completedInvestment: '1',
    });
    expect(Object.keys(answer(outside).record.errors)).toEqual(['asOf']);
    const negative = await post('KeyProject/actions/new', {
      committeeId: String(committeeId),
      name: '负数项目',
      year: '2019',
      stage: 'proposed',
      plannedInvestment: '-1',
    });
    expect(Object.keys(answer(negative).record.errors)).toEqual(['plannedInvestment']);

    const outcome = await post('CountedOutcome/actions/new', {
      committeeId: String(committeeId),
      year: '2019',
      name: '宣传资料',
      value: '1500',
      unit: '份',
      status: 'done',
    });
    expect(answer(outcome).record.errors).toEqual({});

    for (const resource of ['KeyProject', 'ProjectProgress', 'CountedOutcome']) {
      const list = await agent.get(`/admin/api/resources/${resource}/actions/list`).expect(200);
      expect(answer(list).records!.length).toBe(1);
    }
    const stages = await agent
      .get('/admin/api/resources/KeyProject/actions/list?filters.stage=proposed')
      .expect(200);
    expect(answer(stages).records).toEqual([]);
  });

  it('should count in a running year only the snapshots up to today', async () => {
    const { districtId, subdistrictId } = await createOrganisation(sut.app);
    const project = await createKeyProject(sut.app, {
      committeeId: subdistrictId,
      plannedInvestment: 4000,
    });
    const july = await createProjectProgress(sut.app, {
      projectId: project.id,
      asOf: '2019-07-31',
      completedInvestment: 1000,
    });
    // Recorded ahead (a plan figure entered early): after today, it does not count yet.
    await createProjectProgress(sut.app, {
      projectId: project.id,
      asOf: '2019-08-02',
      completedInvestment: 3000,
    });
    const key = await issueKey(sut.app, ['reports:read'], {
      role: 'districtViewer',
      committeeId: districtId,
    });
    const answer = await request(server)
      .get(`/api/v1/reports/overview?committeeId=${subdistrictId}&year=2019`)
      .set('Authorization', `Bearer ${key}`)
      .expect(200);
    const section = (body(answer).sections as OverviewSection[]).find(
      (one) => one.area === 'projects',
    )!;
    const named = (name: string) => section.figures.find((one) => one.name === name);
    expect(named('completedInvestment')).toMatchObject({
      value: 1000,
      records: { type: 'projectProgress', ids: [july.id] },
    });
    expect(named('completionRate')).toMatchObject({ value: 25 });
    expect(section.lists.keyProjects.label).toBe('重大项目（截至 2019-08-01）');
  });
});
