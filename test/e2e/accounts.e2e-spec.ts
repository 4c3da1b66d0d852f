import request from 'supertest';
import type { App } from 'supertest/types.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { ApiKey } from '../../src/modules/auth/api-key.entity.js';
import { AdminSession } from '../../src/database/session.entity.js';
import type { Role } from '../../src/common/roles.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

type Agent = ReturnType<typeof request.agent>;

interface RecordAnswer {
  redirectUrl?: string;
  notice?: { message: string; type: string };
  record: { id: string; params: Record<string, unknown>; errors: Record<string, unknown> };
}

const NEW_PASSWORD = 'Changed-Pass-2026#';

/** Account and key management in the admin panel: 三员分立 at work, end to end. */
describe(`account administration on ${testDialect()}`, () => {
  let sut: TestApp;
  let second: TestApp;
  let server: App;
  let secondServer: App;
  let subdistrictId: number;
  let sysadmin: Agent;
  let secadmin: Agent;

  const users = () => sut.dataSource.getRepository(AdminUser);
  const audits = (action: string) =>
    sut.dataSource.getRepository(AuditLog).find({ where: { action: action as never } });
  const post = (agent: Agent, path: string, form: Record<string, string>) =>
    agent.post(`/admin/api${path}`).type('form').send(form);
  const body = (answer: request.Response) => answer.body as RecordAnswer;

  async function makeUser(username: string, role: Role | null, committeeId: number | null) {
    return sut.app.get(AdminUsersService).create({
      username,
      password: TEST_PASSWORD,
      role,
      committeeId,
    });
  }

  /** The temporary password or key waiting on a record's show page (shown once). */
  async function oneTimeValue(agent: Agent, resource: string, id: number | string) {
    const shown = await agent.get(`/admin/api/resources/${resource}/records/${id}/show`);
    expect(shown.status).toBe(200);
    return body(shown).record.params.oneTimeValue as string | undefined;
  }

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    second = await createTestApp({ admin: true, database: sut.database });
    server = sut.app.getHttpServer() as App;
    secondServer = second.app.getHttpServer() as App;
    ({ subdistrictId } = await createOrganisation(sut.app));
    await makeUser('sys', 'systemAdmin', null);
    await makeUser('sec', 'securityAdmin', null);
    sysadmin = (await login(server, 'sys')).agent;
    secadmin = (await login(server, 'sec')).agent;
  }, 60000);

  afterAll(async () => {
    await second?.close();
    await sut?.close();
  });

  it('should create the missing administrators with random passwords to change at first login', async () => {
    const created = await sut.app.get(AdminUsersService).ensureAdministrators();
    // sys and sec exist: only the auditor is missing.
    expect(created.map((account) => [account.role, account.username])).toEqual([
      ['auditor', 'auditor'],
    ]);
    expect(created[0].password).toMatch(/^[A-Za-z0-9_-]{16}aA1!$/);
    expect(await sut.app.get(AdminUsersService).ensureAdministrators()).toEqual([]);
    const first = await login(server, 'auditor', created[0].password);
    expect((await first.agent.get('/admin')).headers.location).toBe('/admin/change-password');
  });

  it('should let the system admin register an account whose temporary password shows once', async () => {
    const created = await post(sysadmin, '/resources/AdminUser/actions/new', {
      username: 'newbie',
      displayName: '新同事',
      email: 'newbie@example.org',
      committeeId: String(subdistrictId),
    });
    expect(created.status).toBe(200);
    const { record, redirectUrl } = body(created);
    expect(record.errors).toEqual({});
    expect(redirectUrl).toBe(`/admin/resources/AdminUser/records/${record.id}/show`);
    expect(JSON.stringify(created.body)).not.toMatch(/passwordHash|argon2/);

    const password = await oneTimeValue(sysadmin, 'AdminUser', record.id);
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}aA1!$/);
    expect(await oneTimeValue(sysadmin, 'AdminUser', record.id)).toBeUndefined();
    // Another instance (another session) never sees it either.
    expect(await users().findOneByOrFail({ username: 'newbie' })).toMatchObject({
      email: 'newbie@example.org',
      role: null,
      mustChangePassword: true,
      committeeId: subdistrictId,
    });

    const first = await login(secondServer, 'newbie', password);
    expect(first.response.status).toBe(302);
    const page = await first.agent.get('/admin');
    expect(page.headers.location).toBe('/admin/change-password');

    const creations = await audits('create');
    expect(creations.filter((row) => row.objectType === 'adminUser')).toEqual([
      expect.objectContaining({
        actorName: 'sys',
        objectId: String(record.id),
        outcome: 'success',
      }),
    ]);
  });

  it('should keep the grant to the security admin, never to oneself, and end the sessions it changes', async () => {
    const clerk = await makeUser('clerk', 'staff', subdistrictId);
    const clerkSession = await login(secondServer, 'clerk');
    await clerkSession.agent.get('/admin/api/resources/Deputy/actions/list').expect(200);

    const bySysadmin = await post(sysadmin, `/resources/AdminUser/records/${clerk.id}/edit`, {
      role: 'committeeAdmin',
    });
    expect(Object.keys(body(bySysadmin).record.errors)).toEqual(['role']);
    expect((await users().findOneByOrFail({ id: clerk.id })).role).toBe('staff');

    const sec = await users().findOneByOrFail({ username: 'sec' });
    const bySelf = await post(secadmin, `/resources/AdminUser/records/${sec.id}/edit`, {
      role: 'systemAdmin',
    });
    expect(Object.keys(body(bySelf).record.errors)).toEqual(['role']);
    expect((await users().findOneByOrFail({ id: sec.id })).role).toBe('securityAdmin');

    const before = (await audits('roleChange')).length;
    const granted = await post(secadmin, `/resources/AdminUser/records/${clerk.id}/edit`, {
      role: 'committeeAdmin',
      committeeId: String(subdistrictId),
      username: 'clerk',
    });
    expect(body(granted).record.errors).toEqual({});
    expect((await users().findOneByOrFail({ id: clerk.id })).role).toBe('committeeAdmin');
    const changes = await audits('roleChange');
    expect(changes).toHaveLength(before + 1);
    expect(JSON.parse(changes.at(-1)?.detail ?? '{}')).toMatchObject({
      role: ['staff', 'committeeAdmin'],
    });
    // The session that began under the old role has ended, on the other instance too.
    const after = await clerkSession.agent.get('/admin/api/resources/Deputy/actions/list');
    expect(after.status).toBe(401);

    const renamed = await post(secadmin, `/resources/AdminUser/records/${clerk.id}/edit`, {
      username: 'someone-else',
    });
    expect(Object.keys(body(renamed).record.errors)).toEqual(['username']);
  });

  it('should let the system admin disable an account, ending its sessions, but not their own', async () => {
    const leaver = await makeUser('leaver', 'staff', subdistrictId);
    const session = await login(server, 'leaver');
    const badEmail = await post(sysadmin, `/resources/AdminUser/records/${leaver.id}/edit`, {
      email: 'not-an-address',
    });
    expect(Object.keys(body(badEmail).record.errors)).toEqual(['email']);
    const disabled = await post(sysadmin, `/resources/AdminUser/records/${leaver.id}/edit`, {
      enabled: 'false',
      email: 'leaver@example.org',
    });
    expect(body(disabled).record.errors).toEqual({});
    expect((await users().findOneByOrFail({ id: leaver.id })).email).toBe('leaver@example.org');
    expect((await session.agent.get('/admin/api/resources/Deputy/actions/list')).status).toBe(401);
    expect((await login(server, 'leaver')).response.status).toBe(401);

    const sys = await users().findOneByOrFail({ username: 'sys' });
    const self = await post(sysadmin, `/resources/AdminUser/records/${sys.id}/edit`, {
      enabled: 'false',
    });
    expect(Object.keys(body(self).record.errors)).toEqual(['enabled']);
    expect((await users().findOneByOrFail({ id: sys.id })).enabled).toBe(true);
  });

  it('should unlock a locked account and reset a password to one shown once', async () => {
    const forgetful = await makeUser('forgetful', 'staff', subdistrictId);
    for (let i = 0; i < 5; i += 1) await login(server, 'forgetful', 'Wrong-Pass-0000!');
    expect((await login(server, 'forgetful')).response.status).toBe(429);

    const bySysadmin = await sysadmin.post(
      `/admin/api/resources/AdminUser/records/${forgetful.id}/unlock`,
    );
    expect(bySysadmin.status).toBe(403);

    const unlocked = await secadmin.post(
      `/admin/api/resources/AdminUser/records/${forgetful.id}/unlock`,
    );
    expect(unlocked.status).toBe(200);
    expect(body(unlocked).notice?.message).toBe('已解除锁定');
    expect((await login(server, 'forgetful')).response.status).toBe(302);
    expect((await audits('unlock')).map((row) => row.objectId)).toEqual([String(forgetful.id)]);

    const reset = await secadmin.post(
      `/admin/api/resources/AdminUser/records/${forgetful.id}/resetPassword`,
    );
    expect(body(reset).redirectUrl).toBe(`/admin/resources/AdminUser/records/${forgetful.id}/show`);
    const temporary = await oneTimeValue(secadmin, 'AdminUser', forgetful.id);
    expect(temporary).toBeDefined();
    expect(await oneTimeValue(secadmin, 'AdminUser', forgetful.id)).toBeUndefined();
    expect((await login(server, 'forgetful')).response.status).toBe(401);
    const fresh = await login(server, 'forgetful', temporary);
    const change = await fresh.agent.post('/admin/change-password').type('form').send({
      currentPassword: temporary,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(change.status).toBe(302);
    expect((await audits('passwordReset')).map((row) => row.actorName)).toEqual(['sec']);
    // Nine argon2 logins: over 5 s on a loaded 2-core machine.
  }, 60000);

  it('should issue an API key in the panel, shown once, and revoke it on every instance at once', async () => {
    const bySysadmin = await post(sysadmin, '/resources/ApiKey/actions/new', {
      name: '区大屏',
      scopes: 'records:read',
      role: 'districtViewer',
      committeeId: String(subdistrictId),
    });
    expect(bySysadmin.status).toBe(403);

    const holder = await makeUser('dashboard', 'districtViewer', subdistrictId);
    const issued = await post(secadmin, '/resources/ApiKey/actions/new', {
      name: '区大屏',
      scopes: 'records:read, reports:read',
      role: 'districtViewer',
      committeeId: String(subdistrictId),
      holderId: String(holder.id),
    });
    const { record } = body(issued);
    expect(record.errors).toEqual({});
    expect(JSON.stringify(issued.body)).not.toMatch(/secretHash/);
    const key = await oneTimeValue(secadmin, 'ApiKey', record.id);
    expect(key).toMatch(/^rw_/);
    expect(await oneTimeValue(secadmin, 'ApiKey', record.id)).toBeUndefined();

    const auth = { Authorization: `Bearer ${key}` };
    await request(server).get('/api/v1/committees').set(auth).expect(200);
    await request(secondServer).get('/api/v1/committees').set(auth).expect(200);

    const revoked = await secadmin.post(`/admin/api/resources/ApiKey/records/${record.id}/revoke`);
    expect(revoked.status).toBe(200);
    await request(server).get('/api/v1/committees').set(auth).expect(401);
    await request(secondServer).get('/api/v1/committees').set(auth).expect(401);
    const stored = await sut.dataSource.getRepository(ApiKey).findOneByOrFail({
      id: Number(record.id),
    });
    expect(stored.revokedAt).not.toBeNull();
    expect((await audits('apiKeyRevoked')).map((row) => row.actorName)).toEqual(['sec']);
  });

  it('should list live sessions without their data and let the security admin end one', async () => {
    await makeUser('watched', 'staff', subdistrictId);
    const watched = await login(secondServer, 'watched');
    const list = await secadmin.get('/admin/api/resources/AdminSession/actions/list?perPage=100');
    expect(list.status).toBe(200);
    const records = (list.body as { records: RecordAnswer['record'][] }).records;
    const row = records.find((r) => r.params.username === 'watched');
    expect(row?.params).toMatchObject({ role: '工作人员' });
    expect(JSON.stringify(list.body)).not.toMatch(/"json"|cookie|adminUser/);

    const bySysadmin = await sysadmin.post(
      `/admin/api/resources/AdminSession/records/${row?.id}/endSession`,
    );
    expect(bySysadmin.status).toBe(403);
    const ended = await secadmin.post(
      `/admin/api/resources/AdminSession/records/${row?.id}/endSession`,
    );
    expect(ended.status).toBe(200);
    const next = await watched.agent.get('/admin/api/resources/Deputy/actions/list');
    expect(next.status).not.toBe(200);
    const endings = await audits('sessionEnded');
    expect(endings).toHaveLength(1);
    // The trail names the session by the digest the panel shows, never by its id (the cookie).
    const stored = await sut.dataSource.getRepository(AdminSession).find({ withDeleted: true });
    for (const session of stored) expect(endings[0].detail).not.toContain(session.id);
    expect(endings[0].detail).toContain(String(row?.id));
  });
});
