import request from 'supertest';
import type { App } from 'supertest/types.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { OpinionUpdate } from '../../src/modules/supervision/opinion-update.entity.js';
import { Opinion } from '../../src/modules/supervision/opinion.entity.js';
import { createActivity } from '../factories/activity.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createOpinion, createSupervisionActivity } from '../factories/supervision.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

type Agent = ReturnType<typeof request.agent>;

interface ActionAnswer {
  record?: { id: string; params: Record<string, unknown> };
  records?: { id: string; params: Record<string, unknown> }[];
  notice?: { message: string; type: string };
  redirectUrl?: string;
}

/** 监督工作 in the admin panel: the screens load, and workflow steps run as forms, never edits. */
describe(`supervision admin on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let subdistrictId: number;
  let clerk: Agent;
  let viewer: Agent;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    server = sut.app.getHttpServer() as App;
    const organisation = await createOrganisation(sut.app);
    subdistrictId = organisation.subdistrictId;
    const users = sut.app.get(AdminUsersService);
    await users.create({
      username: 'superv-clerk',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId: subdistrictId,
    });
    await users.create({
      username: 'superv-viewer',
      password: TEST_PASSWORD,
      role: 'districtViewer',
      committeeId: organisation.districtId,
    });
    clerk = (await login(server, 'superv-clerk')).agent;
    viewer = (await login(server, 'superv-viewer')).agent;
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  const step = (agent: Agent, id: number, action: string, form: Record<string, string>) =>
    agent
      .post(`/admin/api/resources/Opinion/records/${id}/${action}`)
      .type('form')
      .send({ step: action, ...form });

  it('should list the supervision screens for staff, with status and overdue', async () => {
    const supervision = await createSupervisionActivity(sut.app, { committeeId: subdistrictId });
    const opinion = await createOpinion(sut.app, {
      supervisionActivityId: supervision.id,
      dueOn: '2019-05-01',
    });
    for (const resource of ['SupervisionActivity', 'Opinion', 'OpinionUpdate']) {
      await clerk.get(`/admin/api/resources/${resource}/actions/list`).expect(200);
    }
    const list = await clerk.get('/admin/api/resources/Opinion/actions/list').expect(200);
    const row = (list.body as ActionAnswer).records!.find(
      (r) => String(r.id) === String(opinion.id),
    )!;
    expect(row.params).toMatchObject({ status: 'open', dueOn: '2019-05-01', overdue: '⚠️ 已逾期' });
    const meeting = await createActivity(sut.app, { committeeId: subdistrictId });
    const choices = await clerk
      .get('/admin/api/resources/SupervisionActivityChoice/actions/search/')
      .expect(200);
    expect((choices.body as ActionAnswer).records!.map((r) => String(r.id))).toContain(
      String(supervision.activityId),
    );
    expect((choices.body as ActionAnswer).records!.map((r) => String(r.id))).not.toContain(
      String(meeting.id),
    );
  });

  it('should run 交办 from its form and offer only the steps the state allows', async () => {
    const supervision = await createSupervisionActivity(sut.app, { committeeId: subdistrictId });
    const opinion = await createOpinion(sut.app, { supervisionActivityId: supervision.id });
    // Opening the form (the panel's first call, without `step`) changes nothing.
    const opened = await clerk
      .post(`/admin/api/resources/Opinion/records/${opinion.id}/assign`)
      .expect(200);
    expect((opened.body as ActionAnswer).record!.params.status).toBe('open');
    const missing = await step(clerk, opinion.id, 'assign', { responsibleUnit: '区住建局' });
    expect((missing.body as ActionAnswer).notice).toMatchObject({ type: 'error' });
    expect((missing.body as ActionAnswer).notice!.message).toContain('办理期限');
    const done = await step(clerk, opinion.id, 'assign', {
      responsibleUnit: '区住建局',
      dueOn: '2019-06-30',
      note: '后台交办',
    });
    expect((done.body as ActionAnswer).notice).toEqual({ message: '已交办', type: 'success' });
    const saved = await sut.dataSource.getRepository(Opinion).findOneByOrFail({ id: opinion.id });
    expect(saved).toMatchObject({ status: 'assigned', responsibleUnit: '区住建局' });
    const entries = await sut.dataSource
      .getRepository(OpinionUpdate)
      .findBy({ opinionId: opinion.id });
    expect(entries.map((entry) => [entry.action, entry.actorName, entry.note])).toEqual([
      ['assign', 'superv-clerk', '后台交办'],
    ]);
    const shown = await clerk
      .get(`/admin/api/resources/Opinion/records/${opinion.id}/show`)
      .expect(200);
    const actions = (
      shown.body as { record: { recordActions: { name: string }[] } }
    ).record.recordActions.map((action) => action.name);
    expect(actions).toEqual(expect.arrayContaining(['start', 'close']));
    expect(actions).not.toContain('assign');
    expect(actions).not.toContain('finish');
    expect(
      (shown.body as { record: { params: { timeline: string } } }).record.params.timeline,
    ).toMatch(/superv-clerk 交办：后台交办$/);
    // A step the state does not allow is refused, and nothing changes.
    await step(clerk, opinion.id, 'finish', { completedOn: '2019-06-01' });
    expect(
      (await sut.dataSource.getRepository(Opinion).findOneByOrFail({ id: opinion.id })).status,
    ).toBe('assigned');
    // The district reads but moves nothing.
    await step(viewer, opinion.id, 'start', {}).expect(403);
  });
});
