import { generate } from 'otplib';
import type { App } from 'supertest/types.js';
import { FixedClock } from '../../src/common/clock.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { LoginAttempt } from '../../src/modules/auth/login-attempt.entity.js';
import { UserAdministrationService } from '../../src/modules/auth/user-administration.service.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { login } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

const LIST = '/admin/api/resources/Committee/actions/list';

/** TOTP second factor for the roles in MFA_REQUIRED_ROLES, across two instances. */
describe(`second factor on ${testDialect()}`, () => {
  const clock = new FixedClock(new Date('2026-11-26T02:00:10Z'));
  let sut: TestApp;
  let second: TestApp;
  let server: App;
  let secondServer: App;
  let subdistrictId: number;

  const codeAt = (secret: string, offsetSeconds = 0) =>
    generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + offsetSeconds });
  const attempts = (username: string, outcome: string) =>
    sut.dataSource.getRepository(LoginAttempt).countBy({ username, outcome: outcome as never });
  /** A security administrator (a role that must have a second factor here), enrolled if asked. */
  const guard = (secondFactor = false) =>
    createAdminUser(sut.app, { role: 'securityAdmin', secondFactor });

  beforeAll(async () => {
    const env = { MFA_REQUIRED_ROLES: 'securityAdmin,auditor' };
    sut = await createTestApp({ admin: true, clock, env });
    second = await createTestApp({ admin: true, clock, env, database: sut.database });
    server = sut.app.getHttpServer() as App;
    secondServer = second.app.getHttpServer() as App;
    ({ subdistrictId } = await createOrganisation(sut.app));
  }, 60000);

  afterAll(async () => {
    await second?.close();
    await sut?.close();
  });

  it('should make a required role set up a second factor before anything else', async () => {
    const { user, username } = await guard();
    const { agent, response } = await login(server, username);
    expect(response.headers.location).toBe('/admin');
    const blocked = await agent.get(LIST);
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'SECOND_FACTOR_SETUP_REQUIRED' });
    expect((await agent.get('/admin')).headers.location).toBe('/admin/second-factor/setup');

    const page = await agent.get('/admin/second-factor/setup').expect(200);
    expect(page.text).toContain('<svg');
    expect(page.headers['cache-control']).toBe('no-store');
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(page.text)?.[1] ?? '';
    expect(secret).toHaveLength(32);

    const wrong = await agent
      .post('/admin/second-factor/setup')
      .type('form')
      .send({ password: 'Strong-Pass-2026!', code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('验证码不正确');
    const enrolled = await agent
      .post('/admin/second-factor/setup')
      .type('form')
      .send({ password: 'Strong-Pass-2026!', code: await codeAt(secret) });
    expect(enrolled.headers.location).toBe('/admin');
    await agent.get(LIST).expect(200);

    const [row] = await sut.dataSource.query<{ totp_secret: string }[]>(
      'SELECT totp_secret FROM admin_user WHERE username = ?',
      [username],
    );
    expect(row.totp_secret).toMatch(/^v1:/);
    expect(row.totp_secret).not.toContain(secret);
    const audit = await sut.dataSource
      .getRepository(AuditLog)
      .findBy({ action: 'mfaEnrolled', objectId: String(user.id) });
    expect(audit).toHaveLength(1);
  });

  it('should complete a login only with a current code, and each code only once, across instances', async () => {
    const { username, totpSecret: secret } = await guard(true);
    const usedAtEnrollment = await codeAt(secret!);
    const first = await login(server, username);
    expect(first.response.headers.location).toBe('/admin/second-factor');
    expect((await first.agent.get(LIST)).status).not.toBe(200);
    const successesBefore = await attempts(username, 'success');

    const replay = await first.agent
      .post('/admin/second-factor')
      .type('form')
      .send({ code: usedAtEnrollment });
    expect(replay.status).toBe(401);
    expect(await attempts(username, 'failure')).toBe(1);

    clock.advance(30_000);
    const fresh = await codeAt(secret!);
    const accepted = await first.agent
      .post('/admin/second-factor')
      .type('form')
      .send({ code: fresh });
    expect(accepted.headers.location).toBe('/admin');
    await first.agent.get(LIST).expect(200);
    expect(await attempts(username, 'success')).toBe(successesBefore + 1);

    // The same code on the other instance, in another login: refused.
    const other = await login(secondServer, username);
    const reused = await other.agent
      .post('/admin/second-factor')
      .type('form')
      .send({ code: fresh });
    expect(reused.status).toBe(401);
    clock.advance(30_000);
    const next = await other.agent
      .post('/admin/second-factor')
      .type('form')
      .send({ code: await codeAt(secret!) });
    expect(next.headers.location).toBe('/admin');
  });

  it('should lock the account after repeated wrong codes', async () => {
    clock.advance(20 * 60_000);
    const { username, totpSecret: secret } = await guard(true);
    const { agent } = await login(server, username);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await agent.post('/admin/second-factor').type('form').send({ code: '123456' });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    const locked = await agent
      .post('/admin/second-factor')
      .type('form')
      .send({ code: await codeAt(secret!) });
    expect(locked.status).toBe(429);
    expect((await login(server, username)).response.status).toBe(429);
  });

  it('should let roles outside MFA_REQUIRED_ROLES log in with the password alone', async () => {
    const clerk = await createAdminUser(sut.app, { role: 'staff', committeeId: subdistrictId });
    const { agent, response } = await login(server, clerk.username);
    expect(response.headers.location).toBe('/admin');
    await agent.get(LIST).expect(200);
  });

  it('should clear the second factor when a security admin resets the password', async () => {
    const guardId = (await guard(true)).user.id;
    const users = sut.dataSource.getRepository(AdminUser);
    expect((await users.findOneByOrFail({ id: guardId })).totpEnabledAt).not.toBeNull();
    await runAsSystem('test', () => sut.app.get(UserAdministrationService).resetPassword(guardId));
    const user = await users.findOneByOrFail({ id: guardId });
    expect(user).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
  });
});
