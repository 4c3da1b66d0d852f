import { AbstractLoader } from '@adminjs/nestjs';
import type AdminJS from 'adminjs';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { AdminExpressLoader } from '../../src/admin/admin-express.loader.js';
import { StudySession } from '../../src/modules/training/study-session.entity.js';
import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { createTrainingActivity } from '../factories/training.factory.js';
import { login } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

type Agent = ReturnType<typeof request.agent>;

interface AdminAnswer {
  record?: { id: string; params: Record<string, unknown>; errors: Record<string, unknown> };
  records?: { id: string; params: Record<string, unknown> }[];
}

/** 学习培训 in the admin panel: its screens load for staff, the activity picker, the form's rules. */
describe(`training admin on ${testDialect()}`, () => {
  let sut: TestApp;
  let admin: AdminJS;
  let clerk: Agent;
  let subdistrictId: number;
  let otherSubdistrictId: number;

  const answer = (response: request.Response) => response.body as AdminAnswer;
  const post = (path: string, form: Record<string, string>) =>
    clerk.post(`/admin/api${path}`).type('form').send(form);

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    const server = sut.app.getHttpServer() as App;
    admin = sut.app.get<AdminExpressLoader>(AbstractLoader, { strict: false }).admin;
    ({ subdistrictId } = await createOrganisation(sut.app));
    ({ subdistrictId: otherSubdistrictId } = await createOrganisation(sut.app));
    const staff = await createAdminUser(sut.app, { role: 'staff', committeeId: subdistrictId });
    clerk = (await login(server, staff.username)).agent;
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('should list the three screens for staff, in Chinese, with the activities', async () => {
    for (const resource of ['StudySession', 'StudyPlan', 'StudyPlanItem']) {
      await clerk.get(`/admin/api/resources/${resource}/actions/list`).expect(200);
      const decorated = admin.findResource(resource).decorate();
      expect(decorated.options.navigation).toMatchObject({ name: '代表活动' });
    }
    expect(
      admin.findResource('StudySession').decorate().getPropertyByKey('activityId')?.referenceName(),
    ).toBe('TrainingActivity');
  });

  it("should offer only the committee's training activities in the session's picker", async () => {
    const training = await createTrainingActivity(sut.app, { committeeId: subdistrictId });
    const meeting = await createActivity(sut.app, {
      committeeId: subdistrictId,
      kindId: await activityKindId(sut.app, 'work_meeting'),
    });
    const foreign = await createTrainingActivity(sut.app, { committeeId: otherSubdistrictId });
    const offered = await clerk
      .get('/admin/api/resources/TrainingActivity/actions/search/')
      .expect(200);
    const ids = (answer(offered).records ?? []).map((record) => Number(record.id));
    expect(ids).toContain(training.id);
    expect(ids).not.toContain(meeting.id);
    expect(ids).not.toContain(foreign.id);
    // The picker is read only.
    await clerk.get('/admin/api/resources/TrainingActivity/actions/list').expect(403);
  });

  it('should record a study session through the form, with the API’s rules', async () => {
    const training = await createTrainingActivity(sut.app, {
      committeeId: subdistrictId,
      form: 'online_study',
    });
    const refused = await post('/resources/StudySession/actions/new', {
      activityId: String(training.id),
      topic: '线上学习《代表法》',
      hours: '-1',
    });
    expect(Object.keys(answer(refused).record?.errors ?? {})).toEqual(['hours']);
    const created = await post('/resources/StudySession/actions/new', {
      activityId: String(training.id),
      topic: '线上学习《代表法》',
      hours: '1.5',
    });
    expect(answer(created).record?.errors).toEqual({});
    const saved = await sut.dataSource
      .getRepository(StudySession)
      .findOneByOrFail({ activityId: training.id });
    expect(saved).toMatchObject({ topic: '线上学习《代表法》', hours: '1.50' });
  });
});
