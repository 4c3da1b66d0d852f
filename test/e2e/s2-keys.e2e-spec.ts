import request from 'supertest';
import type { App } from 'supertest/types.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { ApiKey } from '../../src/modules/auth/api-key.entity.js';
import { ApiKeysService } from '../../src/modules/auth/api-keys.service.js';
import type { Role } from '../../src/common/roles.js';
import { UserAdministrationService } from '../../src/modules/auth/user-administration.service.js';
import { DeputiesService } from '../../src/modules/deputies/deputies.service.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

type Agent = ReturnType<typeof request.agent>;

interface RecordAnswer {
  notice?: { message: string; type: string };
  record: { id: string; params: Record<string, unknown>; errors: Record<string, unknown> };
}

const PHONE = '13812345678';
const LIMIT = 4;

/**
 * Regression tests for issue 10 (S2), findings 2, 5, 8, 9(a) and 10: what an outside probe did
 * with API keys and the administrators' accounts, and that it no longer works.
 */
describe(`S2 keys and administrators on ${testDialect()}`, () => {
  let sut: TestApp;
  let limited: TestApp;
  let server: App;
  let subdistrictId: number;
  let otherSubdistrictId: number;
  let deputyId: number;
  let secadmin: Agent;
  let sysadmin: Agent;
  const accounts: Record<string, AdminUser> = {};

  const users = () => sut.dataSource.getRepository(AdminUser);
  const keys = () => sut.dataSource.getRepository(ApiKey);
  const audits = (where: Partial<AuditLog>) =>
    sut.dataSource.getRepository(AuditLog).find({ where: where as never, order: { id: 'ASC' } });
  /** The newest audit row's id: what a test audits has a greater one, whatever ran before it. */
  const lastAuditId = async () =>
    (await sut.dataSource.getRepository(AuditLog).find({ order: { id: 'DESC' }, take: 1 }))[0]
      ?.id ?? 0;
  const post = (agent: Agent, path: string, form: Record<string, string>) =>
    agent.post(`/admin/api${path}`).type('form').send(form);
  const body = (answer: request.Response) => answer.body as RecordAnswer;
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

  async function makeUser(username: string, role: Role | null, committeeId: number | null) {
    accounts[username] = await sut.app.get(AdminUsersService).create({
      username,
      password: TEST_PASSWORD,
      role,
      committeeId,
    });
    return accounts[username];
  }

  /** A key as the CLI issues it: the system acting, holder named. */
  async function issue(scopes: string[], role: Role, holder: string, committeeId = subdistrictId) {
    const { key } = await runAsSystem('cli', () =>
      sut.app.get(ApiKeysService).issue({
        name: `s2 ${role} ${scopes.join(' ')}`,
        scopes,
        role,
        committeeId,
        holderId: accounts[holder].id,
      }),
    );
    return key;
  }

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    // A second instance on the same database with a small API rate limit (finding 10).
    limited = await createTestApp({
      database: sut.database,
      env: { API_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
    });
    server = sut.app.getHttpServer() as App;
    ({ subdistrictId } = await createOrganisation(sut.app));
    ({ subdistrictId: otherSubdistrictId } = await createOrganisation(sut.app, {
      district: '另一区人大常委会',
      subdistrict: '另一街道人大工委',
    }));
    deputyId = (
      await runAsSystem('test', () =>
        sut.app.get(DeputiesService).create({
          name: '王五',
          gender: 'male',
          level: 'district',
          committeeId: subdistrictId,
          phone: PHONE,
        }),
      )
    ).id;
    await makeUser('s2-sys', 'systemAdmin', null);
    await makeUser('s2-sec', 'securityAdmin', null);
    await makeUser('s2-aud', 'auditor', null);
    await makeUser('s2-head', 'committeeAdmin', subdistrictId);
    await makeUser('s2-clerk', 'staff', subdistrictId);
    sysadmin = (await login(server, 's2-sys')).agent;
    secadmin = (await login(server, 's2-sec')).agent;
  }, 120000);

  afterAll(async () => {
    await limited?.close();
    await sut?.close();
  });

  describe('finding 2: an API key has a business holder and never exceeds it', () => {
    it('should refuse the probe: a committeeAdmin key issued by the security admin for no one', async () => {
      const before = await keys().count();
      // Refusals other tests provoke (a CLI issue, another role) are not this test's.
      const since = await lastAuditId();
      const attempts: [Record<string, string>, string][] = [
        // The probe itself: no holder at all.
        [{}, 'holderId'],
        // The issuer as holder.
        [{ holderId: String(accounts['s2-sec'].id) }, 'holderId'],
        // A holder whose own role is below the key's.
        [{ holderId: String(accounts['s2-clerk'].id) }, 'role'],
        // A holder of another committee.
        [
          { holderId: String(accounts['s2-head'].id), committeeId: String(otherSubdistrictId) },
          'committeeId',
        ],
      ];
      for (const [extra, field] of attempts) {
        const answer = await post(secadmin, '/resources/ApiKey/actions/new', {
          name: '探测密钥',
          scopes: 'records:read,records:write',
          role: 'committeeAdmin',
          committeeId: String(subdistrictId),
          ...extra,
        });
        expect(Object.keys(body(answer).record?.errors ?? {})).toContain(field);
      }
      expect(await keys().count()).toBe(before);
      const refusals = (
        await audits({ action: 'apiKeyIssued', outcome: 'denied' } as never)
      ).filter((row) => row.id > since);
      expect(refusals).toHaveLength(attempts.length);
      expect(refusals.every((row) => row.actorName === 's2-sec')).toBe(true);

      // The CLI's path (the system acting) needs a holder too.
      await expect(
        runAsSystem('cli', () =>
          sut.app.get(ApiKeysService).issue({
            name: '无持有人',
            scopes: ['records:read'],
            role: 'districtViewer',
            committeeId: subdistrictId,
          } as Parameters<ApiKeysService['issue']>[0]),
        ),
      ).rejects.toMatchObject({ status: 400 });
    });

    it("should issue a key held by a business user, audited, and bound it by the holder's grant at every request", async () => {
      const holder = await makeUser('s2-holder', 'committeeAdmin', subdistrictId);
      const issued = await post(secadmin, '/resources/ApiKey/actions/new', {
        name: '工委对接',
        scopes: 'records:read,records:write',
        role: 'staff',
        committeeId: String(subdistrictId),
        holderId: String(holder.id),
      });
      const { record } = body(issued);
      expect(record.errors).toEqual({});
      const stored = await keys().findOneByOrFail({ id: Number(record.id) });
      expect(stored.holderId).toBe(holder.id);
      const rows = await audits({ action: 'apiKeyIssued', objectId: record.id } as never);
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0].detail ?? '{}')).toMatchObject({ holderId: holder.id });
      const shown = await secadmin.get(`/admin/api/resources/ApiKey/records/${record.id}/show`);
      const key = body(shown).record.params.oneTimeValue as string;
      await request(server).get('/api/v1/deputies').set(bearer(key)).expect(200);

      // The holder's grant shrinks below the key's role: the key stops working at once.
      await users().update({ id: holder.id }, { role: 'stationStaff' });
      await request(server).get('/api/v1/deputies').set(bearer(key)).expect(401);
      await users().update({ id: holder.id }, { role: 'committeeAdmin', enabled: false });
      await request(server).get('/api/v1/deputies').set(bearer(key)).expect(401);
      await users().update({ id: holder.id }, { enabled: true });
      await request(server).get('/api/v1/deputies').set(bearer(key)).expect(200);
    });
  });

  describe('a scope the role cannot use', () => {
    it('should refuse records:write for a role that writes nothing, and name the key’s role in a 403', async () => {
      await makeUser('viewer-holder', 'committeeAdmin', subdistrictId);
      await expect(
        issue(['records:read', 'records:write'], 'districtViewer', 'viewer-holder'),
      ).rejects.toMatchObject({
        status: 400,
        details: [{ field: 'scopes', problem: expect.stringContaining('不能修改记录') }],
      });
      // Station staff write activities but not deputies: the refusal names the key's role.
      const station = await issue(
        ['records:read', 'records:write'],
        'stationStaff',
        'viewer-holder',
      );
      const refused = await request(server)
        .post('/api/v1/deputies')
        .set(bearer(station))
        .send({ name: '不应保存', gender: 'male', level: 'district', committeeId: subdistrictId });
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).toContain('联络站人员');
    });
  });

  describe('finding 8: each operation declares its own scope', () => {
    it('should refuse a reveal to a key with records:write (the probe) or records:read', async () => {
      for (const scopes of [['records:write'], ['records:read', 'records:write']]) {
        const key = await issue(scopes, 'committeeAdmin', 's2-head');
        const answer = await request(server)
          .post(`/api/v1/deputies/${deputyId}/reveal`)
          .set(bearer(key));
        expect(answer.status).toBe(403);
        expect(JSON.stringify(answer.body)).not.toContain(PHONE);
      }
      const revealer = await issue(['personal:reveal'], 'committeeAdmin', 's2-head');
      const revealed = await request(server)
        .post(`/api/v1/deputies/${deputyId}/reveal`)
        .set(bearer(revealer))
        .expect(200);
      expect(revealed.body).toEqual({ id: deputyId, phone: PHONE, email: null });
      // personal:reveal reads nothing else.
      await request(server).get('/api/v1/deputies').set(bearer(revealer)).expect(403);
    });

    it('should need records:export for a bulk export', async () => {
      const reader = await issue(['records:read'], 'staff', 's2-clerk');
      const refused = await request(server).get('/api/v1/deputies/export').set(bearer(reader));
      expect(refused.status).toBe(403);
      const exporter = await issue(['records:export'], 'staff', 's2-clerk');
      const exported = await request(server).get('/api/v1/deputies/export').set(bearer(exporter));
      expect(exported.status).toBe(200);
    });

    it('should document the scope of every API operation', async () => {
      const docs = await request(server).get('/api/docs-json').expect(200);
      const paths = (
        docs.body as { paths: Record<string, Record<string, Record<string, unknown>>> }
      ).paths;
      const undeclared: string[] = [];
      for (const [path, operations] of Object.entries(paths)) {
        if (!path.startsWith('/api/v1/')) continue;
        for (const [method, operation] of Object.entries(operations)) {
          if (typeof operation['x-required-scope'] !== 'string') {
            undeclared.push(`${method} ${path}`);
          }
        }
      }
      expect(undeclared).toEqual([]);
      expect(paths['/api/v1/deputies/{id}/reveal'].post['x-required-scope']).toBe(
        'personal:reveal',
      );
      expect(paths['/api/v1/deputies/export'].get['x-required-scope']).toBe('records:export');
    });
  });

  describe('finding 10: rate limits by verified key, malformed headers refused', () => {
    /**
     * Both tests read one address's bucket on the limited instance, so the chronology is replayed
     * here, once, in the order the finding tells it: two padded headers, six junk ones, then a
     * genuine key's requests. Each test only asserts on what it saw, in any order or alone.
     */
    const statuses = { padded: [] as number[], junk: [] as number[], genuine: [] as number[] };

    beforeAll(async () => {
      const limitedServer = limited.app.getHttpServer() as App;
      const call = (authorization: string) =>
        request(limitedServer).get('/api/v1/committees').set('Authorization', authorization);
      const paddedKey = await issue(['records:read'], 'staff', 's2-clerk');
      for (let i = 0; i < 2; i += 1) {
        statuses.padded.push((await call(`Bearer ${paddedKey} ${i}`)).status);
      }
      const key = await issue(['records:read'], 'staff', 's2-clerk');
      for (let i = 0; i < 6; i += 1) statuses.junk.push((await call(`junk-${i}`)).status);
      // The genuine key has its own bucket, by key id.
      for (let i = 0; i <= LIMIT; i += 1) {
        statuses.genuine.push((await call(bearer(key).Authorization)).status);
      }
    });

    it('should refuse "Bearer <key> N" with 401 and bucket junk headers by address', () => {
      expect(statuses.padded).toEqual([401, 401]);
    });

    it('should count junk Authorization headers in the address bucket, and a genuine key in its own', () => {
      // The address's bucket already holds the two padded attempts.
      expect(statuses.junk).toEqual([401, 401, 429, 429, 429, 429]);
      expect(statuses.genuine).toEqual([200, 200, 200, 200, 429]);
    });
  });

  describe('finding 5: the three administrators cannot reset each other in the panel', () => {
    /** The auditor with a second factor, as after enrolling (idempotent). */
    const enrolAuditor = () =>
      users().update(
        { id: accounts['s2-aud'].id },
        { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date('2026-11-01T00:00:00Z') },
      );

    it("should refuse the security admin's reset of the auditor and the system admin, keep the second factor, and audit it", async () => {
      await enrolAuditor();
      // Resets and denials other tests cause (the CLI reset, a refused role) are not this test's.
      const since = await lastAuditId();
      for (const target of ['s2-aud', 's2-sys']) {
        const { id, passwordHash } = await users().findOneByOrFail({ username: target });
        const answer = await secadmin.post(
          `/admin/api/resources/AdminUser/records/${id}/resetPassword`,
        );
        expect(body(answer).notice).toMatchObject({ type: 'error' });
        expect(body(answer).notice?.message).toContain('命令行');
        const after = await users().findOneByOrFail({ id });
        expect(after.passwordHash).toBe(passwordHash);
        const shown = await secadmin.get(`/admin/api/resources/AdminUser/records/${id}/show`);
        expect(body(shown).record.params.oneTimeValue).toBeUndefined();
        const denials = (await audits({ action: 'denied', objectId: String(id) } as never)).filter(
          (row) => row.id > since,
        );
        expect(denials).toHaveLength(1);
        expect(denials[0]).toMatchObject({ outcome: 'denied', actorName: 's2-sec' });
        expect(JSON.parse(denials[0].detail ?? '{}')).toMatchObject({ action: 'resetPassword' });
      }
      expect((await users().findOneByOrFail({ username: 's2-aud' })).totpEnabledAt).not.toBeNull();
      expect(
        (await audits({ action: 'passwordReset' } as never)).filter((row) => row.id > since),
      ).toEqual([]);
    });

    it('should still reset a business account in the panel', async () => {
      const answer = await secadmin.post(
        `/admin/api/resources/AdminUser/records/${accounts['s2-clerk'].id}/resetPassword`,
      );
      expect(body(answer).notice).toMatchObject({ type: 'success' });
    });

    it('should reset an administrator from the server (CLI), keeping the second factor, audited as such', async () => {
      await enrolAuditor();
      const { temporaryPassword } = await runAsSystem('cli', () =>
        sut.app.get(UserAdministrationService).resetAdministratorPassword('s2-aud'),
      );
      expect(temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}aA1!$/);
      const after = await users().findOneByOrFail({ username: 's2-aud' });
      expect(after.mustChangePassword).toBe(true);
      expect(after.totpEnabledAt).not.toBeNull();
      const resets = await audits({
        action: 'passwordReset',
        objectId: String(after.id),
      } as never);
      expect(resets).toHaveLength(1);
      expect(resets[0]).toMatchObject({ actorKind: 'system', actorName: 'cli' });
      expect(JSON.parse(resets[0].detail ?? '{}')).toMatchObject({
        channel: 'cli',
        administrator: true,
        secondFactorKept: true,
      });
    });
  });

  describe('finding 9(a): refused role assignments are audited', () => {
    it('should audit a role assignment by the system admin and one to oneself', async () => {
      const clerk = accounts['s2-clerk'];
      const bySysadmin = await post(sysadmin, `/resources/AdminUser/records/${clerk.id}/edit`, {
        role: 'committeeAdmin',
      });
      expect(Object.keys(body(bySysadmin).record.errors)).toEqual(['role']);
      const sec = accounts['s2-sec'];
      const bySelf = await post(secadmin, `/resources/AdminUser/records/${sec.id}/edit`, {
        role: 'systemAdmin',
      });
      expect(Object.keys(body(bySelf).record.errors)).toEqual(['role']);

      const clerkDenials = await audits({ action: 'denied', objectId: String(clerk.id) } as never);
      expect(clerkDenials).toEqual([
        expect.objectContaining({
          outcome: 'denied',
          actorName: 's2-sys',
          objectType: 'adminUser',
        }),
      ]);
      expect(JSON.parse(clerkDenials[0].detail ?? '{}')).toMatchObject({
        action: 'assignRole',
        field: 'role',
      });
      const selfDenials = await audits({ action: 'denied', objectId: String(sec.id) } as never);
      expect(selfDenials).toEqual([
        expect.objectContaining({ outcome: 'denied', actorName: 's2-sec' }),
      ]);
    });
  });
});
