import { Writable } from 'node:stream';
import { jest } from '@jest/globals';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { Attendance } from '../../src/modules/activities/attendance.entity.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { CommitteesService } from '../../src/modules/committees/committees.service.js';
import { DeputiesService } from '../../src/modules/deputies/deputies.service.js';
import { createActivity } from '../factories/activity.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/**
 * Regression tests for findings 6, 15, 16, 18 and 20 of the outside security probe (issue 10):
 * each reproduces the attack and fails on the code before its fix.
 */
describe(`S2 data findings on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  const logLines: string[] = [];
  let districtId: number;
  let aId: number;
  let bId: number;
  let keyA: string;
  let keyB: string;
  let keyDistrict: string;
  let kindId: number;
  let deputyA: number;
  let deputyB: number;
  let activityA: number;

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const lastAudit = async (objectType: string, objectId: number, action: string) => {
    const rows = await sut.dataSource.getRepository(AuditLog).find({
      where: { objectType, objectId: String(objectId), action: action as never },
      order: { id: 'DESC' },
      take: 1,
    });
    return rows[0];
  };
  const activityBody = (committeeId: number, extra: object = {}) => ({
    committeeId,
    kindId,
    title: `S2 活动 ${committeeId}`,
    startsAt: '2026-03-10T10:00:00+08:00',
    status: 'held',
    ...extra,
  });
  const createDeputy = async (key: string, committeeId: number, extra: object = {}) => {
    const created = await request(server)
      .post('/api/v1/deputies')
      .set(auth(key))
      .send({ name: '代表', gender: 'female', level: 'district', committeeId, ...extra })
      .expect(201);
    return created.body as Record<string, unknown> & { id: number };
  };

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    sut = await createTestApp({ admin: true, env: { LOG_LEVEL: 'info' }, logSink: sink });
    server = sut.app.getHttpServer() as App;
    const organisation = await createOrganisation(sut.app, {
      district: 'S2区人大常委会',
      subdistrict: 'A街道人大工委',
    });
    districtId = organisation.districtId;
    aId = organisation.subdistrictId;
    bId = (
      await runAsSystem('test', () =>
        sut.app
          .get(CommitteesService)
          .create({ name: 'B街道人大工委', kind: 'subdistrict', parentId: districtId }),
      )
    ).id;
    const scopes = ['records:read', 'records:write', 'personal:reveal'];
    keyA = await issueKey(sut.app, scopes, { role: 'committeeAdmin', committeeId: aId });
    keyB = await issueKey(sut.app, scopes, { role: 'committeeAdmin', committeeId: bId });
    keyDistrict = await issueKey(sut.app, scopes, {
      role: 'committeeAdmin',
      committeeId: districtId,
    });
    const users = sut.app.get(AdminUsersService);
    await users.create({
      username: 's2-staff-a',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId: aId,
    });
    await users.create({
      username: 's2-admin-a',
      password: TEST_PASSWORD,
      role: 'committeeAdmin',
      committeeId: aId,
    });
    const kinds = await request(server).get('/api/v1/activity-kinds').set(auth(keyA)).expect(200);
    kindId = (kinds.body as { items: { id: number; code: string }[] }).items.find(
      (kind) => kind.code === 'work_meeting',
    )!.id;
    deputyA = (await createDeputy(keyA, aId, { name: 'A代表' })).id;
    deputyB = (await createDeputy(keyB, bId, { name: 'B代表' })).id;
    const activity = await request(server)
      .post('/api/v1/activities')
      .set(auth(keyA))
      .send(activityBody(aId, { title: 'A工委的秘密活动' }))
      .expect(201);
    activityA = (activity.body as { id: number }).id;
  }, 120000);

  afterAll(async () => {
    await sut?.close();
  });

  describe('#6 attendance across committees', () => {
    const MISSING = 987654;
    /** The answer with the deputy id replaced, to compare an out-of-scope id with a missing one. */
    const shape = (body: unknown, id: number) =>
      JSON.stringify(body).replaceAll(String(id), '<id>');

    it('should answer another committee’s deputy exactly like a missing one (API, one row)', async () => {
      const missing = await request(server)
        .post(`/api/v1/activities/${activityA}/attendance`)
        .set(auth(keyA))
        .send({ deputyId: MISSING, status: 'attended' });
      const foreign = await request(server)
        .post(`/api/v1/activities/${activityA}/attendance`)
        .set(auth(keyA))
        .send({ deputyId: deputyB, status: 'attended' });
      expect(foreign.status).toBe(missing.status);
      expect(foreign.status).toBe(422);
      expect(shape(foreign.body, deputyB)).toBe(shape(missing.body, MISSING));
      expect(await sut.dataSource.getRepository(Attendance).countBy({ deputyId: deputyB })).toBe(0);
    });

    it('should refuse a bulk upsert naming another committee’s deputy, writing nothing', async () => {
      const answer = await request(server)
        .put(`/api/v1/activities/${activityA}/attendance`)
        .set(auth(keyA))
        .send({
          items: [
            { deputyId: deputyA, status: 'attended' },
            { deputyId: deputyB, status: 'leave' },
          ],
        });
      expect(answer.status).toBe(422);
      expect((answer.body as { details: { field: string }[] }).details).toEqual([
        expect.objectContaining({ field: 'items.1.deputyId' }),
      ]);
      expect(
        await sut.dataSource.getRepository(Attendance).countBy({ activityId: activityA }),
      ).toBe(0);
    });

    it('should refuse another committee’s deputy in the admin panel too', async () => {
      const { agent } = await login(server, 's2-staff-a');
      const answer = await agent
        .post('/admin/api/resources/Attendance/actions/new')
        .type('form')
        .send({ activityId: String(activityA), deputyId: String(deputyB), status: 'attended' });
      const errors = (answer.body as { record?: { errors?: Record<string, unknown> } }).record
        ?.errors;
      expect(Object.keys(errors ?? {})).toEqual(['deputyId']);
      expect(await sut.dataSource.getRepository(Attendance).countBy({ deputyId: deputyB })).toBe(0);
    });

    it('should keep a district actor to the activity’s own committee subtree', async () => {
      // Its own activities and B deputy: the rows it writes stay out of the other tests' counts.
      const ownA = (await createActivity(sut.app, { committeeId: aId, kindId })).id;
      const ownDistrict = (await createActivity(sut.app, { committeeId: districtId, kindId })).id;
      const deputyOfB = (await createDeputy(keyB, bId)).id;
      // B's deputy at A's activity: both in the district's scope, but A's activity is not B's.
      await request(server)
        .post(`/api/v1/activities/${ownA}/attendance`)
        .set(auth(keyDistrict))
        .send({ deputyId: deputyOfB, status: 'attended' })
        .expect(422);
      // A district activity may take any deputy of the district's subdistricts.
      await request(server)
        .post(`/api/v1/activities/${ownDistrict}/attendance`)
        .set(auth(keyDistrict))
        .send({ deputyId: deputyOfB, status: 'attended' })
        .expect(201);
      const own = await request(server)
        .post(`/api/v1/activities/${ownA}/attendance`)
        .set(auth(keyA))
        .send({ deputyId: deputyA, status: 'attended' })
        .expect(201);
      expect((own.body as { deputyId: number }).deputyId).toBe(deputyA);
    });

    it('should never show A’s activity in B’s deputy’s performance record', async () => {
      const record = await request(server)
        .get(`/api/v1/deputies/${deputyB}/performance?from=2026-01-01&to=2026-12-31`)
        .set(auth(keyB))
        .expect(200);
      expect(JSON.stringify(record.body)).not.toContain('A工委的秘密活动');
    });
  });

  describe('#15 personal query values in logs', () => {
    it('should redact a phone filter from the URL logged with a 500', async () => {
      const phone = '13912345678';
      const spy = jest
        .spyOn(sut.app.get(DeputiesService), 'list')
        .mockRejectedValueOnce(new Error('an unexpected failure'));
      try {
        await request(server)
          .get('/api/v1/deputies')
          .query({ phone, level: 'district' })
          .set(auth(keyA))
          .expect(500);
      } finally {
        spy.mockRestore();
      }
      const written = logLines.join('');
      expect(written).toContain('an unexpected failure');
      expect(written).toContain('/api/v1/deputies');
      expect(written).not.toContain(phone);
      // What is not personal stays readable for whoever debugs the failure.
      expect(written).toContain('level=district');
    });
  });

  describe('#16 hash columns in answers and audit diffs', () => {
    it('should never return phoneHash on create or update, nor audit it', async () => {
      const created = await createDeputy(keyA, aId, { name: '哈希', phone: '13800001111' });
      expect(Object.keys(created)).not.toContain('phoneHash');
      const snapshot = await lastAudit('deputy', created.id, 'create');
      expect(snapshot.detail).not.toContain('phoneHash');

      const noop = await request(server)
        .patch(`/api/v1/deputies/${created.id}`)
        .set(auth(keyA))
        .send({ name: '哈希', phone: '13800001111' })
        .expect(200);
      expect(Object.keys(noop.body as object)).not.toContain('phoneHash');
      const unchanged = await lastAudit('deputy', created.id, 'update');
      expect(JSON.parse(unchanged.detail ?? 'null')).toEqual({});

      const changed = await request(server)
        .patch(`/api/v1/deputies/${created.id}`)
        .set(auth(keyA))
        .send({ phone: '13800002222' })
        .expect(200);
      expect(Object.keys(changed.body as object)).not.toContain('phoneHash');
      const diff = await lastAudit('deputy', created.id, 'update');
      expect(JSON.parse(diff.detail ?? 'null')).toEqual({
        phone: ['138****1111', '138****2222'],
      });
    });
  });

  describe('#18 long and control-character input', () => {
    it('should refuse control characters with a 400 naming the field (API and admin)', async () => {
      const answer = await request(server)
        .post('/api/v1/activities')
        .set(auth(keyA))
        .send(activityBody(aId, { summary: '\u0001'.repeat(11000) }));
      expect(answer.status).toBe(400);
      expect((answer.body as { details: { field: string }[] }).details).toEqual([
        expect.objectContaining({ field: 'summary' }),
      ]);
      const title = await request(server)
        .post('/api/v1/activities')
        .set(auth(keyA))
        .send(activityBody(aId, { title: 'a\u0000b' }));
      expect(title.status).toBe(400);
      expect(JSON.stringify(title.body)).toContain('"field":"title"');

      const { agent } = await login(server, 's2-staff-a');
      const admin = await agent
        .post(`/admin/api/resources/Activity/records/${activityA}/edit`)
        .type('form')
        .send({ summary: 'x\u0007y' });
      expect(Object.keys((admin.body as { record: { errors: object } }).record.errors)).toEqual([
        'summary',
      ]);
    });

    it('should keep tabs and line breaks', async () => {
      const created = await request(server)
        .post('/api/v1/activities')
        .set(auth(keyA))
        .send(activityBody(aId, { summary: '一、\t议程\r\n二、讨论\n' }))
        .expect(201);
      expect((created.body as { summary: string }).summary).toBe('一、\t议程\r\n二、讨论\n');
    });

    it('should store and edit the longest summary it accepts, with a bounded audit diff', async () => {
      const longest = 16000;
      const created = await request(server)
        .post('/api/v1/activities')
        .set(auth(keyA))
        .send(activityBody(aId, { summary: '𠮷'.repeat(longest) }));
      expect(created.status).toBe(201);
      const id = (created.body as { id: number }).id;
      const edited = await request(server)
        .patch(`/api/v1/activities/${id}`)
        .set(auth(keyA))
        .send({ summary: '中'.repeat(longest) });
      expect(edited.status).toBe(200);
      const diff = await lastAudit('activity', id, 'update');
      expect(diff.detail!.length).toBeLessThan(8000);
      expect(diff.detail).toContain('共 16000 字');
      const again = await request(server)
        .patch(`/api/v1/activities/${id}`)
        .set(auth(keyA))
        .send({ summary: '文'.repeat(12000) });
      expect(again.status).toBe(200);
    });

    it('should refuse a summary longer than the column holds with a 400, not a 500', async () => {
      const answer = await request(server)
        .post('/api/v1/activities')
        .set(auth(keyA))
        .send(activityBody(aId, { summary: '😀'.repeat(20000) }));
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('"field":"summary"');
    });
  });

  describe('#20 email masking and HSTS', () => {
    const EMAIL = 'zhang.san@example.org';
    const MASKED = 'z***@example.org';
    let id: number;

    beforeAll(async () => {
      id = (await createDeputy(keyA, aId, { name: '邮箱', email: EMAIL })).id;
    });

    it('should mask a deputy’s email in API answers and reveal it audited', async () => {
      const one = await request(server).get(`/api/v1/deputies/${id}`).set(auth(keyA)).expect(200);
      expect((one.body as { email: string }).email).toBe(MASKED);
      const list = await request(server)
        .get('/api/v1/deputies')
        .query({ committeeId: aId })
        .set(auth(keyA))
        .expect(200);
      expect(JSON.stringify(list.body)).not.toContain(EMAIL);
      expect(JSON.stringify(list.body)).toContain(MASKED);
      const patched = await request(server)
        .patch(`/api/v1/deputies/${id}`)
        .set(auth(keyA))
        .send({ occupation: '教师' })
        .expect(200);
      expect(JSON.stringify(patched.body)).not.toContain(EMAIL);
      const revealed = await request(server)
        .post(`/api/v1/deputies/${id}/reveal`)
        .set(auth(keyA))
        .expect(200);
      expect(revealed.body).toMatchObject({ id, email: EMAIL });
    });

    it('should mask the email in the admin panel and keep it out of the audit trail', async () => {
      const { agent } = await login(server, 's2-admin-a');
      const list = await agent.get('/admin/api/resources/Deputy/actions/list').expect(200);
      expect(JSON.stringify(list.body)).not.toContain(EMAIL);
      const show = await agent.get(`/admin/api/resources/Deputy/records/${id}/show`).expect(200);
      expect(JSON.stringify(show.body)).not.toContain(EMAIL);
      const revealed = await agent.post(`/admin/api/resources/Deputy/records/${id}/reveal`);
      expect((revealed.body as { notice: { message: string } }).notice.message).toContain(EMAIL);
      const rows = await sut.dataSource.getRepository(AuditLog).find();
      for (const row of rows) expect(row.detail ?? '').not.toContain(EMAIL);
    });

    it('should send Strict-Transport-Security only over HTTPS or with secure cookies', async () => {
      const plain = await request(server).get('/health/live');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      // Without TRUST_PROXY a client's X-Forwarded-Proto is not believed.
      const spoofed = await request(server).get('/health/live').set('X-Forwarded-Proto', 'https');
      expect(spoofed.headers['strict-transport-security']).toBeUndefined();

      const proxied = await createTestApp({
        database: sut.database,
        env: { TRUST_PROXY: 'loopback' },
      });
      try {
        const behind = proxied.app.getHttpServer() as App;
        const https = await request(behind).get('/health/live').set('X-Forwarded-Proto', 'https');
        expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        const http = await request(behind).get('/health/live').set('X-Forwarded-Proto', 'http');
        expect(http.headers['strict-transport-security']).toBeUndefined();
      } finally {
        await proxied.close();
      }

      const secure = await createTestApp({
        database: sut.database,
        env: { SESSION_COOKIE_SECURE: 'true' },
      });
      try {
        const always = await request(secure.app.getHttpServer() as App).get('/health/live');
        expect(always.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      } finally {
        await secure.close();
      }
    }, 60000);
  });
});
