import { AbstractLoader } from '@adminjs/nestjs';
import type AdminJS from 'adminjs';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { AdminExpressLoader } from '../../src/admin/admin-express.loader.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { DictionaryItem } from '../../src/modules/dictionaries/dictionary-item.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

type Agent = ReturnType<typeof request.agent>;

interface RecordAnswer {
  record: {
    id: string;
    params: Record<string, unknown>;
    errors: Record<string, { message: string }>;
  };
  records?: { id: string; title: string; params: Record<string, unknown> }[];
}

/** H1 §3: defects a newcomer hit in the admin panel's first hour. */
describe(`admin panel defects (H1 §3) on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let admin: AdminJS;
  let districtId: number;
  let subdistrictId: number;
  let sysadmin: Agent;
  let clerk: Agent;
  let key: string;

  const post = (agent: Agent, path: string, form: Record<string, string>) =>
    agent.post(`/admin/api${path}`).type('form').send(form);
  const body = (answer: request.Response) => answer.body as RecordAnswer;
  const api = (path: string) =>
    request(server).get(`/api/v1${path}`).set('Authorization', `Bearer ${key}`);

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    server = sut.app.getHttpServer() as App;
    admin = sut.app.get<AdminExpressLoader>(AbstractLoader, { strict: false }).admin;
    ({ districtId, subdistrictId } = await createOrganisation(sut.app));
    const users = sut.app.get(AdminUsersService);
    await users.create({ username: 'sys', password: TEST_PASSWORD, role: 'systemAdmin' });
    await users.create({
      username: 'clerk',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId: subdistrictId,
    });
    sysadmin = (await login(server, 'sys')).agent;
    clerk = (await login(server, 'clerk')).agent;
    key = await issueKey(sut.app, ['records:read'], { role: 'staff', committeeId: subdistrictId });
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  describe('date-only fields are calendar dates end to end', () => {
    /** Reads the way another process would: its own zone must not move a calendar date. */
    async function inZone<T>(zone: string, work: () => Promise<T>): Promise<T> {
      const saved = process.env.TZ;
      process.env.TZ = zone;
      try {
        return await work();
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    }

    it('should offer every date-only column as a date, edited with the panel date editor', () => {
      const dateOnly = (resourceId: string) =>
        admin
          .findResource(resourceId)
          .decorate()
          .getProperties({ where: 'edit' })
          .filter((property) => property.type() === 'date')
          .map((property) => [property.propertyPath, property.options.components?.edit]);
      expect(dateOnly('Term')).toEqual([
        ['startsOn', 'DateOnlyEdit'],
        ['endsOn', 'DateOnlyEdit'],
      ]);
      expect(dateOnly('Deputy')).toEqual([
        ['birthDate', 'DateOnlyEdit'],
        ['endedOn', 'DateOnlyEdit'],
      ]);
    });

    it('should save the day picked when the picker sends its instant, and show that day', async () => {
      const created = await post(sysadmin, '/resources/Term/actions/new', {
        name: '区第十七届人民代表大会',
        level: 'district',
        ordinal: '17',
        // What AdminJS's stock picker sent for 2026-11-01 picked in China.
        startsOn: '2026-10-31T16:00:00.000Z',
        endsOn: '2031-10-31',
      });
      expect(body(created).record.errors).toEqual({});
      const id = body(created).record.id;
      expect(body(created).record.params).toMatchObject({
        startsOn: '2026-11-01',
        endsOn: '2031-10-31',
      });
      for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
        const shown = await inZone(zone, () =>
          sysadmin.get(`/admin/api/resources/Term/records/${id}/show`),
        );
        expect({ zone, ...body(shown).record.params }).toMatchObject({
          zone,
          startsOn: '2026-11-01',
          endsOn: '2031-10-31',
        });
        const read = await inZone(zone, () => api(`/terms/${id}`).expect(200));
        expect({ zone, ...(read.body as object) }).toMatchObject({
          zone,
          startsOn: '2026-11-01',
          endsOn: '2031-10-31',
        });
      }
    });

    it('should filter a date-only field by calendar days, the bounds included', async () => {
      // A term of its own, on a day no other test's term starts, picked as the picker sends it.
      const created = await post(sysadmin, '/resources/Term/actions/new', {
        name: '区第十八届人民代表大会',
        level: 'district',
        ordinal: '18',
        startsOn: '2036-10-31T16:00:00.000Z',
        endsOn: '2041-10-31',
      });
      expect(body(created).record.errors).toEqual({});
      const listed = async (from: string, to: string) => {
        const answer = await sysadmin
          .get('/admin/api/resources/Term/actions/list')
          .query({ 'filters.startsOn~~from': from, 'filters.startsOn~~to': to })
          .expect(200);
        return (body(answer).records ?? []).map((record) => record.params.startsOn);
      };
      expect(await listed('2036-11-01', '2036-11-01')).toEqual(['2036-11-01']);
      expect(await listed('2036-10-01', '2036-10-31')).toEqual([]);
      expect(await listed('2036-11-02', '2036-12-31')).toEqual([]);
    });

    it("should keep a deputy's typed birth date, on the list, the show page and the API", async () => {
      const created = await post(clerk, '/resources/Deputy/actions/new', {
        name: '张三',
        gender: 'male',
        level: 'district',
        birthDate: '1970-09-09',
        committeeId: String(subdistrictId),
        status: 'serving',
      });
      expect(body(created).record.errors).toEqual({});
      const id = body(created).record.id;
      const [row] = await sut.dataSource.query<{ birth_date: unknown }[]>(
        'SELECT birth_date FROM deputy WHERE id = ?',
        [Number(id)],
      );
      expect(String(row.birth_date)).toBe('1970-09-09');
      for (const zone of ['Asia/Shanghai', 'America/Los_Angeles']) {
        const shown = await inZone(zone, () =>
          clerk.get(`/admin/api/resources/Deputy/records/${id}/show`),
        );
        expect(body(shown).record.params.birthDate).toBe('1970-09-09');
        const list = await inZone(zone, () =>
          clerk.get('/admin/api/resources/Deputy/actions/list'),
        );
        expect(body(list).records?.find((r) => r.id === id)?.params.birthDate).toBe('1970-09-09');
        const read = await inZone(zone, () => api(`/deputies/${id}`).expect(200));
        expect((read.body as { birthDate: string }).birthDate).toBe('1970-09-09');
      }
    });
  });

  describe('reference pickers offer only valid targets', () => {
    const search = (agent: Agent, resourceId: string, query = '') =>
      agent.get(`/admin/api/resources/${resourceId}/actions/search/${encodeURIComponent(query)}`);

    it("should offer only enabled activity kinds for an activity's kind", async () => {
      const reference = (resourceId: string, path: string) =>
        admin.findResource(resourceId).decorate().getPropertyByKey(path)?.referenceName();
      expect(reference('Activity', 'kindId')).toBe('ActivityKind');
      const items = await sut.dataSource
        .getRepository(DictionaryItem)
        .find({ relations: { dictionary: true } });
      const kinds = items.filter((item) => item.dictionary?.code === 'activity_kind');
      expect(kinds.length).toBeGreaterThan(0);
      expect(items.length).toBeGreaterThan(kinds.length);
      const disabled = kinds[kinds.length - 1];
      await sut.dataSource.getRepository(DictionaryItem).update(disabled.id, { enabled: false });

      const offered = await search(clerk, 'ActivityKind').expect(200);
      const offeredIds = (body(offered).records ?? []).map((record) => Number(record.id)).sort();
      expect(offeredIds).toEqual(
        kinds
          .filter((item) => item.id !== disabled.id)
          .map((item) => item.id)
          .sort(),
      );
      // The chosen one (even a kind disabled since) still shows by its name.
      const shown = await clerk.get(
        `/admin/api/resources/ActivityKind/records/${disabled.id}/show`,
      );
      expect(shown.status).toBe(200);
      // Offered, and accepted: an activity with the first offered kind saves.
      const activity = await post(clerk, '/resources/Activity/actions/new', {
        title: '代表小组活动',
        kindId: String(offeredIds[0]),
        committeeId: String(subdistrictId),
        startsAt: '2026-11-20T02:00:00.000Z',
        status: 'held',
      });
      expect(body(activity).record.errors).toEqual({});
      // The picker's resource is read only, and not a way round the permission table.
      await clerk.get('/admin/api/resources/ActivityKind/actions/list').expect(403);
      await post(sysadmin, '/resources/ActivityKind/actions/new', { label: 'x' }).expect(403);
    });

    it("should offer district committees as a committee's parent, subdistricts for a community", async () => {
      const names = async (resourceId: string) =>
        (body(await search(sysadmin, resourceId).expect(200)).records ?? []).map((r) =>
          Number(r.id),
        );
      expect(await names('DistrictCommittee')).toEqual([districtId]);
      expect(await names('SubdistrictCommittee')).toEqual([subdistrictId]);
    });
    it("should offer an API key's holder only enabled business accounts, without their secrets", async () => {
      await sut.app
        .get(AdminUsersService)
        .create({ username: 'sec', password: TEST_PASSWORD, role: 'securityAdmin' });
      const secadmin = (await login(server, 'sec')).agent;
      const reference = admin
        .findResource('ApiKey')
        .decorate()
        .getPropertyByKey('holderId')
        ?.referenceName();
      expect(reference).toBe('KeyHolder');
      const answer = await search(secadmin, 'KeyHolder').expect(200);
      const offered = (body(answer).records ?? []).map((record) => record.params.username).sort();
      expect(offered).toEqual(['clerk', `key-holder-staff-${subdistrictId}`]);
      expect(JSON.stringify(answer.body)).not.toMatch(/passwordHash|argon2|totpSecret/);
    });
  });

  describe('the new-user form offers only what registering sets', () => {
    it('should not offer the role (or the enabled flag) to the system admin creating a user', () => {
      const action = admin.findResource('AdminUser').decorate().actions.new;
      const layout = action.toJSON({ role: 'systemAdmin' } as never).layout ?? [];
      expect(layout.flatMap((element) => element.properties)).toEqual([
        'username',
        'displayName',
        'email',
        'committeeId',
      ]);
    });

    it('should refuse a role sent with a new account, in Chinese, naming the field, and audit it', async () => {
      const refused = await post(sysadmin, '/resources/AdminUser/actions/new', {
        username: 'wants-role',
        committeeId: String(subdistrictId),
        role: 'staff',
      });
      expect(body(refused).record.errors.role.message).toContain('新建账号时不能分配角色');
      expect(
        await sut.dataSource.getRepository(AdminUser).countBy({ username: 'wants-role' }),
      ).toBe(0);
      const denied = await sut.dataSource
        .getRepository(AuditLog)
        .findBy({ action: 'denied' as never, objectId: 'wants-role' });
      expect(denied).toHaveLength(1);

      const plain = await post(sysadmin, '/resources/AdminUser/actions/new', {
        username: 'no-role-yet',
        committeeId: String(subdistrictId),
      });
      expect(body(plain).record.errors).toEqual({});
      expect(
        await sut.dataSource.getRepository(AdminUser).findOneByOrFail({ username: 'no-role-yet' }),
      ).toMatchObject({ role: null, committeeId: subdistrictId });
    });
  });
});
