import request from 'supertest';
import type { App } from 'supertest/types.js';
import { FixedClock } from '../../src/common/clock.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import {
  ADMIN_RESOURCES,
  BUILT_IN_ACTIONS,
  CUSTOM_RECORD_ACTIONS,
  CUSTOM_RESOURCE_ACTIONS,
} from '../../src/admin/admin-access.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import {
  API_KEY_ROLES,
  can,
  mayWriteRecords,
  type Action,
  type ResourceId,
} from '../../src/platform/access/permissions.js';
import { ROLES } from '../../src/common/roles.js';
import { DeputiesService } from '../../src/modules/deputies/deputies.service.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';
import { login, sessionCookie, TEST_PASSWORD } from '../support/admin-login.js';

const PASSWORD = TEST_PASSWORD;
const MISSING = 999999;

describe(`security on ${testDialect()}`, () => {
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  let sut: TestApp;
  let second: TestApp;
  let server: App;
  let districtId: number;
  let subdistrictId: number;
  let foreignDeputyId: number;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock });
    // A second instance on the same database, as behind a load balancer.
    second = await createTestApp({ admin: true, clock, database: sut.database });
    server = sut.app.getHttpServer() as App;
    ({ districtId, subdistrictId } = await createOrganisation(sut.app));
    const other = await createOrganisation(sut.app, {
      district: '另一区人大常委会',
      subdistrict: '另一街道人大工委',
    });
    const foreign = await runAsSystem('test', () =>
      sut.app.get(DeputiesService).create({
        name: '外区代表',
        gender: 'female',
        level: 'district',
        committeeId: other.subdistrictId,
        phone: '13812341234',
      }),
    );
    foreignDeputyId = foreign.id;
    const users = sut.app.get(AdminUsersService);
    for (const role of ROLES) {
      await users.create({
        username: `u-${role}`,
        password: PASSWORD,
        role,
        committeeId: ['systemAdmin', 'securityAdmin', 'auditor'].includes(role) ? null : districtId,
      });
    }
  }, 60000);

  afterAll(async () => {
    await second?.close();
    await sut?.close();
  });

  describe('permission matrix, admin panel API', () => {
    const paths: Record<(typeof BUILT_IN_ACTIONS)[number], (r: string) => [string, string]> = {
      list: (r) => ['get', `/admin/api/resources/${r}/actions/list`],
      search: (r) => ['get', `/admin/api/resources/${r}/actions/search/x`],
      new: (r) => ['post', `/admin/api/resources/${r}/actions/new`],
      show: (r) => ['get', `/admin/api/resources/${r}/records/${MISSING}/show`],
      edit: (r) => ['get', `/admin/api/resources/${r}/records/${MISSING}/edit`],
      delete: (r) => ['post', `/admin/api/resources/${r}/records/${MISSING}/delete`],
      bulkDelete: (r) => ['get', `/admin/api/resources/${r}/bulk/bulkDelete?recordIds=${MISSING}`],
    };

    it.each(ROLES)('should give %s exactly the actions of the permission table', async (role) => {
      const { agent, response } = await login(server, `u-${role}`);
      expect(response.status).toBe(302);
      const mismatches: string[] = [];
      for (const [adminId, resource] of Object.entries(ADMIN_RESOURCES)) {
        for (const action of BUILT_IN_ACTIONS) {
          const [method, path] = paths[action](adminId);
          const answer =
            method === 'get' ? await agent.get(path) : await agent.post(path).type('form').send({});
          const allowed = can(role, resource, action);
          if (allowed === (answer.status === 403)) {
            mismatches.push(`${adminId}.${action}: ${answer.status}`);
          }
          if (answer.status === 403 && /"params"|"records"/.test(JSON.stringify(answer.body))) {
            mismatches.push(`${adminId}.${action}: record data in a 403`);
          }
        }
        for (const action of CUSTOM_RESOURCE_ACTIONS[adminId] ?? []) {
          const answer = await agent.get(`/admin/api/resources/${adminId}/actions/${action}`);
          if (can(role, resource, action) === (answer.status === 403)) {
            mismatches.push(`${adminId}.${action}: ${answer.status}`);
          }
        }
        for (const action of CUSTOM_RECORD_ACTIONS[adminId] ?? []) {
          const answer = await agent.get(
            `/admin/api/resources/${adminId}/records/${MISSING}/${action}`,
          );
          if (can(role, resource, action) === (answer.status === 403)) {
            mismatches.push(`${adminId}.${action}: ${answer.status}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });

    it("should answer 404 for another committee's record, never its data", async () => {
      const { agent } = await login(server, 'u-committeeAdmin');
      const answer = await agent
        .get(`/admin/api/resources/Deputy/records/${foreignDeputyId}/show`)
        .expect(404);
      expect(JSON.stringify(answer.body)).not.toContain('外区代表');
      const list = await agent.get('/admin/api/resources/Deputy/actions/list').expect(200);
      expect(JSON.stringify(list.body)).not.toContain('外区代表');
    });
  });

  describe('permission matrix, REST API', () => {
    const endpoints: [string, ResourceId][] = [
      ['committees', 'committee'],
      ['communities', 'community'],
      ['terms', 'term'],
      ['deputy-groups', 'deputyGroup'],
      ['deputies', 'deputy'],
      ['activities', 'activity'],
      ['dictionaries', 'dictionary'],
      ['dictionary-items', 'dictionaryItem'],
    ];
    const calls: [Action, string, (p: string) => string][] = [
      ['list', 'get', (p) => `/api/v1/${p}`],
      ['show', 'get', (p) => `/api/v1/${p}/${MISSING}`],
      ['new', 'post', (p) => `/api/v1/${p}`],
      ['edit', 'patch', (p) => `/api/v1/${p}/${MISSING}`],
      ['delete', 'delete', (p) => `/api/v1/${p}/${MISSING}`],
    ];

    it.each(API_KEY_ROLES)('should give a %s key exactly its actions', async (role) => {
      // A role that writes nothing gets no write scope (refused at issue): its writes answer 403.
      const scopes = mayWriteRecords(role) ? ['records:read', 'records:write'] : ['records:read'];
      const key = await issueKey(sut.app, scopes, { role: role, committeeId: districtId });
      const mismatches: string[] = [];
      for (const [path, resource] of endpoints) {
        for (const [action, method, url] of calls) {
          const client = request(server);
          const send = {
            get: client.get.bind(client),
            post: client.post.bind(client),
            patch: client.patch.bind(client),
            delete: client.delete.bind(client),
          }[method as 'get' | 'post' | 'patch' | 'delete'];
          const call = send(url(path)).set('Authorization', `Bearer ${key}`);
          const answer = method === 'get' || method === 'delete' ? await call : await call.send({});
          // An action no key's role may perform is not routed at all (404); the others answer
          // 403 exactly when this role lacks the permission.
          const expected = !API_KEY_ROLES.some((r) => can(r, resource, action))
            ? 404
            : can(role, resource, action)
              ? 'allowed'
              : 403;
          const got =
            answer.status === 403
              ? 403
              : answer.status === 404 && expected === 404
                ? 404
                : 'allowed';
          if (got !== expected) mismatches.push(`${path}.${action}: ${answer.status}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('should refuse administrator roles for API keys', async () => {
      await expect(
        issueKey(sut.app, ['records:read'], { role: 'systemAdmin', committeeId: districtId }),
      ).rejects.toMatchObject({ status: 400 });
    });

    it("should answer 404 for another committee's record through the API", async () => {
      const key = await issueKey(sut.app, ['records:read'], {
        role: 'districtViewer',
        committeeId: districtId,
      });
      const answer = await request(server)
        .get(`/api/v1/deputies/${foreignDeputyId}`)
        .set('Authorization', `Bearer ${key}`)
        .expect(404);
      expect(JSON.stringify(answer.body)).not.toContain('外区代表');
    });
  });

  describe('sessions', () => {
    it('should change the session id at login and share the session across instances', async () => {
      const before = await request(server).get('/admin/login');
      const preCookie = sessionCookie(before);
      const { agent, response } = await login(server, 'u-staff');
      const postCookie = sessionCookie(response);
      expect(postCookie).toBeDefined();
      expect(postCookie).not.toBe(preCookie);
      const secondServer = second.app.getHttpServer() as App;
      await request(secondServer)
        .get('/admin/api/resources/Deputy/actions/list')
        .set('Cookie', postCookie!)
        .expect(200);
      await agent.post('/admin/logout').expect(302);
      await request(secondServer)
        .get('/admin/api/resources/Deputy/actions/list')
        .set('Cookie', postCookie!)
        .expect((answer) => expect([302, 401]).toContain(answer.status));
    });

    it('should end an idle session after SESSION_IDLE_MINUTES', async () => {
      const { agent } = await login(server, 'u-districtViewer');
      await agent.get('/admin/api/resources/Deputy/actions/list').expect(200);
      clock.advance(31 * 60_000);
      const after = await agent.get('/admin/api/resources/Deputy/actions/list');
      expect(after.status).toBe(401);
    });

    it('should refuse a cross-site POST even with a valid session cookie', async () => {
      const { agent } = await login(server, 'u-committeeAdmin');
      await agent
        .post('/admin/api/resources/DeputyGroup/actions/new')
        .set('Origin', 'http://evil.example')
        .type('form')
        .send({ name: '跨站', committeeId: String(subdistrictId) })
        .expect(403);
      const groups = await sut.dataSource.query(
        `SELECT COUNT(*) AS n FROM deputy_group WHERE name = '跨站'`,
      );
      expect(Number((groups as { n: number | string }[])[0].n)).toBe(0);
    });
  });

  describe('lockout', () => {
    it('should lock after 5 failures spread over two instances, for real users and unknown names alike', async () => {
      const secondServer = second.app.getHttpServer() as App;
      for (const [index, target] of [
        server,
        secondServer,
        server,
        secondServer,
        server,
      ].entries()) {
        const { response } = await login(target, 'u-auditor', `wrong-${index}`);
        expect(response.status).toBe(401);
      }
      const locked = await login(secondServer, 'u-auditor');
      expect(locked.response.status).toBe(429);
      for (let i = 0; i < 5; i += 1) await login(server, 'nobody-here', 'x');
      const unknown = await login(server, 'nobody-here', 'x');
      expect(unknown.response.status).toBe(429);
      clock.advance(16 * 60_000);
      const after = await login(secondServer, 'u-auditor');
      expect(after.response.status).toBe(302);
      const rows = await sut.dataSource.getRepository(AuditLog).findBy({ action: 'lockout' });
      expect(rows.map((row) => row.objectId).sort()).toEqual(['nobody-here', 'u-auditor']);
    });
  });

  describe('audit trail', () => {
    it('should write exactly one complete row per write, personal data masked', async () => {
      const key = await issueKey(sut.app, ['records:read', 'records:write'], {
        role: 'committeeAdmin',
        committeeId: districtId,
      });
      const created = await request(server)
        .post('/api/v1/deputies')
        .set('Authorization', `Bearer ${key}`)
        .send({
          name: '审计代表',
          gender: 'male',
          level: 'district',
          committeeId: subdistrictId,
          phone: '13900001111',
        })
        .expect(201);
      const id = String((created.body as { id: number }).id);
      const rows = await sut.dataSource
        .getRepository(AuditLog)
        .findBy({ objectType: 'deputy', objectId: id });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: 'create',
        actorKind: 'apiKey',
        outcome: 'success',
        actorCommitteeId: districtId,
      });
      expect(rows[0].ip).toBeTruthy();
      expect(rows[0].detail).toContain('139****1111');
      expect(rows[0].detail).not.toContain('13900001111');
    });

    it('should roll the change back when the audit row cannot be written', async () => {
      const key = await issueKey(sut.app, ['records:read', 'records:write'], {
        role: 'committeeAdmin',
        committeeId: districtId,
      });
      await sut.dataSource.query('ALTER TABLE audit_log RENAME TO audit_log_away');
      try {
        await request(server)
          .post('/api/v1/deputy-groups')
          .set('Authorization', `Bearer ${key}`)
          .send({ name: '无审计不成立', committeeId: subdistrictId })
          .expect(500);
      } finally {
        await sut.dataSource.query('ALTER TABLE audit_log_away RENAME TO audit_log');
      }
      const groups = await sut.dataSource.query(
        `SELECT COUNT(*) AS n FROM deputy_group WHERE name = '无审计不成立'`,
      );
      expect(Number((groups as { n: number | string }[])[0].n)).toBe(0);
    });
  });
});
