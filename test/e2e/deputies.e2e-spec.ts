import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createDeputy, deputyInput } from '../factories/deputy.factory.js';
import { testDialect } from '../support/test-database.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';

/** Deputies and deputy groups over the REST API, and a deputy's performance record. */
describe(`deputies API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi();
  });

  afterAll(async () => {
    await api.close();
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

    it('should answer 404 for a missing record, 422 for a missing reference', async () => {
      await api.get('/deputies/999999').expect(404);
      await api.get('/deputies/abc').expect(400);
      const response = await api
        .post('/deputies', { name: '李四', gender: 'male', level: 'district', committeeId: 999999 })
        .expect(422);
      expect(body(response).details![0].field).toBe('committeeId');
    });
  });

  describe('deputies', () => {
    it('should round-trip 4-byte names and mask phones in answers', async () => {
      const committeeId = await api.ownCommittee();
      const ids: number[] = [];
      for (const [name, phone] of [
        ['王𡒄', '13812341234'],
        ['赵䶮', '13900001111'],
      ] as const) {
        const created = await api
          .post('/deputies', deputyInput({ name, phone, committeeId }))
          .expect(201);
        ids.push(body(created).id as number);
      }
      const one = await api.get(`/deputies/${ids[0]}`).expect(200);
      expect(body(one)).toMatchObject({
        name: '王𡒄',
        phone: '138****1234',
        committeeId,
        status: 'serving',
      });
      const list = await api
        .get(`/deputies?committeeId=${committeeId}&name=${encodeURIComponent('䶮')}`)
        .expect(200);
      expect(body(list).items!.map((d) => d.name)).toEqual(['赵䶮']);
      expect(JSON.stringify(body(list))).not.toContain('13900001111');
    });

    it('should answer a duplicate with the id of the record that exists', async () => {
      const committeeId = await api.ownCommittee();
      const first = await api
        .post('/deputy-groups', { name: '重复的小组', committeeId })
        .expect(201);
      const again = await api
        .post('/deputy-groups', { name: '重复的小组', committeeId })
        .expect(409);
      expect(body(again)).toMatchObject({ code: 'CONFLICT', existingId: body(first).id });
    });

    it('should give a deputy performance record for a period', async () => {
      const committeeId = await api.ownCommittee();
      const meetingKindId = await activityKindId(api.sut.app, 'work_meeting');
      const deputy = await createDeputy(api.sut.app, { committeeId });
      // Held on the last evening of Q1 (China time): it counts in Q1, not in April.
      await createActivity(api.sut.app, {
        committeeId,
        kindId: meetingKindId,
        startsAt: '2020-03-31T15:30:00Z',
        attendance: [{ deputyId: deputy.id, status: 'attended' }],
      });
      const response = await api
        .get(`/deputies/${deputy.id}/performance?from=2020-01-01&to=2020-03-31`)
        .expect(200);
      expect(body(response)).toMatchObject({
        deputyId: deputy.id,
        totals: { invited: 1, attended: 1, leave: 0, absent: 0, attendanceRate: 1 },
        byCategory: { meeting: { invited: 1, attended: 1 } },
      });
      // Each activity names its kind by id and code, not only by its label.
      expect(body(response).activities).toEqual([
        expect.objectContaining({ kindId: meetingKindId, kindCode: 'work_meeting' }),
      ]);
      const april = await api
        .get(`/deputies/${deputy.id}/performance?from=2020-04-01&to=2020-06-30`)
        .expect(200);
      expect(body(april)).toMatchObject({ totals: { invited: 0, attendanceRate: null } });
      await api.get(`/deputies/${deputy.id}/performance?from=2020-13-01&to=2020-06-30`).expect(400);
    });

    it('should update only the fields sent and refuse null for required ones', async () => {
      const deputy = await createDeputy(api.sut.app, {
        committeeId: api.subdistrictId,
        name: '钱👍',
        phone: null,
      });
      const patched = await api.patch(`/deputies/${deputy.id}`, { occupation: '教师' }).expect(200);
      expect(body(patched)).toMatchObject({ name: '钱👍', occupation: '教师' });
      const response = await api.patch(`/deputies/${deputy.id}`, { name: null }).expect(400);
      expect(body(response).details![0].field).toBe('name');
    });
  });
});
