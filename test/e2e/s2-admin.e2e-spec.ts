import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbstractLoader } from '@adminjs/nestjs';
import type AdminJS from 'adminjs';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { ADMIN_RESOURCES, BUILT_IN_ACTIONS } from '../../src/admin/admin-access.js';
import type { AdminExpressLoader } from '../../src/admin/admin-express.loader.js';
import { AdminSession } from '../../src/database/session.entity.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { can, type Action } from '../../src/platform/access/permissions.js';
import { ROLES, type Role } from '../../src/common/roles.js';
import { DeputiesService } from '../../src/modules/deputies/deputies.service.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createOpinion, createSupervisionActivity } from '../factories/supervision.factory.js';
import { createStation } from '../factories/station.factory.js';
import { createVoterIssue, issueCategoryId } from '../factories/voter-issue.factory.js';
import { createHandlingUnit, createSuggestion } from '../factories/suggestion.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

type Agent = ReturnType<typeof request.agent>;
interface ListedRecord {
  id: string;
  params: Record<string, unknown>;
}

// Uploads wait in a folder of their own (ADMIN_UPLOAD_DIR); before the fix they went to the
// system's temp folder: look in both, for files of this test's odd sizes.
const UPLOADS = mkdtempSync(join(tmpdir(), 's2-admin-uploads-'));
const SIZES = { anonymous: 524_287, small: 4_093 };
const uploads = () =>
  [UPLOADS, tmpdir()].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.startsWith('upload_'))
      .map((name) => join(dir, name))
      .filter((path) => {
        try {
          return Object.values(SIZES).includes(statSync(path).size);
        } catch {
          return false;
        }
      }),
  );

const XSS_NAME = '</script><script>alert(1)</script>';
const EVIL = 'https://evil.example';

/** The back office against the attacks of issue 10 (#3, #4, #7, #9b, #12, #17). */
describe(`admin back office hardening on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let admin: AdminJS;
  let districtId: number;
  const agents = new Map<Role, Agent>();

  const auditCount = () => sut.dataSource.getRepository(AuditLog).count();
  const as = (role: Role) => {
    const agent = agents.get(role);
    if (!agent) throw new Error(`no agent for ${role}`);
    return agent;
  };

  beforeAll(async () => {
    // Left over by an earlier run on the unfixed code.
    for (const path of uploads()) rmSync(path, { force: true });
    sut = await createTestApp({ admin: true, env: { ADMIN_UPLOAD_DIR: UPLOADS } });
    server = sut.app.getHttpServer() as App;
    admin = sut.app.get<AdminExpressLoader>(AbstractLoader, { strict: false }).admin;
    ({ districtId } = await createOrganisation(sut.app));
    const users = sut.app.get(AdminUsersService);
    for (const role of ROLES) {
      const administrator = ['systemAdmin', 'securityAdmin', 'auditor'].includes(role);
      await users.create({
        username: `u-${role}`,
        password: TEST_PASSWORD,
        role,
        committeeId: administrator ? null : districtId,
      });
      const { agent, response } = await login(server, `u-${role}`);
      if (response.status !== 302) throw new Error(`u-${role} could not log in`);
      agents.set(role, agent);
    }
    for (const username of ['victim', 'watched']) {
      await users.create({
        username,
        password: TEST_PASSWORD,
        role: 'staff',
        committeeId: districtId,
      });
    }
    await runAsSystem('test', () =>
      sut.app.get(DeputiesService).create({
        name: '测试代表',
        gender: 'female',
        level: 'district',
        committeeId: districtId,
        phone: '13812345678',
      }),
    );
    await issueKey(sut.app, ['records:read'], { role: 'staff', committeeId: districtId });
    // [M1] supervision: an opinion for the workflow steps (custom record actions) to act on.
    const supervision = await createSupervisionActivity(sut.app, { committeeId: districtId });
    await createOpinion(sut.app, { supervisionActivityId: supervision.id });
    // [M2] outreach: a voter issue for its steps and reveal (custom record actions) to act on.
    await createVoterIssue(sut.app, {
      committeeId: districtId,
      categoryId: await issueCategoryId(sut.app),
    });
    // [M2] stations: a station for its reveal action.
    await createStation(sut.app, { committeeId: districtId });
    // [M2] suggestions: a handling unit (reveal) and a suggestion for its workflow steps.
    await createHandlingUnit(sut.app);
    const lead = await runAsSystem('test', () =>
      sut.app.get(DeputiesService).create({
        name: '建议领衔代表',
        gender: 'male',
        level: 'district',
        committeeId: districtId,
      }),
    );
    await createSuggestion(sut.app, { leadDeputyId: lead.id });
  }, 120000);

  afterAll(async () => {
    await sut?.close();
  });

  /** Every custom action of the registered AdminJS resources, with a role allowed to run it. */
  function customActions(): { resourceId: string; name: string; type: string; role: Role }[] {
    const found: { resourceId: string; name: string; type: string; role: Role }[] = [];
    for (const resource of admin.resources) {
      const resourceId = resource.id();
      for (const action of Object.values(resource.decorate().actions)) {
        if ((BUILT_IN_ACTIONS as readonly string[]).includes(action.name)) continue;
        const role = ROLES.find((r) => can(r, ADMIN_RESOURCES[resourceId], action.name as Action));
        if (!role) throw new Error(`${resourceId}.${action.name}: no role may run it`);
        found.push({
          resourceId,
          name: action.name,
          type: String(action.toJSON().actionType),
          role,
        });
      }
    }
    return found;
  }

  /** A record the action's role sees (the victim's own where there is one). */
  async function recordFor(agent: Agent, resourceId: string): Promise<string> {
    const list = await agent.get(`/admin/api/resources/${resourceId}/actions/list?perPage=100`);
    expect(list.status).toBe(200);
    const records = (list.body as { records: ListedRecord[] }).records;
    const record = records.find((r) => r.params.username === 'victim') ?? records[0];
    if (!record) throw new Error(`no ${resourceId} record to act on`);
    return record.id;
  }

  describe('#3 custom actions are POST-only and same-origin', () => {
    it('should refuse GET (405) and a cross-site POST (403) on every custom action, changing nothing', async () => {
      // A session of the victim, so the online-sessions view has a row to act on.
      await login(server, 'victim');
      const actions = customActions();
      expect(actions.map((a) => `${a.resourceId}.${a.name}`)).toEqual(
        expect.arrayContaining(['ApiKey.revoke', 'AdminUser.unlock', 'AdminSession.endSession']),
      );
      const targets: { label: string; role: Role; path: string }[] = [];
      for (const action of actions) {
        const base = `/admin/api/resources/${action.resourceId}`;
        const path =
          action.type === 'record'
            ? `${base}/records/${await recordFor(as(action.role), action.resourceId)}/${action.name}`
            : action.type === 'bulk'
              ? `${base}/bulk/${action.name}?recordIds=${await recordFor(as(action.role), action.resourceId)}`
              : `${base}/actions/${action.name}`;
        targets.push({ label: `${action.resourceId}.${action.name}`, role: action.role, path });
      }
      const before = await auditCount();
      const answers: string[] = [];
      for (const { label, role, path } of targets) {
        const agent = as(role);
        const get = await agent.get(path);
        answers.push(`${label} GET ${get.status}`);
        const forged = await agent.post(path).set('Origin', EVIL).type('form').send({});
        answers.push(`${label} POST Origin ${forged.status}`);
        const fetched = await agent
          .post(path)
          .set('Sec-Fetch-Site', 'cross-site')
          .type('form')
          .send({});
        answers.push(`${label} POST Sec-Fetch-Site ${fetched.status}`);
        const referred = await agent
          .post(path)
          .set('Referer', `${EVIL}/page`)
          .type('form')
          .send({});
        answers.push(`${label} POST Referer ${referred.status}`);
      }
      expect(answers).toEqual(
        targets.flatMap(({ label }) => [
          `${label} GET 405`,
          `${label} POST Origin 403`,
          `${label} POST Sec-Fetch-Site 403`,
          `${label} POST Referer 403`,
        ]),
      );
      expect(await auditCount()).toBe(before);

      // The panel's own POST (same origin) still runs each of them.
      for (const { label, role, path } of targets) {
        const done = await as(role).post(path).set('Sec-Fetch-Site', 'same-origin').send();
        expect(`${label} ${done.status}`).toBe(`${label} 200`);
      }
      expect(await auditCount()).toBeGreaterThan(before);
    }, 120000);
  });

  describe('#4 uploads', () => {
    const upload = (agent: Agent, bytes: number) =>
      agent
        .post('/admin/api/resources/Deputy/actions/new')
        .field('name', '')
        .attach('photo', Buffer.alloc(bytes, 'x'), 'photo.jpg');

    it('should not read, keep or echo an upload without a login', async () => {
      const answer = await upload(request.agent(server), SIZES.anonymous);
      expect([302, 401]).toContain(answer.status);
      expect(uploads()).toEqual([]);
    });

    it('should cap uploads, delete temp files after the request and never echo their path', async () => {
      const small = await upload(as('staff'), SIZES.small);
      expect(small.text).not.toContain(UPLOADS);
      expect(small.text).not.toMatch(/upload_[0-9a-f]{8,}/);
      const big = await upload(as('staff'), 3 * 1024 * 1024);
      expect(big.status).toBe(413);
      expect(big.text).not.toContain(UPLOADS);
      // Deleted once the answer is sent (the close event may follow the response by a tick).
      for (let i = 0; i < 50 && uploads().length > 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(uploads()).toEqual([]);
    }, 30000);
  });

  describe('#7 user text in the page', () => {
    it('should neither break out of the inline state nor give an injected script the nonce', async () => {
      await sut.app.get(AdminUsersService).create({
        username: 'mallory',
        displayName: XSS_NAME,
        password: TEST_PASSWORD,
        role: 'staff',
        committeeId: districtId,
      });
      const { agent } = await login(server, 'mallory');
      const page = await agent.get('/admin');
      expect(page.status).toBe(200);
      const policy = String(page.headers['content-security-policy']);
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
      expect(page.text).not.toContain('<script>alert(1)');
      expect(page.text).not.toMatch(/<script[^>]*>alert\(1\)/);
      // Every script that carries the nonce is one the server wrote itself.
      const nonced = [...page.text.matchAll(/<script nonce="([^"]+)"([^>]*)>([^<]{0,40})/g)];
      expect(nonced.length).toBeGreaterThan(0);
      for (const [, value, attributes, start] of nonced) {
        expect(value).toBe(nonce);
        expect(`${attributes}|${start}`).toMatch(
          /^ src="\/admin\/[^"]+"\||^\|\s*(window\.REDUX_STATE|var app = document)/,
        );
      }
      // The name is still there, as text of a JSON string.
      expect(page.text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    }, 30000);
  });

  describe('#9b the admin API path in another case', () => {
    it('should refuse /admin/API/... and audit the refusal', async () => {
      const before = await sut.dataSource
        .getRepository(AuditLog)
        .count({ where: { action: 'denied' as never } });
      const paths = [
        '/admin/API/resources/AdminUser/actions/list',
        '/admin/Api/resources/AdminUser/actions/list',
        '/admin/api/RESOURCES/AdminUser/actions/list',
      ];
      for (const path of paths) {
        const answer = await as('staff').get(path);
        expect(`${path} ${answer.status}`).toBe(`${path} 404`);
        expect(JSON.stringify(answer.body)).not.toMatch(/"records"|passwordHash|u-securityAdmin/);
      }
      const denied = await sut.dataSource
        .getRepository(AuditLog)
        .count({ where: { action: 'denied' as never } });
      expect(denied - before).toBe(paths.length);
    });
  });

  describe('#12 filters on hidden fields', () => {
    it('should refuse a filter, search or sort on a field that is not listed, giving no oracle', async () => {
      const security = as('securityAdmin');
      const refused = [
        '/admin/api/resources/AdminUser/actions/list?filters.passwordHash=%24argon2',
        '/admin/api/resources/AdminUser/actions/list?filters.passwordHash=zzzz',
        '/admin/api/resources/AdminUser/actions/list?filters.totpSecret=A',
        '/admin/api/resources/AdminUser/actions/list?sortBy=passwordHash',
        '/admin/api/resources/AdminUser/actions/search/%24argon2?searchProperty=passwordHash',
        '/admin/api/resources/AdminSession/actions/list?filters.json=adminUser',
        '/admin/api/resources/ApiKey/actions/list?filters.secretHash=a',
      ];
      for (const path of refused) {
        const answer = await security.get(path);
        expect(`${path} ${answer.status}`).toBe(`${path} 400`);
        expect(JSON.stringify(answer.body)).not.toMatch(/"records"/);
      }
      const phone = await as('committeeAdmin').get(
        '/admin/api/resources/Deputy/actions/list?filters.phoneHash=a',
      );
      expect(phone.status).toBe(400);
      // Listed filters still work.
      const listed = await security.get(
        '/admin/api/resources/AdminUser/actions/list?filters.username=victim',
      );
      expect(listed.status).toBe(200);
      const records = (listed.body as { records: ListedRecord[] }).records;
      expect(records.map((r) => r.params.username)).toEqual(['victim']);
    });
  });

  describe('#17 session ids and logged-out sessions', () => {
    it('should show sessions by a short digest, never the raw id, and end one by it', async () => {
      const watched = await login(server, 'watched');
      const list = await as('securityAdmin').get(
        '/admin/api/resources/AdminSession/actions/list?perPage=100',
      );
      expect(list.status).toBe(200);
      const records = (list.body as { records: ListedRecord[] }).records;
      const raw = (await sut.dataSource.getRepository(AdminSession).find()).map((s) => s.id);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        expect(record.id).toMatch(/^[0-9a-f]{16}$/);
        for (const id of raw) expect(JSON.stringify(record)).not.toContain(id);
      }
      const shown = await as('securityAdmin').get(
        `/admin/api/resources/AdminSession/records/${records[0].id}/show`,
      );
      expect(shown.status).toBe(200);
      for (const id of raw) expect(shown.text).not.toContain(id);

      const before = await watched.agent.get('/admin/api/resources/Deputy/actions/list');
      expect(before.status).toBe(200);
      const mine = records.filter((r) => r.params.username === 'watched');
      for (const record of mine) {
        const ended = await as('securityAdmin').post(
          `/admin/api/resources/AdminSession/records/${record.id}/endSession`,
        );
        expect(ended.status).toBe(200);
      }
      const after = await watched.agent.get('/admin/api/resources/Deputy/actions/list');
      expect(after.status).not.toBe(200);
    }, 60000);

    it('should keep no user data in a session after logout or an ended session', async () => {
      const { agent } = await login(server, 'u-auditor');
      await agent.get('/admin/api/resources/AuditLog/actions/list').expect(200);
      const logout = await agent.post('/admin/logout');
      expect(logout.status).toBe(302);
      const sessions = await sut.dataSource.getRepository(AdminSession).find({ withDeleted: true });
      const leftovers = sessions.filter(
        (session) => session.destroyedAt && session.json.includes('adminUser'),
      );
      expect(leftovers.map((session) => session.json.slice(0, 80))).toEqual([]);
    }, 30000);
  });
});
