import { AbstractLoader } from '@adminjs/nestjs';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { AdminExpressLoader } from '../../src/admin/admin-express.loader.js';
import { FixedClock } from '../../src/common/clock.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { createActivity } from '../factories/activity.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/** The routes of the login itself, answered before there is a session user: never adminPage()s. */
const LOGIN_ROUTES = [
  'post /login',
  'get /logout',
  'post /logout',
  'get /second-factor',
  'post /second-factor',
];

/** The panel's custom pages (admin-page.ts): one wrapper for session, permission, audit, no-store, Clock. */
describe(`admin custom pages on ${testDialect()}`, () => {
  // 23:00 on New Year's Eve in China (15:00 UTC): two hours on, China is in 2021 and UTC is not.
  const clock = new FixedClock(new Date('2020-12-31T15:00:00Z'));
  let sut: TestApp;
  let server: App;
  let loader: AdminExpressLoader;
  let subdistrict: number;

  const denials = (actorName: string) =>
    sut.dataSource.getRepository(AuditLog).findBy({ action: 'denied' as never, actorName });

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock });
    server = sut.app.getHttpServer() as App;
    loader = sut.app.get<AdminExpressLoader>(AbstractLoader, { strict: false });
    const { subdistrictId } = await createOrganisation(sut.app);
    subdistrict = subdistrictId;
    const users = sut.app.get(AdminUsersService);
    await users.create({
      username: 'ap-staff',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId: subdistrictId,
    });
    await users.create({ username: 'ap-sys', password: TEST_PASSWORD, role: 'systemAdmin' });
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('should answer every route before AdminJS, but the login’s own, through adminPage()', () => {
    const routes = loader.panelRoutes();
    const custom = routes.filter(
      (route) => !LOGIN_ROUTES.includes(`${route.method} ${route.path}`),
    );
    expect(custom.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(['get /compliance-grid', 'get /exports/Deputy.xlsx', 'get /overview']),
    );
    expect(custom.filter((route) => !route.adminPage)).toEqual([]);
    expect(custom).toHaveLength(loader.pages.length);
  });

  it('should mark every custom page no-store, for a user and for a visitor without a session', async () => {
    const { agent } = await login(server, 'ap-staff');
    for (const page of loader.pages) {
      const path = `/admin${page.path}`;
      const answer = page.method === 'get' ? await agent.get(path) : await agent.post(path);
      expect([path, answer.headers['cache-control']]).toEqual([path, 'no-store']);
      const anonymous = await request(server)[page.method](path);
      // A page sends a visitor to the login; data fetched by a script answers 401 JSON.
      expect([path, anonymous.status, anonymous.headers.location]).toEqual(
        page.kind === 'page' ? [path, 302, '/admin/login'] : [path, 401, undefined],
      );
      expect(anonymous.headers['cache-control']).toBe('no-store');
    }
  });

  it('should refuse a role without the permission with 403 and exactly one audit row each', async () => {
    const { agent } = await login(server, 'ap-sys');
    const before = (await denials('ap-sys')).length;
    const grid = await agent.get('/admin/compliance-grid').expect(403);
    expect(grid.headers['cache-control']).toBe('no-store');
    // The refusal names what the role may not see, Chinese first.
    expect(grid.text).toBe('当前角色无权查看达标情况 / Your role may not see compliance');
    expect((await denials('ap-sys')).slice(before)).toEqual([
      expect.objectContaining({ objectType: 'complianceRecord', outcome: 'denied' }),
    ]);
    const roster = await agent.get('/admin/exports/Deputy.xlsx').expect(403);
    expect(roster.text).toMatch(/^当前角色无权导出代表名册 \//);
    const rows = (await denials('ap-sys')).slice(before);
    expect(rows.map((row) => row.objectType)).toEqual(['complianceRecord', 'deputy']);
    expect(JSON.parse(rows[1].detail ?? '{}')).toMatchObject({
      action: 'export',
      method: 'GET',
      path: '/exports/Deputy.xlsx',
    });
  });

  it("should draw a page for the Clock's date in China, not the machine's", async () => {
    const first = await login(server, 'ap-staff');
    const grid = await first.agent.get('/admin/compliance-grid').expect(200);
    expect(grid.text).toContain('2020 年季度达标一览');
    clock.set(new Date('2020-12-31T17:00:00Z'));
    try {
      const { agent } = await login(server, 'ap-staff');
      const later = await agent.get('/admin/compliance-grid').expect(200);
      expect(later.text).toContain('2021 年季度达标一览');
    } finally {
      clock.set(new Date('2020-12-31T15:00:00Z'));
    }
  });

  it('should show the year’s overview to staff with links to the counted records, and refuse the administrators', async () => {
    const activity = await createActivity(sut.app, {
      committeeId: subdistrict,
      startsAt: '2020-06-01T09:00:00+08:00',
    });
    const { agent } = await login(server, 'ap-staff');
    const page = await agent.get('/admin/overview').expect(200);
    // The Clock's year in China, the user's own committee.
    expect(page.text).toContain('2020 年统计总览');
    expect(page.text).toContain('data-area="activities"');
    expect(page.text).toContain(`/admin/resources/Activity/records/${activity.id}/show`);
    const { agent: sys } = await login(server, 'ap-sys');
    const refused = await sys.get('/admin/overview').expect(403);
    expect(refused.text).toBe('当前角色无权查看统计报表 / Your role may not see the reports');
  });
});
