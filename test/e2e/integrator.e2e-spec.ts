import request from 'supertest';
import type { App } from 'supertest/types.js';
import { zhCN } from '../../src/admin/locale/zh-CN.js';
import { AREAS } from '../../src/areas.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { Attendance } from '../../src/modules/activities/attendance.entity.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { CommitteesService } from '../../src/modules/committees/committees.service.js';
import { Deputy } from '../../src/modules/deputies/deputy.entity.js';
import type { CreateActivityDto } from '../../src/modules/activities/dto/activity.dto.js';
import { createActivity } from '../factories/activity.factory.js';
import { createOrganisation, createSubdistrict } from '../factories/committee.factory.js';
import { createDeputy } from '../factories/deputy.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/** The panel's translations, as the admin module builds them from the areas. */
const ZH_CN = zhCN(AREAS);

interface Body {
  code?: string;
  details?: { field: string; problem: string }[];
  items?: Record<string, unknown>[];
  total?: number;
  existingId?: number;
  attendance?: Record<string, unknown>[];
  [key: string]: unknown;
}

/**
 * The API as an integrator uses it (issue H1 §2): an activity and its attendance in one request,
 * every deputy's performance record of a committee in one call, and external ids that make an
 * import safe to re-run.
 */
describe(`integrator API on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let writer: string;
  let otherKey: string;
  let districtId: number;
  let committeeA: number;
  let committeeB: number;
  let meetingKindId: number;
  let deputiesA: number[];
  let deputyB: number;

  const api = {
    get: (path: string, key = writer) =>
      request(server).get(`/api/v1${path}`).set('Authorization', `Bearer ${key}`),
    post: (path: string, body: object, key = writer) =>
      request(server).post(`/api/v1${path}`).set('Authorization', `Bearer ${key}`).send(body),
    patch: (path: string, body: object, key = writer) =>
      request(server).patch(`/api/v1${path}`).set('Authorization', `Bearer ${key}`).send(body),
  };
  const body = (response: request.Response): Body => response.body as Body;
  const fields = (response: request.Response): string[] =>
    body(response).details!.map((detail) => detail.field);

  const deputy = (name: string, committeeId: number, extra: object = {}) => ({
    name,
    gender: 'female',
    level: 'district',
    committeeId,
    ...extra,
  });
  const activity = (title: string, extra: object = {}) => ({
    committeeId: committeeA,
    kindId: meetingKindId,
    title,
    startsAt: '2020-03-20T09:00:00+08:00',
    status: 'held',
    ...extra,
  });
  const rowCounts = async () => ({
    activities: await sut.dataSource.getRepository(Activity).count(),
    attendance: await sut.dataSource.getRepository(Attendance).count(),
  });

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    server = sut.app.getHttpServer() as App;
    ({ districtId, subdistrictId: committeeA } = await createOrganisation(sut.app));
    committeeB = await runAsSystem('test', async () => {
      const second = await sut.app
        .get(CommitteesService)
        .create({ name: '第二街道人大工委', kind: 'subdistrict', parentId: districtId });
      return second.id;
    });
    writer = await issueKey(sut.app, ['records:read', 'records:write'], {
      role: 'committeeAdmin',
      committeeId: districtId,
    });
    otherKey = await issueKey(sut.app, ['records:read'], {
      role: 'districtViewer',
      committeeId: committeeB,
    });
    const kinds = await api.get('/activity-kinds').expect(200);
    meetingKindId = body(kinds).items!.find((kind) => kind.code === 'work_meeting')!.id as number;
    deputiesA = [];
    for (const name of ['甲代表', '乙代表', '丙代表']) {
      const created = await api.post('/deputies', deputy(name, committeeA)).expect(201);
      deputiesA.push(body(created).id as number);
    }
    deputyB = body(await api.post('/deputies', deputy('丁代表', committeeB)).expect(201))
      .id as number;
  }, 120_000);

  afterAll(async () => {
    await sut.close();
  }, 60_000);

  describe('an activity with its attendance in one request', () => {
    it('should write the activity and every row in one transaction, audited, and answer both', async () => {
      const response = await api
        .post(
          '/activities',
          activity('带出席的代表工作会议', {
            attendance: [
              { deputyId: deputiesA[0], status: 'attended' },
              { deputyId: deputiesA[1], status: 'leave', note: '出差' },
              { deputyId: deputiesA[2], status: 'absent' },
            ],
          }),
        )
        .expect(201);
      const id = body(response).id as number;
      expect(body(response)).toMatchObject({
        title: '带出席的代表工作会议',
        committeeId: committeeA,
      });
      expect(body(response).attendance!.map((row) => [row.deputyId, row.status, row.note])).toEqual(
        [
          [deputiesA[0], 'attended', null],
          [deputiesA[1], 'leave', '出差'],
          [deputiesA[2], 'absent', null],
        ],
      );
      const listed = await api.get(`/activities/${id}/attendance`).expect(200);
      expect(body(listed).items!.map((row) => row.id)).toEqual(
        body(response).attendance!.map((row) => row.id),
      );
      const trail = await sut.dataSource
        .getRepository(AuditLog)
        .find({ where: { objectType: 'activity', objectId: String(id) }, order: { id: 'ASC' } });
      expect(trail.map((row) => row.action)).toEqual(['create', 'update']);
      expect(JSON.parse(trail[1].detail!)).toEqual({
        attendance: [
          { deputyId: deputiesA[0], status: 'attended' },
          { deputyId: deputiesA[1], status: 'leave' },
          { deputyId: deputiesA[2], status: 'absent' },
        ],
      });
    });

    it('should write nothing when any row is bad, and name the row', async () => {
      const before = await rowCounts();
      const cases: [object[], number, string][] = [
        [
          [
            { deputyId: deputiesA[0], status: 'attended' },
            { deputyId: 999999, status: 'attended' },
          ],
          422,
          'attendance.1.deputyId',
        ],
        // Another committee's deputy answers exactly like one that does not exist.
        [
          [
            { deputyId: deputiesA[0], status: 'attended' },
            { deputyId: deputyB, status: 'attended' },
          ],
          422,
          'attendance.1.deputyId',
        ],
        [
          [
            { deputyId: deputiesA[0], status: 'attended' },
            { deputyId: deputiesA[1], status: 'attended' },
            { deputyId: deputiesA[0], status: 'leave' },
          ],
          400,
          'attendance.2.deputyId',
        ],
        [[{ deputyId: deputiesA[0], status: 'present' }], 400, 'attendance.0.status'],
        [[{ deputyId: 'one', status: 'attended' }], 400, 'attendance.0.deputyId'],
        [[], 400, 'attendance'],
      ];
      for (const [attendance, status, field] of cases) {
        const response = await api
          .post('/activities', activity('不应保存的活动', { attendance }))
          .expect(status);
        expect(fields(response)).toContain(field);
      }
      // A cancelled activity takes no attendance: the rule refuses the rows and the activity.
      await api
        .post(
          '/activities',
          activity('不应保存的活动', {
            status: 'cancelled',
            attendance: [{ deputyId: deputiesA[0], status: 'attended' }],
          }),
        )
        .expect(422);
      await expect(rowCounts()).resolves.toEqual(before);
      const search = await api
        .get(`/activities?committeeId=${committeeA}&pageSize=200`)
        .expect(200);
      expect(body(search).items!.map((item) => item.title)).not.toContain('不应保存的活动');
    });

    it('should upsert attendance sent with a PATCH in the same transaction as the change', async () => {
      const created = await api
        .post(
          '/activities',
          activity('修改时补登出席', { attendance: [{ deputyId: deputiesA[0], status: 'leave' }] }),
        )
        .expect(201);
      const id = body(created).id as number;
      const patched = await api
        .patch(`/activities/${id}`, {
          location: '会议室',
          attendance: [
            { deputyId: deputiesA[0], status: 'attended' },
            { deputyId: deputiesA[1], status: 'absent' },
          ],
        })
        .expect(200);
      expect(body(patched).location).toBe('会议室');
      expect(body(patched).attendance!.map((row) => [row.deputyId, row.status])).toEqual([
        [deputiesA[0], 'attended'],
        [deputiesA[1], 'absent'],
      ]);
      const failed = await api
        .patch(`/activities/${id}`, {
          location: '不应保存的地点',
          attendance: [{ deputyId: deputyB, status: 'attended' }],
        })
        .expect(422);
      expect(fields(failed)).toEqual(['attendance.0.deputyId']);
      const after = await api.get(`/activities/${id}`).expect(200);
      expect(body(after).location).toBe('会议室');
      // The bulk endpoint names its rows the same way, a single row included.
      const put = await request(server)
        .put(`/api/v1/activities/${id}/attendance`)
        .set('Authorization', `Bearer ${writer}`)
        .send({ items: [{ deputyId: deputyB, status: 'attended' }] })
        .expect(422);
      expect(fields(put)).toEqual(['items.0.deputyId']);
      // Without attendance, a PATCH answers the record alone, as before.
      const plain = await api.patch(`/activities/${id}`, { location: '大会议室' }).expect(200);
      expect(body(plain).attendance).toBeUndefined();
    });
  });

  describe('every deputy’s performance record in one call', () => {
    const period = 'from=2020-01-01&to=2020-12-31';
    // A committee of this describe's own: its three deputies' records are what it builds here,
    // whatever the other tests of the file write.
    let committeeA: number;
    let deputiesA: number[];
    let ownKey: string;

    beforeAll(async () => {
      committeeA = (await createSubdistrict(sut.app, { parentId: districtId })).id;
      ownKey = await issueKey(sut.app, ['records:read', 'records:write'], {
        role: 'committeeAdmin',
        committeeId: committeeA,
      });
      deputiesA = [];
      for (const name of ['甲代表', '乙代表', '丙代表']) {
        deputiesA.push((await createDeputy(sut.app, { name, committeeId: committeeA })).id);
      }
      // Two Q1 meetings 甲代表 attended (the others were on leave or absent).
      const q1Meetings: CreateActivityDto['attendance'][] = [
        [
          { deputyId: deputiesA[0], status: 'attended' },
          { deputyId: deputiesA[1], status: 'leave', note: '出差' },
          { deputyId: deputiesA[2], status: 'absent' },
        ],
        [
          { deputyId: deputiesA[0], status: 'attended' },
          { deputyId: deputiesA[1], status: 'absent' },
        ],
      ];
      for (const attendance of q1Meetings) {
        await createActivity(sut.app, {
          committeeId: committeeA,
          kindId: meetingKindId,
          startsAt: '2020-03-20T09:00:00+08:00',
          attendance,
        });
      }
      await api
        .post(
          '/activities',
          activity('第二季度集中学习', {
            committeeId: committeeA,
            startsAt: '2020-05-10T14:00:00+08:00',
            attendance: [
              { deputyId: deputiesA[1], status: 'attended' },
              { deputyId: deputiesA[2], status: 'attended' },
            ],
          }),
        )
        .expect(201);
      // Planned activities and other years are not in the record.
      await api
        .post(
          '/activities',
          activity('计划中的活动', {
            committeeId: committeeA,
            status: 'planned',
            attendance: [{ deputyId: deputiesA[2], status: 'leave' }],
          }),
        )
        .expect(201);
      await api
        .post(
          '/activities',
          activity('往年的活动', {
            committeeId: committeeA,
            startsAt: '2019-12-31T15:59:00Z',
            attendance: [{ deputyId: deputiesA[0], status: 'absent' }],
          }),
        )
        .expect(201);
    });

    it('should answer a page whose items equal the per-deputy records', async () => {
      const response = await api
        .get(`/deputies/performance?committeeId=${committeeA}&${period}&pageSize=200`)
        .expect(200);
      expect(body(response)).toMatchObject({ total: 3, page: 1, pageSize: 200 });
      expect(body(response).items!.map((item) => item.deputyId)).toEqual(deputiesA);
      for (const item of body(response).items!) {
        const one = await api.get(`/deputies/${item.deputyId as number}/performance?${period}`);
        expect(one.status).toBe(200);
        expect(item).toEqual(body(one));
      }
      const [first] = body(response).items!;
      expect(first).toMatchObject({ deputyName: '甲代表', totals: { invited: 2, attended: 2 } });
    });

    it('should page and sort by deputy like the deputy list', async () => {
      const page = await api
        .get(`/deputies/performance?committeeId=${committeeA}&${period}&pageSize=2&page=2&sort=-id`)
        .expect(200);
      expect(body(page)).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(body(page).items!.map((item) => item.deputyId)).toEqual([deputiesA[0]]);
    });

    it('should run as many queries for many deputies as for one', async () => {
      for (const name of ['戊代表', '己代表', '庚代表']) {
        await api.post('/deputies', deputy(name, committeeB)).expect(201);
      }
      // Every statement of every dialect goes through its query runner's `query`.
      const count = async (committeeId: number): Promise<number> => {
        const runner = sut.dataSource.createQueryRunner();
        const prototype = Object.getPrototypeOf(runner) as {
          query: (...args: unknown[]) => Promise<unknown>;
        };
        await runner.release();
        const original = prototype.query;
        let queries = 0;
        prototype.query = function (this: unknown, ...args: unknown[]) {
          queries += 1;
          return original.apply(this, args);
        };
        try {
          await api.get(`/deputies/performance?committeeId=${committeeId}&${period}`).expect(200);
        } finally {
          prototype.query = original;
        }
        return queries;
      };
      const one = await count(committeeB);
      expect(one).toBeGreaterThan(0);
      for (const name of ['戊代表', '己代表', '庚代表']) {
        await api.post('/deputies', deputy(name, committeeB)).expect(201);
      }
      const four = await count(committeeB);
      expect(four).toBe(one);
      await expect(count(committeeA)).resolves.toBe(one);
    });

    it('should keep to the key’s committees and refuse a reversed period', async () => {
      const outside = await api
        .get(`/deputies/performance?committeeId=${committeeA}&${period}`, otherKey)
        .expect(404);
      expect(fields(outside)).toEqual(['committeeId']);
      const missing = await api
        .get(`/deputies/performance?committeeId=999999&${period}`)
        .expect(404);
      expect(fields(missing)).toEqual(['committeeId']);
      const reversed = await api
        .get(`/deputies/performance?committeeId=${committeeA}&from=2020-12-31&to=2020-01-01`)
        .expect(422);
      expect(fields(reversed)).toEqual(['to']);
      const noCommittee = await api.get(`/deputies/performance?${period}`).expect(400);
      expect(fields(noCommittee)).toContain('committeeId');
      const own = await api
        .get(`/deputies/performance?committeeId=${committeeA}&${period}`, ownKey)
        .expect(200);
      expect(body(own).total).toBe(3);
    });
  });

  describe('external ids', () => {
    const resources = [
      {
        path: '/deputies',
        valid: (committeeId: number, n: number) => deputy(`外部代表${n}`, committeeId),
      },
      {
        path: '/communities',
        valid: (committeeId: number, n: number) => ({
          name: `外部社区${n}`,
          kind: 'community',
          committeeId,
        }),
      },
      {
        path: '/activities',
        valid: (committeeId: number, n: number) => activity(`外部活动${n}`, { committeeId }),
      },
    ];
    let serial = 0;

    it.each(resources.map((resource) => [resource.path, resource] as const))(
      'should keep %s external ids unique per committee, answer 409 with existingId, and filter',
      async (path, resource) => {
        const valid = (committeeId: number) => resource.valid(committeeId, (serial += 1));
        const first = await api
          .post(path, { ...valid(committeeA), externalId: '  HR-2020-0042 ' })
          .expect(201);
        const firstId = body(first).id as number;
        expect(body(first).externalId).toBe('HR-2020-0042');
        const again = await api
          .post(path, { ...valid(committeeA), externalId: 'HR-2020-0042' })
          .expect(409);
        expect(body(again)).toMatchObject({ code: 'CONFLICT', existingId: firstId });
        // The same id in another committee is another record.
        const elsewhere = await api
          .post(path, { ...valid(committeeB), externalId: 'HR-2020-0042' })
          .expect(201);
        // Any number of records without one (NULLs are distinct in the unique index).
        const bare = await api.post(path, valid(committeeA)).expect(201);
        await api.post(path, valid(committeeA)).expect(201);
        expect(body(bare).externalId).toBeNull();
        // A PATCH onto a taken id is a duplicate too.
        const moved = await api
          .patch(`${path}/${body(bare).id as number}`, { externalId: 'HR-2020-0042' })
          .expect(409);
        expect(body(moved).existingId).toBe(firstId);

        const found = await api
          .get(`${path}?committeeId=${committeeA}&externalId=HR-2020-0042`)
          .expect(200);
        expect(body(found).items!.map((item) => item.id)).toEqual([firstId]);
        const both = await api.get(`${path}?externalId=HR-2020-0042&sort=id`).expect(200);
        expect(body(both).items!.map((item) => item.id)).toEqual([firstId, body(elsewhere).id]);
        // A key of the other committee sees only its own.
        const theirs = await api.get(`${path}?externalId=HR-2020-0042`, otherKey).expect(200);
        expect(body(theirs).items!.map((item) => item.id)).toEqual([body(elsewhere).id]);

        // Re-running an import: find by external id, then update instead of creating.
        await api.patch(`${path}/${firstId}`, { externalId: 'HR-2020-0042' }).expect(200);
        const unchanged = await api
          .get(`${path}?committeeId=${committeeA}&externalId=HR-2020-0042`)
          .expect(200);
        expect(body(unchanged).total).toBe(1);
      },
    );

    it('should refuse external ids that are empty, too long or not printable, naming the field', async () => {
      for (const externalId of ['', '   ', 'x'.repeat(65), 'a\u200db', 'e\u0301', 42]) {
        const response = await api
          .post('/deputies', { ...deputy('无效外部编号', committeeA), externalId })
          .expect(400);
        expect(fields(response)).toEqual(expect.arrayContaining(['externalId']));
      }
      const longest = await api
        .post('/deputies', { ...deputy('最长外部编号', committeeA), externalId: '𠮷'.repeat(64) })
        .expect(201);
      expect(body(longest).externalId).toBe('𠮷'.repeat(64));
      const query = await api.get(`/deputies?externalId=${'x'.repeat(65)}`).expect(400);
      expect(fields(query)).toEqual(['externalId']);
    });
  });
  describe('external ids in the admin panel', () => {
    it('should label the field 外部编号 on the three records', () => {
      const resources = ZH_CN.resources as Record<string, { properties: Record<string, string> }>;
      for (const resource of ['Deputy', 'Community', 'Activity']) {
        expect(resources[resource].properties.externalId).toBe('外部编号');
      }
    });

    it('should take an external id as an ordinary optional field, with the API’s rules', async () => {
      await runAsSystem('test', () =>
        sut.app.get(AdminUsersService).create({
          username: 'integrator-staff',
          password: TEST_PASSWORD,
          role: 'staff',
          committeeId: committeeA,
        }),
      );
      const { agent } = await login(server, 'integrator-staff');
      const form = (externalId: string) => ({
        name: '后台代表',
        gender: 'male',
        level: 'district',
        committeeId: String(committeeA),
        externalId,
      });
      const created = await agent
        .post('/admin/api/resources/Deputy/actions/new')
        .type('form')
        .send(form(' ADM-1 '));
      const record = (created.body as { record: { params: Record<string, unknown> } }).record;
      expect(record.params.externalId).toBe('ADM-1');
      const duplicate = await agent
        .post('/admin/api/resources/Deputy/actions/new')
        .type('form')
        .send(form('ADM-1'));
      expect(JSON.stringify(duplicate.body)).toContain('已存在');
      // An empty form field is no external id at all.
      await agent.post('/admin/api/resources/Deputy/actions/new').type('form').send(form(''));
      const repository = sut.dataSource.getRepository(Deputy);
      await expect(repository.countBy({ externalId: 'ADM-1' })).resolves.toBe(1);
      await expect(repository.countBy({ name: '后台代表' })).resolves.toBe(2);
    }, 60_000);
  });
});
