import request from 'supertest';
import type { App } from 'supertest/types.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { login } from '../support/admin-login.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/**
 * S2 finding 19: requests that answered 500 answer a clear 4xx. The API side is walked for every
 * operation by contract.e2e-spec.ts against the built server; these are the admin panel's and the
 * instants the probe named.
 */
describe(`S2 #19 bad requests on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let key: string;
  let subdistrictId: number;
  let kindId: number;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    server = sut.app.getHttpServer() as App;
    ({ subdistrictId } = await createOrganisation(sut.app));
    key = await issueKey(sut.app, ['records:read', 'records:write'], {
      role: 'committeeAdmin',
      committeeId: subdistrictId,
    });
    await sut.app.get(AdminUsersService).create({
      username: 'r19-admin',
      password: 'Strong-Pass-2026!',
      role: 'committeeAdmin',
      committeeId: subdistrictId,
    });
    const kinds = await request(server)
      .get('/api/v1/activity-kinds')
      .set('Authorization', `Bearer ${key}`)
      .expect(200);
    kindId = (kinds.body as { items: { id: number; code: string }[] }).items.find(
      (kind) => kind.code === 'work_meeting',
    )!.id;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should refuse an instant in the year 0000 with a 400 naming startsAt', async () => {
    const answer = await request(server)
      .post('/api/v1/activities')
      .set('Authorization', `Bearer ${key}`)
      .send({
        committeeId: subdistrictId,
        kindId,
        title: '零年会议',
        startsAt: '0000-01-01T09:00:00+08:00',
        status: 'held',
      })
      .expect(400);
    expect((answer.body as { details: { field: string }[] }).details[0].field).toBe('startsAt');
  });

  it('should refuse a 5-digit phone with a 400 naming phone', async () => {
    const answer = await request(server)
      .post('/api/v1/deputies')
      .set('Authorization', `Bearer ${key}`)
      .send({
        name: '王五',
        gender: 'male',
        level: 'district',
        committeeId: subdistrictId,
        phone: '12345',
      })
      .expect(400);
    expect((answer.body as { details: { field: string }[] }).details[0].field).toBe('phone');
  });

  it.each([
    ['perPage=-5', '/admin/api/resources/Activity/actions/list?perPage=-5'],
    ['page=-1', '/admin/api/resources/Activity/actions/list?page=-1'],
    ['page=1e21', '/admin/api/resources/Activity/actions/list?page=1e21'],
    ['an unknown sortBy', '/admin/api/resources/Activity/actions/list?sortBy=noSuchField'],
    ['an unknown filter', '/admin/api/resources/Activity/actions/list?filters.noSuchField=1'],
    [
      'recordIds as an array',
      '/admin/api/resources/Activity/bulk/bulkDelete?recordIds=1&recordIds=2',
    ],
  ])('should answer %s in the admin API without a 500', async (_what, path) => {
    const { agent } = await login(server, 'r19-admin');
    const answer = await agent.get(path);
    expect(answer.status).toBeLessThan(500);
  });
});
