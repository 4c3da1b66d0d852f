import request from 'supertest';
import type { App } from 'supertest/types.js';
import { DomainError } from '../../src/common/errors.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { CommitteesService } from '../../src/modules/committees/committees.service.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

interface Body {
  code?: string;
  message?: string;
  details?: { field: string; problem: string }[];
  items?: Record<string, unknown>[];
  total?: number;
  [key: string]: unknown;
}

describe(`REST API on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let writer: string;
  let reader: string;
  let districtId: number;
  let subdistrictId: number;
  let meetingKindId: number;

  const api = {
    get: (path: string, key = reader) =>
      request(server).get(`/api/v1${path}`).set('Authorization', `Bearer ${key}`),
    post: (path: string, body: object, key = writer) =>
      request(server).post(`/api/v1${path}`).set('Authorization', `Bearer ${key}`).send(body),
    put: (path: string, body: object) =>
      request(server).put(`/api/v1${path}`).set('Authorization', `Bearer ${writer}`).send(body),
    patch: (path: string, body: object) =>
      request(server).patch(`/api/v1${path}`).set('Authorization', `Bearer ${writer}`).send(body),
    delete: (path: string) =>
      request(server).delete(`/api/v1${path}`).set('Authorization', `Bearer ${writer}`),
  };
  const body = (response: request.Response): Body => response.body as Body;

  beforeAll(async () => {
    sut = await createTestApp();
    server = sut.app.getHttpServer() as App;
    ({ districtId, subdistrictId } = await createOrganisation(sut.app, {
      district: '某某区人大常委会',
      subdistrict: '𠮷祥街道人大工委',
    }));
    writer = await issueKey(sut.app, ['records:read', 'records:write'], {
      role: 'committeeAdmin',
      committeeId: districtId,
    });
    reader = await issueKey(sut.app, ['records:read'], {
      role: 'districtViewer',
      committeeId: districtId,
    });
    const kinds = await api.get('/activity-kinds').expect(200);
    meetingKindId = body(kinds).items!.find((kind) => kind.code === 'work_meeting')!.id as number;
  });

  afterAll(async () => {
    await sut.close();
  });

  describe('authentication', () => {
    it('should answer 401 without a key and with a made-up key', async () => {
      await request(server).get('/api/v1/committees').expect(401);
      const response = await request(server)
        .get('/api/v1/committees')
        .set('Authorization', 'Bearer rw_nope')
        .expect(401);
      expect(body(response).code).toBe('UNAUTHORIZED');
    });

    it('should refuse a key sent in the query string', async () => {
      const response = await request(server)
        .get(`/api/v1/committees?api_key=${reader}`)
        .expect(401);
      expect(body(response).message).toContain('Authorization');
    });

    it('should answer 403 when the key lacks the write scope, and write nothing', async () => {
      const response = await api
        .post('/deputy-groups', { name: '越权', committeeId: subdistrictId }, reader)
        .expect(403);
      expect(body(response).code).toBe('FORBIDDEN');
      const list = await api.get('/deputy-groups?pageSize=200').expect(200);
      expect(body(list).items!.map((item) => item.name)).not.toContain('越权');
    });

    it('should keep health open and publish the OpenAPI document', async () => {
      await request(server).get('/health/live').expect(200);
      await request(server).get('/health/ready').expect(200);
      const docs = await request(server).get('/api/docs-json').expect(200);
      const paths = Object.keys((docs.body as { paths: object }).paths);
      expect(paths).toEqual(
        expect.arrayContaining(['/api/v1/deputies', '/api/v1/activities/{id}/attendance']),
      );
    });
  });

  describe('validation and errors', () => {
    it('should list each bad field with a bilingual message', async () => {
      const response = await api
        .post('/deputies', {
          name: 'x'.repeat(51),
          gender: 'other',
          level: 'district',
          committeeId: 'one',
          extra: 1,
        })
        .expect(400);
      const fields = body(response).details!.map((detail) => detail.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'gender', 'committeeId', 'extra']));
      expect(body(response).message).toBe('输入有误 / Invalid input');
      expect(body(response).details![0].problem).toMatch(/[\u4e00-\u9fa5].* \/ /);
    });

    it('should refuse impossible dates and instants without an offset', async () => {
      const bad = await api
        .post('/activities', {
          committeeId: subdistrictId,
          kindId: meetingKindId,
          title: 't',
          startsAt: '2020-03-31 23:30',
          status: 'held',
        })
        .expect(400);
      expect(body(bad).details!.map((d) => d.field)).toEqual(['startsAt']);
      const date = await api
        .post('/deputies', {
          name: '王五',
          gender: 'male',
          level: 'district',
          committeeId: subdistrictId,
          birthDate: '2021-02-29',
        })
        .expect(400);
      expect(body(date).details!.map((d) => d.field)).toEqual(['birthDate']);
    });

    it('should answer 404 for a missing record, 422 for a missing reference', async () => {
      await api.get('/deputies/999999').expect(404);
      await api.get('/deputies/abc').expect(400);
      const response = await api
        .post('/deputies', { name: '李四', gender: 'male', level: 'district', committeeId: 999999 })
        .expect(422);
      expect(body(response).details![0].field).toBe('committeeId');
    });

    it('should enforce the committee tree', async () => {
      // Only the system administrator keeps the organisation's structure, in the panel: the API
      // has no such operation.
      await api.post('/committees', { name: '无上级街道', kind: 'subdistrict' }).expect(404);
      const committees = sut.app.get(CommitteesService);
      const orphan = await runAsSystem('test', () =>
        committees.create({ name: '无上级街道', kind: 'subdistrict' }),
      ).catch((error: unknown) => error);
      expect(orphan).toBeInstanceOf(DomainError);
      expect((orphan as DomainError).details[0].field).toBe('parentId');
      const duplicate = await runAsSystem('test', () =>
        committees.create({ name: '某某区人大常委会', kind: 'district' }),
      ).catch((error: unknown) => error);
      expect((duplicate as DomainError).status).toBe(409);
    });

    it('should paginate, filter and sort only by allowed fields', async () => {
      const page = await api.get('/committees?page=1&pageSize=1&sort=-name').expect(200);
      expect(body(page)).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(body(page).items).toHaveLength(1);
      const filtered = await api.get(`/committees?kind=subdistrict`).expect(200);
      expect(body(filtered).items!.map((item) => item.id)).toEqual([subdistrictId]);
      const sort = await api.get('/committees?sort=passwordHash').expect(400);
      expect(body(sort).details![0].field).toBe('sort');
      await api.get('/committees?pageSize=201').expect(400);
    });
  });

  describe('deputies, activities and attendance', () => {
    let deputyIds: number[];
    let activityId: number;

    beforeAll(async () => {
      deputyIds = [];
      for (const [name, phone] of [
        ['王𡒄', '13812341234'],
        ['赵䶮', '13900001111'],
        ['钱👍', null],
      ] as const) {
        const response = await api
          .post('/deputies', {
            name,
            gender: 'female',
            level: 'district',
            committeeId: subdistrictId,
            phone,
          })
          .expect(201);
        deputyIds.push(body(response).id as number);
      }
    });

    it('should round-trip 4-byte names and mask phones in answers', async () => {
      const one = await api.get(`/deputies/${deputyIds[0]}`).expect(200);
      expect(body(one)).toMatchObject({
        name: '王𡒄',
        phone: '138****1234',
        committeeId: subdistrictId,
        status: 'serving',
      });
      const list = await api
        .get(`/deputies?committeeId=${subdistrictId}&name=${encodeURIComponent('䶮')}`)
        .expect(200);
      expect(body(list).items!.map((d) => d.name)).toEqual(['赵䶮']);
      expect(JSON.stringify(body(list))).not.toContain('13900001111');
    });

    it('should keep instants exact and answer them with the China offset', async () => {
      const response = await api
        .post('/activities', {
          committeeId: subdistrictId,
          kindId: meetingKindId,
          title: '第一季度代表工作会议',
          startsAt: '2020-03-31T15:30:00Z',
          endsAt: '2020-03-31T23:30:00Z',
          status: 'held',
        })
        .expect(201);
      activityId = body(response).id as number;
      const fetched = await api.get(`/activities/${activityId}`).expect(200);
      expect(body(fetched)).toMatchObject({
        startsAt: '2020-03-31T23:30:00.000+08:00',
        endsAt: '2020-04-01T07:30:00.000+08:00',
        committeeId: subdistrictId,
        kindId: meetingKindId,
      });
      const q1 = await api
        .get(`/activities?committeeId=${subdistrictId}&from=2020-03-31&to=2020-03-31`)
        .expect(200);
      expect(body(q1).items!.map((a) => a.id)).toEqual([activityId]);
      const april = await api
        .get(`/activities?committeeId=${subdistrictId}&from=2020-04-01`)
        .expect(200);
      expect(body(april).total).toBe(0);
    });

    it('should refuse an activity that ends before it starts', async () => {
      const response = await api
        .post('/activities', {
          committeeId: subdistrictId,
          kindId: meetingKindId,
          title: '倒序',
          startsAt: '2020-05-01T10:00:00+08:00',
          endsAt: '2020-05-01T09:00:00+08:00',
          status: 'planned',
        })
        .expect(422);
      expect(body(response).details![0].field).toBe('endsAt');
    });

    it('should upsert attendance in bulk, all or nothing', async () => {
      const first = await api
        .put(`/activities/${activityId}/attendance`, {
          items: [
            { deputyId: deputyIds[0], status: 'attended' },
            { deputyId: deputyIds[1], status: 'leave', note: '出差' },
          ],
        })
        .expect(200);
      expect(body(first).total).toBe(2);

      const failed = await api
        .put(`/activities/${activityId}/attendance`, {
          items: [
            { deputyId: deputyIds[1], status: 'attended' },
            { deputyId: 999999, status: 'attended' },
          ],
        })
        .expect(422);
      expect(body(failed).details![0].field).toBe('items.1.deputyId');
      const unchanged = await api.get(`/activities/${activityId}/attendance`).expect(200);
      expect(body(unchanged).items!.map((row) => [row.deputyId, row.status])).toEqual([
        [deputyIds[0], 'attended'],
        [deputyIds[1], 'leave'],
      ]);

      await api
        .put(`/activities/${activityId}/attendance`, {
          items: [
            { deputyId: deputyIds[1], status: 'attended' },
            { deputyId: deputyIds[2], status: 'absent' },
          ],
        })
        .expect(200);
      const after = await api.get(`/activities/${activityId}/attendance`).expect(200);
      expect(body(after).items!.map((row) => row.status)).toEqual([
        'attended',
        'attended',
        'absent',
      ]);
    });

    it('should answer 409 for a duplicate attendance row and for deleting a deputy with records', async () => {
      await api
        .post(`/activities/${activityId}/attendance`, { deputyId: deputyIds[0], status: 'leave' })
        .expect(409);
      const response = await api.delete(`/deputies/${deputyIds[0]}`).expect(409);
      expect(body(response).code).toBe('CONFLICT');
      await api.get(`/deputies/${deputyIds[0]}`).expect(200);
    });

    it('should answer a duplicate with the id of the record that exists', async () => {
      const first = await api
        .post('/deputy-groups', { name: '重复的小组', committeeId: subdistrictId })
        .expect(201);
      const again = await api
        .post('/deputy-groups', { name: '重复的小组', committeeId: subdistrictId })
        .expect(409);
      expect(body(again)).toMatchObject({ code: 'CONFLICT', existingId: body(first).id });
    });

    it('should give a deputy performance record for a period', async () => {
      const response = await api
        .get(`/deputies/${deputyIds[1]}/performance?from=2020-01-01&to=2020-03-31`)
        .expect(200);
      expect(body(response)).toMatchObject({
        deputyId: deputyIds[1],
        totals: { invited: 1, attended: 1, leave: 0, absent: 0, attendanceRate: 1 },
        byCategory: { meeting: { invited: 1, attended: 1 } },
      });
      // Each activity names its kind by id and code, not only by its label.
      expect(body(response).activities).toEqual([
        expect.objectContaining({ kindId: meetingKindId, kindCode: 'work_meeting' }),
      ]);
      const april = await api
        .get(`/deputies/${deputyIds[1]}/performance?from=2020-04-01&to=2020-06-30`)
        .expect(200);
      expect(body(april)).toMatchObject({ totals: { invited: 0, attendanceRate: null } });
      await api
        .get(`/deputies/${deputyIds[1]}/performance?from=2020-13-01&to=2020-06-30`)
        .expect(400);
    });

    it('should update only the fields sent and refuse null for required ones', async () => {
      const patched = await api
        .patch(`/deputies/${deputyIds[2]}`, { occupation: '教师' })
        .expect(200);
      expect(body(patched)).toMatchObject({ name: '钱👍', occupation: '教师' });
      const response = await api.patch(`/deputies/${deputyIds[2]}`, { name: null }).expect(400);
      expect(body(response).details![0].field).toBe('name');
    });

    it('should delete an activity with its attendance, then the deputy', async () => {
      await api.delete(`/activities/${activityId}`).expect(204);
      await api.get(`/activities/${activityId}`).expect(404);
      await api.delete(`/deputies/${deputyIds[0]}`).expect(204);
      const gone = await api.get(`/deputies/${deputyIds[0]}`).expect(404);
      expect(body(gone).code).toBe('NOT_FOUND');
    });
  });
});
