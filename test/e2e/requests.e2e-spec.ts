import request from 'supertest';
import type { App } from 'supertest/types.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { LoginAttempt } from '../../src/modules/auth/login-attempt.entity.js';
import { DeputiesService } from '../../src/modules/deputies/deputies.service.js';
import { Deputy } from '../../src/modules/deputies/deputy.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { sessionCookie, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/** Rate limits, proxies, caching and denials: what every request goes through. */
describe(`request hardening on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let subdistrictId: number;
  let otherSubdistrictId: number;
  let deputyId: number;
  let staffKey: string;

  const auditRows = (action: string) =>
    sut.dataSource.getRepository(AuditLog).find({ where: { action: action as never } });

  beforeAll(async () => {
    sut = await createTestApp({
      admin: true,
      env: {
        API_RATE_LIMIT_PER_MINUTE: '5',
        LOGIN_RATE_LIMIT_PER_MINUTE: '4',
        TRUST_PROXY: 'loopback',
        SESSION_COOKIE_SECURE: 'true',
      },
    });
    server = sut.app.getHttpServer() as App;
    ({ subdistrictId } = await createOrganisation(sut.app));
    ({ subdistrictId: otherSubdistrictId } = await createOrganisation(sut.app, {
      district: '另一区人大常委会',
      subdistrict: '另一街道人大工委',
    }));
    staffKey = await issueKey(sut.app, ['records:read', 'records:write'], {
      role: 'staff',
      committeeId: subdistrictId,
    });
    deputyId = (
      await runAsSystem('test', () =>
        sut.app.get(DeputiesService).create({
          name: '王五',
          gender: 'male',
          level: 'district',
          committeeId: subdistrictId,
        }),
      )
    ).id;
    await sut.app.get(AdminUsersService).create({
      username: 'rq-staff',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId: subdistrictId,
    });
  }, 60000);

  afterAll(async () => {
    await sut?.close();
  });

  // Each test below uses its own client address (X-Forwarded-For, believed from loopback), so
  // the per-address login limit of one test does not spill into another.
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  /**
   * This app's cookie is Secure, which a client keeps for HTTPS only: requests come "through the
   * proxy" (X-Forwarded-Proto: https) and carry the cookie by hand.
   */
  async function httpsSession(username: string, address: string) {
    const answer = await request(server)
      .post('/admin/login')
      .set({ ...from(address), 'X-Forwarded-Proto': 'https' })
      .type('form')
      .send({ email: username, password: TEST_PASSWORD })
      .expect(302);
    const cookie = sessionCookie(answer) ?? '';
    const headers = { ...from(address), 'X-Forwarded-Proto': 'https', Cookie: cookie };
    return {
      get: (path: string) => request(server).get(path).set(headers),
      post: (path: string) => request(server).post(path).set(headers),
    };
  }

  it('should mark API answers and admin pages no-store, but not static assets', async () => {
    const api = await request(server)
      .get(`/api/v1/deputies/${deputyId}`)
      .set('Authorization', `Bearer ${staffKey}`)
      .expect(200);
    expect(api.headers['cache-control']).toBe('no-store');
    const page = await request(server).get('/admin/login').set(from('198.51.100.1'));
    expect(page.headers['cache-control']).toBe('no-store');
    const health = await request(server).get('/health/live').expect(200);
    expect(health.headers['cache-control']).toBeUndefined();
  });

  it('should admit only its own nonced scripts on admin pages', async () => {
    const answers = await Promise.all([
      request(server).get('/admin/login').set(from('198.51.100.2')),
      request(server).get('/admin/login').set(from('198.51.100.2')),
    ]);
    const nonces = answers.map((answer) => {
      const policy = String(answer.headers['content-security-policy']);
      const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scriptSrc).not.toContain('unsafe-inline');
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1] ?? '';
      const scripts = answer.text.match(/<script[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(answer.text).not.toMatch(/fonts\.googleapis|fonts\.gstatic/);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("should leave records' text alone in the admin API's JSON", async () => {
    const odd = await runAsSystem('test', () =>
      sut.app.get(DeputiesService).create({
        name: '王<script>五',
        gender: 'male',
        level: 'district',
        committeeId: subdistrictId,
      }),
    );
    const staff = await httpsSession('rq-staff', '192.0.2.13');
    const shown = await staff.get(`/admin/api/resources/Deputy/records/${odd.id}/show`).expect(200);
    expect((shown.body as { record: { params: { name: string } } }).record.params.name).toBe(
      '王<script>五',
    );
  });

  it('should serve the panel its fonts itself, cacheable', async () => {
    const page = await request(server).get('/admin/login').set(from('198.51.100.3'));
    expect(page.text).toContain('href="/admin/fonts/roboto.css"');
    const css = await request(server).get('/admin/fonts/roboto.css').expect(200);
    expect(css.headers['content-type']).toContain('text/css');
    const font = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(css.text)?.[1];
    expect(font).toBe('roboto-latin-300-normal.woff2');
    const file = await request(server).get(`/admin/fonts/files/${font}`).expect(200);
    expect(file.headers['cache-control']).toContain('max-age');
  });

  it('should refuse API requests beyond the per-key limit with 429, other keys unaffected', async () => {
    const key = await issueKey(sut.app, ['records:read'], {
      role: 'staff',
      committeeId: subdistrictId,
    });
    const answers: request.Response[] = [];
    for (let i = 0; i < 7; i += 1) {
      answers.push(
        await request(server).get('/api/v1/committees').set('Authorization', `Bearer ${key}`),
      );
    }
    const statuses = answers.map((answer) => answer.status);
    expect(answers[5].body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect((answers[5].body as { message: string }).message).toMatch(/请求过于频繁.*Too many/);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const other = await issueKey(sut.app, ['records:read'], {
      role: 'staff',
      committeeId: subdistrictId,
    });
    await request(server)
      .get('/api/v1/committees')
      .set('Authorization', `Bearer ${other}`)
      .expect(200);
    for (let i = 0; i < 7; i += 1) await request(server).get('/health/live').expect(200);
  });

  it('should refuse login posts from one address beyond the limit, before checking passwords', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const answer = await request(server)
        .post('/admin/login')
        .set(from('203.0.113.50'))
        .type('form')
        .send({ email: 'nobody', password: 'wrong-password' });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const logged = await sut.dataSource.getRepository(LoginAttempt).countBy({ ip: '203.0.113.50' });
    expect(logged).toBe(4);
    // Another address still logs in.
    const agent = request.agent(server);
    await agent
      .post('/admin/login')
      .set(from('203.0.113.51'))
      .type('form')
      .send({ email: 'rq-staff', password: TEST_PASSWORD })
      .expect(302);
  });

  it('should take the client address from the trusted proxy and set Secure cookies behind HTTPS', async () => {
    const answer = await request(server)
      .post('/admin/login')
      .set({ ...from('192.0.2.77'), 'X-Forwarded-Proto': 'https' })
      .type('form')
      .send({ email: 'rq-staff', password: TEST_PASSWORD })
      .expect(302);
    const cookie = ([] as string[]).concat(answer.headers['set-cookie'] ?? []).join(';');
    expect(cookie).toMatch(/renda\.sid=.*;.*Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const attempt = await sut.dataSource
      .getRepository(LoginAttempt)
      .findOneByOrFail({ username: 'rq-staff', ip: '192.0.2.77' });
    expect(attempt.outcome).toBe('success');
  });

  it('should audit each permission denial on the API with the actor, and change nothing', async () => {
    const before = (await auditRows('denied')).length;
    const refused = await request(server)
      .delete(`/api/v1/deputies/${deputyId}`)
      .set('Authorization', `Bearer ${staffKey}`)
      .set(from('192.0.2.10'));
    expect(refused.status).toBe(403);
    const denials = await auditRows('denied');
    expect(denials).toHaveLength(before + 1);
    expect(denials.at(-1)).toMatchObject({
      actorKind: 'apiKey',
      outcome: 'denied',
      ip: '192.0.2.10',
    });
    expect(denials.at(-1)?.detail).toContain(`/api/v1/deputies/${deputyId}`);
    expect(await sut.dataSource.getRepository(Deputy).existsBy({ id: deputyId })).toBe(true);
  });

  it('should audit an admin panel denial naming the resource', async () => {
    const staff = await httpsSession('rq-staff', '192.0.2.11');
    const before = (await auditRows('denied')).length;
    const refused = await staff.post(`/admin/api/resources/Deputy/records/${deputyId}/delete`);
    expect(refused.status).toBe(403);
    const denials = await auditRows('denied');
    expect(denials).toHaveLength(before + 1);
    expect(denials.at(-1)).toMatchObject({
      actorKind: 'user',
      actorName: 'rq-staff',
      objectType: 'deputy',
      objectId: String(deputyId),
      outcome: 'denied',
    });
  });

  it('should leave a row unchanged when an admin edit carries fields the form does not offer', async () => {
    const staff = await httpsSession('rq-staff', '192.0.2.12');
    const deputies = sut.dataSource.getRepository(Deputy);
    const before = await deputies.findOneByOrFail({ id: deputyId });
    const answer = await staff
      .post(`/admin/api/resources/Deputy/records/${deputyId}/edit`)
      .type('form')
      .send({
        committeeId: String(otherSubdistrictId),
        id: '424242',
        createdAt: '2001-01-01T00:00:00Z',
        phoneHash: 'f'.repeat(64),
      });
    expect(JSON.stringify(answer.body)).toMatch(/committeeId/);
    const after = await deputies
      .createQueryBuilder('deputy')
      .addSelect('deputy.phoneHash')
      .where({ id: deputyId })
      .getOneOrFail();
    expect(after).toMatchObject({
      committeeId: before.committeeId,
      createdAt: before.createdAt,
      phoneHash: null,
    });

    // A user's own role and committee are not theirs to edit.
    const self = await sut.dataSource.getRepository(AdminUser).findOneByOrFail({
      username: 'rq-staff',
    });
    const escalate = await staff
      .post(`/admin/api/resources/AdminUser/records/${self.id}/edit`)
      .type('form')
      .send({ role: 'systemAdmin', committeeId: '' });
    expect(escalate.status).toBe(403);
    expect(await sut.dataSource.getRepository(AdminUser).findOneByOrFail({ id: self.id })).toEqual(
      self,
    );
  });
});
