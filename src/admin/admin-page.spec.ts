import { jest } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { FixedClock } from '../common/clock.js';
import { DomainError, ErrorCode, forbidden, invalidInput } from '../common/errors.js';
import { runInContext } from '../common/request-context.js';
import type { Actor } from '../platform/access/actor.js';
import type { AuditEntry, AuditTrail } from '../platform/audit/audit-trail.service.js';
import { adminPage, isAdminPageHandler, mountAdminPages, type AdminPage } from './admin-page.js';
import type { AdminSessionUser } from './admin-session-user.js';

const NOW = new Date('2020-05-10T02:00:00Z');

const staff: AdminSessionUser = {
  id: '7',
  email: 'clerk',
  title: 'clerk',
  mustChangePassword: false,
  role: 'staff',
  committeeId: 3,
  epoch: 0,
  loginAt: 0,
  lastSeenAt: 0,
};

/** A panel router holding `pages`, behind a stand-in for the session (as `user`, or none). */
function panel(pages: AdminPage[], user: AdminSessionUser | null) {
  const denials: AuditEntry[] = [];
  const audit = {
    recordAlone: (entry: AuditEntry) => Promise.resolve(void denials.push(entry)),
  } as unknown as AuditTrail;
  const app = express();
  app.use((req, _res, next) => {
    const actor: Actor = {
      kind: 'user',
      id: 7,
      name: 'clerk',
      role: user?.role ?? null,
      committeeId: 3,
      committeeIds: [3],
    };
    (req as unknown as { session: object }).session = user ? { adminUser: user } : {};
    runInContext({ ip: null, actor }, next);
  });
  const router = express.Router();
  mountAdminPages(router, pages, { loginPath: '/admin/login', audit, clock: new FixedClock(NOW) });
  app.use('/admin', router);
  return { server: app, denials, router };
}

const report = (handle: AdminPage['handle'], kind: AdminPage['kind'] = 'data') =>
  adminPage({
    method: 'get',
    path: '/reports/quarter',
    kind,
    access: { resource: 'complianceRecord', action: 'list' },
    handle,
  });

describe('adminPage', () => {
  it('should hand the handler the session user, the actor and the Clock’s now, never cached', async () => {
    const sut = report(({ res, user, actor, now }) =>
      Promise.resolve(res.json({ user: user.email, actor: actor.name, now: now.toISOString() })),
    );
    const { server } = panel([sut], staff);
    const answer = await request(server).get('/admin/reports/quarter').expect(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toEqual({ user: 'clerk', actor: 'clerk', now: NOW.toISOString() });
  });

  it('should send a browser without a session to the login page, and a script a 401', async () => {
    const run = jest.fn(() => Promise.resolve());
    const page = panel([report(run, 'page')], null);
    const redirected = await request(page.server).get('/admin/reports/quarter').expect(302);
    expect(redirected.headers.location).toBe('/admin/login');
    expect(redirected.headers['cache-control']).toBe('no-store');
    const data = panel([report(run, 'data')], null);
    const refused = await request(data.server).get('/admin/reports/quarter').expect(401);
    expect(refused.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录 / Log in first' });
    expect(run).not.toHaveBeenCalled();
  });

  it('should refuse a role without the permission once, audited once, before the handler runs', async () => {
    const run = jest.fn(() => Promise.resolve());
    const sut = adminPage({
      method: 'get',
      path: '/audit-report',
      kind: 'data',
      access: { resource: 'auditLog', action: 'export' },
      handle: run,
    });
    const { server, denials } = panel([sut], staff);
    const refused = await request(server).get('/admin/audit-report').expect(403);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect((refused.body as { message: string }).message).toMatch(/^当前角色无权/);
    expect(run).not.toHaveBeenCalled();
    expect(denials).toEqual([
      expect.objectContaining({
        action: 'denied',
        outcome: 'denied',
        objectType: 'auditLog',
        detail: { action: 'export', method: 'GET', path: '/audit-report' },
      }),
    ]);
  });

  it("should audit a service's refusal through the same path, once", async () => {
    const sut = report(() =>
      Promise.reject(forbidden({ zh: '达标记录', en: 'compliance' }, 'list')),
    );
    const { server, denials } = panel([sut], staff);
    await request(server).get('/admin/reports/quarter').expect(403);
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({ objectType: 'complianceRecord', outcome: 'denied' });
  });

  it('should answer any other domain error with its status, Chinese first, unaudited', async () => {
    const invalid = invalidInput([{ field: 'year', problem: '年份无效 / Invalid year' }]);
    const page = panel([report(() => Promise.reject(invalid), 'page')], staff);
    const text = await request(page.server).get('/admin/reports/quarter').expect(400);
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.text).toBe('输入有误 / Invalid input：年份无效 / Invalid year');
    const missing = new DomainError(ErrorCode.NotFound, { zh: '不存在', en: 'Not found' });
    const data = panel([report(() => Promise.reject(missing))], staff);
    const json = await request(data.server).get('/admin/reports/quarter').expect(404);
    expect(json.body).toEqual({ code: 'NOT_FOUND', message: '不存在 / Not found' });
    expect([...page.denials, ...data.denials]).toEqual([]);
  });

  it('should mark the routes it mounts, and refuse paths the panel answers itself', () => {
    const { router } = panel([report(() => Promise.resolve())], staff);
    const layers = (router as unknown as { stack: { route: { stack: { handle: unknown }[] } }[] })
      .stack;
    expect(layers.map((layer) => isAdminPageHandler(layer.route.stack[0].handle))).toEqual([true]);
    expect(isAdminPageHandler(() => undefined)).toBe(false);
    for (const path of ['/api/resources/Deputy', '/login', 'reports']) {
      expect(() =>
        adminPage({
          method: 'get',
          path,
          kind: 'page',
          access: 'anyLoggedInUser',
          handle: () => Promise.resolve(),
        }),
      ).toThrow(path);
    }
  });
});
