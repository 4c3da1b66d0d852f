import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createDeputies } from '../factories/deputy.factory.js';
import { testDialect } from '../support/test-database.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';

/** Activities and their attendance over the REST API (modules/activities). */
describe(`activities API on ${testDialect()}`, () => {
  let api: RestApi;
  let meetingKindId: number;

  beforeAll(async () => {
    api = await startRestApi();
    meetingKindId = await activityKindId(api.sut.app, 'work_meeting');
  });

  afterAll(async () => {
    await api.close();
  });

  describe('validation and errors', () => {
    it('should refuse impossible dates and instants without an offset', async () => {
      const bad = await api
        .post('/activities', {
          committeeId: api.subdistrictId,
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
          committeeId: api.subdistrictId,
          birthDate: '2021-02-29',
        })
        .expect(400);
      expect(body(date).details!.map((d) => d.field)).toEqual(['birthDate']);
    });
  });

  describe('activities', () => {
    it('should keep instants exact and answer them with the China offset', async () => {
      const committeeId = await api.ownCommittee();
      const response = await api
        .post('/activities', {
          committeeId,
          kindId: meetingKindId,
          title: '第一季度代表工作会议',
          startsAt: '2020-03-31T15:30:00Z',
          endsAt: '2020-03-31T23:30:00Z',
          status: 'held',
        })
        .expect(201);
      const activityId = body(response).id as number;
      const fetched = await api.get(`/activities/${activityId}`).expect(200);
      expect(body(fetched)).toMatchObject({
        startsAt: '2020-03-31T23:30:00.000+08:00',
        endsAt: '2020-04-01T07:30:00.000+08:00',
        committeeId,
        kindId: meetingKindId,
      });
      const q1 = await api
        .get(`/activities?committeeId=${committeeId}&from=2020-03-31&to=2020-03-31`)
        .expect(200);
      expect(body(q1).items!.map((a) => a.id)).toEqual([activityId]);
      const april = await api
        .get(`/activities?committeeId=${committeeId}&from=2020-04-01`)
        .expect(200);
      expect(body(april).total).toBe(0);
    });

    it('should refuse an activity that ends before it starts', async () => {
      const response = await api
        .post('/activities', {
          committeeId: api.subdistrictId,
          kindId: meetingKindId,
          title: '倒序',
          startsAt: '2020-05-01T10:00:00+08:00',
          endsAt: '2020-05-01T09:00:00+08:00',
          status: 'planned',
        })
        .expect(422);
      expect(body(response).details![0].field).toBe('endsAt');
    });

    it('should delete an activity with its attendance, then the deputy', async () => {
      const committeeId = await api.ownCommittee();
      const [deputy] = await createDeputies(api.sut.app, 1, { committeeId });
      const activity = await createActivity(api.sut.app, {
        committeeId,
        attendance: [{ deputyId: deputy.id, status: 'attended' }],
      });
      await api.delete(`/activities/${activity.id}`).expect(204);
      await api.get(`/activities/${activity.id}`).expect(404);
      await api.delete(`/deputies/${deputy.id}`).expect(204);
      const gone = await api.get(`/deputies/${deputy.id}`).expect(404);
      expect(body(gone).code).toBe('NOT_FOUND');
    });
  });

  describe('attendance', () => {
    it('should upsert attendance in bulk, all or nothing', async () => {
      const committeeId = await api.ownCommittee();
      const deputyIds = (await createDeputies(api.sut.app, 3, { committeeId })).map(
        (deputy) => deputy.id,
      );
      const activityId = (await createActivity(api.sut.app, { committeeId })).id;
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
      const committeeId = await api.ownCommittee();
      const [deputy] = await createDeputies(api.sut.app, 1, { committeeId });
      const activity = await createActivity(api.sut.app, {
        committeeId,
        attendance: [{ deputyId: deputy.id, status: 'attended' }],
      });
      await api
        .post(`/activities/${activity.id}/attendance`, { deputyId: deputy.id, status: 'leave' })
        .expect(409);
      const response = await api.delete(`/deputies/${deputy.id}`).expect(409);
      expect(body(response).code).toBe('CONFLICT');
      await api.get(`/deputies/${deputy.id}`).expect(200);
    });
  });
});
