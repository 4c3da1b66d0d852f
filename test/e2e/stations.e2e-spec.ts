import request from 'supertest';
import { In, Like } from 'typeorm';
import { periodContaining } from '../../src/common/period.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import type { Figure } from '../../src/platform/areas/statistics.js';
import { CadenceRule } from '../../src/modules/compliance/cadence-rule.entity.js';
import { CadenceRulesService } from '../../src/modules/compliance/cadence-rules.service.js';
import { ComplianceEvaluation } from '../../src/modules/compliance/compliance-evaluation.entity.js';
import { ComplianceRecord } from '../../src/modules/compliance/compliance-record.entity.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { Notification } from '../../src/modules/notifications/notification.entity.js';
import { Reception } from '../../src/modules/stations/reception.entity.js';
import { StationAssessment } from '../../src/modules/stations/station-assessment.entity.js';
import { StationAssessmentItem } from '../../src/modules/stations/station-assessment-item.entity.js';
import { StationRole } from '../../src/modules/stations/station-role.entity.js';
import { StationStandardItem } from '../../src/modules/stations/station-standard-item.entity.js';
import { Station } from '../../src/modules/stations/station.entity.js';
import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { login } from '../support/admin-login.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createDeputy } from '../factories/deputy.factory.js';
import {
  createReception,
  createStation,
  createStationRole,
  stationInput,
} from '../factories/station.factory.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';
import { issueKey } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

type Entity =
  | typeof Station
  | typeof StationRole
  | typeof Reception
  | typeof StationAssessment
  | typeof StationAssessmentItem;

/** 代表联络站 over the REST API, its overview section and its cadence rules ([M2]). */
describe(`stations API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi({ admin: true });
  }, 60000);

  afterAll(async () => {
    await api.close();
  });

  const app = () => api.sut.app;
  const fieldsOf = (response: request.Response) =>
    [...new Set(body(response).details!.map((d) => d.field))].sort();
  const count = (entity: Entity) => api.sut.dataSource.getRepository(entity).count();
  const counts = async () =>
    Promise.all(
      [Station, StationRole, Reception, StationAssessment, StationAssessmentItem].map(count),
    );
  const standard = () =>
    api.sut.dataSource
      .getRepository(StationStandardItem)
      .find({ where: { enabled: true }, order: { sortOrder: 'ASC' } });

  describe('access', () => {
    it('should answer 401 without a key, 403 to a viewer writing, and let station staff record receptions only', async () => {
      const station = await createStation(app(), { committeeId: api.subdistrictId });
      await request(api.server).get('/api/v1/stations').expect(401);
      await request(api.server).get('/api/v1/receptions').expect(401);
      const before = await counts();
      await api
        .post('/stations', stationInput({ committeeId: api.subdistrictId }), api.reader)
        .expect(403);
      await api.patch(`/stations/${station.id}`, { name: 'x' }, api.reader).expect(403);
      await api
        .post('/receptions', { activityId: 1, stationId: station.id }, api.reader)
        .expect(403);
      const stationStaff = await issueKey(app(), ['records:read', 'records:write'], {
        role: 'stationStaff',
        committeeId: api.subdistrictId,
      });
      await api
        .post('/stations', stationInput({ committeeId: api.subdistrictId }), stationStaff)
        .expect(403);
      await api
        .post(
          '/station-roles',
          { stationId: station.id, role: 'head', personName: '张站长', startsOn: '2020-01-01' },
          stationStaff,
        )
        .expect(403);
      expect(await counts()).toEqual(before);
      const activity = await createActivity(app(), {
        committeeId: api.subdistrictId,
        kindId: await activityKindId(app(), 'reception_day'),
      });
      const recorded = await api
        .post(
          '/receptions',
          { activityId: activity.id, stationId: station.id, votersReceived: 3 },
          stationStaff,
        )
        .expect(201);
      expect(body(recorded)).toMatchObject({ stationId: station.id, votersReceived: 3 });
      // They record receptions; deleting one is the committee staff's.
      await api.delete(`/receptions/${body(recorded).id as number}`, stationStaff).expect(403);
      await api.get(`/receptions/${body(recorded).id as number}`).expect(200);
      // Reads: the viewer and station staff see the station, the contact's phone masked.
      const read = await api.get(`/stations/${station.id}`, stationStaff).expect(200);
      expect(body(read).contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(body(read).receptionScheduleText).toBe('每周三');
      await api.get(`/stations/${station.id}`).expect(200);
      await api.post(`/stations/${station.id}/reveal`, {}, stationStaff).expect(403);
    });

    it('should reveal the contact phone to a committee admin with personal:reveal, audited', async () => {
      const station = await createStation(app(), { committeeId: api.subdistrictId });
      const key = await issueKey(app(), ['records:read', 'personal:reveal'], {
        role: 'committeeAdmin',
        committeeId: api.districtId,
      });
      const revealed = await api.post(`/stations/${station.id}/reveal`, {}, key).expect(200);
      expect(body(revealed)).toEqual({ id: station.id, contactPhone: station.contactPhone });
      const audit = await api.sut.dataSource.getRepository(AuditLog).findOneBy({
        objectType: 'station',
        objectId: String(station.id),
        action: 'reveal',
      });
      expect(audit).not.toBeNull();
      const raw = await api.sut.dataSource.query<{ contact_phone: string }[]>(
        'SELECT contact_phone FROM station WHERE id = ?',
        [station.id],
      );
      expect(raw[0].contact_phone).not.toContain(station.contactPhone!);
    });

    it("should answer 404 for another committee's station and refuse to hang records on it", async () => {
      const other = await createOrganisation(app());
      const foreign = await createStation(app(), { committeeId: other.subdistrictId });
      await api.get(`/stations/${foreign.id}`).expect(404);
      await api.patch(`/stations/${foreign.id}`, { name: '改名' }).expect(404);
      await api.delete(`/stations/${foreign.id}`).expect(404);
      const before = await counts();
      const role = await api
        .post('/station-roles', {
          stationId: foreign.id,
          role: 'head',
          personName: '张',
          startsOn: '2020-01-01',
        })
        .expect(422);
      expect(fieldsOf(role)).toEqual(['stationId']);
      const assessment = await api
        .post('/station-assessments', { stationId: foreign.id, year: 2020 })
        .expect(422);
      expect(fieldsOf(assessment)).toEqual(['stationId']);
      const moved = await api
        .post('/stations', stationInput({ committeeId: other.subdistrictId }))
        .expect(422);
      expect(fieldsOf(moved)).toEqual(['committeeId']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('bad input', () => {
    it('should name the fields of a bad request and write nothing', async () => {
      const committeeId = await api.ownCommittee();
      const station = await createStation(app(), { committeeId });
      const before = await counts();
      const bad = await api
        .post('/stations', { committeeId, name: '', address: '地址', floorArea: -1, latitude: 91 })
        .expect(400);
      expect(fieldsOf(bad)).toEqual(['floorArea', 'latitude', 'name']);
      const kind = await api
        .post(
          '/stations',
          stationInput({
            committeeId,
            receptionSchedule: { kind: 'daily' as 'weekly', days: [1] },
          }),
        )
        .expect(400);
      expect(fieldsOf(kind)).toEqual(['receptionSchedule.kind']);
      const weekday = await api
        .post(
          '/stations',
          stationInput({ committeeId, receptionSchedule: { kind: 'weekly', days: [9] } }),
        )
        .expect(400);
      expect(fieldsOf(weekday)).toEqual(['receptionSchedule.days']);
      const none = await api
        .patch(`/stations/${station.id}`, { receptionSchedule: { kind: 'monthly', days: [] } })
        .expect(400);
      expect(fieldsOf(none)).toEqual(['receptionSchedule.days']);
      const backwards = await api
        .post('/station-roles', {
          stationId: station.id,
          role: 'liaisonOfficer',
          personName: '李联络员',
          startsOn: '2020-06-01',
          endsOn: '2020-05-31',
        })
        .expect(400);
      expect(fieldsOf(backwards)).toEqual(['endsOn']);
      const nobody = await api
        .post('/station-roles', { stationId: station.id, role: 'head', startsOn: '2020-06-01' })
        .expect(400);
      expect(fieldsOf(nobody)).toEqual(['personName']);
      const negative = await api
        .post('/receptions', { activityId: 1, stationId: station.id, votersReceived: -1 })
        .expect(400);
      expect(fieldsOf(negative)).toEqual(['votersReceived']);
      const year = await api
        .post('/station-assessments', { stationId: station.id, year: 'x' })
        .expect(400);
      expect(fieldsOf(year)).toEqual(['year']);
      expect(await counts()).toEqual(before);
      // A good schedule is stored in order and read out in Chinese.
      const monthly = await api
        .patch(`/stations/${station.id}`, { receptionSchedule: { kind: 'monthly', days: [15, 1] } })
        .expect(200);
      expect(body(monthly)).toMatchObject({
        receptionSchedule: { kind: 'monthly', days: [1, 15] },
        receptionScheduleText: '每月1日、15日',
      });
    });
  });

  describe('people over time', () => {
    it('should keep one head at a time (409) and station deputies of the station’s committee', async () => {
      const committeeId = await api.ownCommittee();
      const station = await createStation(app(), { committeeId });
      const first = await api
        .post('/station-roles', {
          stationId: station.id,
          role: 'head',
          personName: '王站长',
          startsOn: '2019-01-01',
          endsOn: '2020-06-30',
        })
        .expect(201);
      const before = await count(StationRole);
      const overlap = await api
        .post('/station-roles', {
          stationId: station.id,
          role: 'head',
          personName: '赵站长',
          startsOn: '2020-06-30',
        })
        .expect(409);
      expect(body(overlap).existingId).toBe(body(first).id);
      expect(fieldsOf(overlap)).toEqual(['startsOn']);
      const stranger = await createDeputy(app(), { committeeId: api.subdistrictId });
      const foreignDeputy = await api
        .post('/station-roles', {
          stationId: station.id,
          role: 'deputy',
          deputyId: stranger.id,
          startsOn: '2020-01-01',
        })
        .expect(422);
      expect(fieldsOf(foreignDeputy)).toEqual(['deputyId']);
      expect(await count(StationRole)).toBe(before);
      // The next head starts the day after; a deputy head may overlap; a deputy on duty.
      await api
        .post('/station-roles', {
          stationId: station.id,
          role: 'head',
          personName: '赵站长',
          startsOn: '2020-07-01',
        })
        .expect(201);
      await api
        .post('/station-roles', {
          stationId: station.id,
          role: 'deputyHead',
          personName: '钱副站长',
          startsOn: '2020-01-01',
        })
        .expect(201);
      const deputy = await createDeputy(app(), { committeeId });
      await api
        .post('/station-roles', {
          stationId: station.id,
          role: 'deputy',
          deputyId: deputy.id,
          startsOn: '2020-01-01',
        })
        .expect(201);
      const listed = await api.get(`/station-roles?stationId=${station.id}&role=head`).expect(200);
      expect(body(listed).total).toBe(2);
    });
  });

  describe('receptions', () => {
    it('should extend only a station activity of the station’s committee, once', async () => {
      const committeeId = await api.ownCommittee();
      const station = await createStation(app(), { committeeId });
      const meeting = await createActivity(app(), { committeeId });
      const before = await count(Reception);
      const wrongKind = await api
        .post('/receptions', { activityId: meeting.id, stationId: station.id })
        .expect(422);
      expect(fieldsOf(wrongKind)).toEqual(['activityId']);
      const otherCommittee = await api.ownCommittee();
      const elsewhere = await createActivity(app(), {
        committeeId: otherCommittee,
        kindId: await activityKindId(app(), 'reception_day'),
      });
      const outside = await api
        .post('/receptions', { activityId: elsewhere.id, stationId: station.id })
        .expect(422);
      expect(fieldsOf(outside)).toEqual(['activityId']);
      expect(await count(Reception)).toBe(before);
      const day = await createActivity(app(), {
        committeeId,
        kindId: await activityKindId(app(), 'reception_day'),
      });
      // Announced after the reception day (2020-03-10 in the app zone), or after today: 422.
      const late = await api
        .post('/receptions', {
          activityId: day.id,
          stationId: station.id,
          announcedOn: '2020-03-11',
        })
        .expect(422);
      expect(fieldsOf(late)).toEqual(['announcedOn']);
      const planned = await createActivity(app(), {
        committeeId,
        kindId: await activityKindId(app(), 'reception_day'),
        startsAt: '2099-01-10T09:00:00+08:00',
        status: 'planned',
      });
      const ahead = await api
        .post('/receptions', {
          activityId: planned.id,
          stationId: station.id,
          announcedOn: '2099-01-02',
        })
        .expect(422);
      expect(fieldsOf(ahead)).toEqual(['announcedOn']);
      expect(await count(Reception)).toBe(before);
      const created = await api
        .post('/receptions', {
          activityId: day.id,
          stationId: station.id,
          announcedOn: '2020-03-08',
          votersReceived: 9,
        })
        .expect(201);
      const duplicate = await api
        .post('/receptions', { activityId: day.id, stationId: station.id })
        .expect(409);
      expect(body(duplicate).existingId).toBe(body(created).id);
      expect(await count(Reception)).toBe(before + 1);
    });
  });

  describe('assessments', () => {
    it('should assess a station against the standard in one write, once a year, with its gaps', async () => {
      const committeeId = await api.ownCommittee();
      const station = await createStation(app(), { committeeId });
      const items = await standard();
      expect(items.map((item) => item.title)).toContain('有场所');
      const before = await counts();
      const unknown = await api
        .post('/station-assessments', {
          stationId: station.id,
          year: 2020,
          items: [
            { standardItemId: items[0].id, met: true },
            { standardItemId: 999999, met: true },
          ],
        })
        .expect(422);
      expect(fieldsOf(unknown)).toEqual(['items.1.standardItemId']);
      const twice = await api
        .post('/station-assessments', {
          stationId: station.id,
          year: 2020,
          items: [
            { standardItemId: items[0].id, met: true },
            { standardItemId: items[0].id, met: false },
          ],
        })
        .expect(400);
      expect(fieldsOf(twice)).toEqual(['items.1.standardItemId']);
      expect(await counts()).toEqual(before);
      const created = await api
        .post('/station-assessments', {
          stationId: station.id,
          year: 2020,
          items: items
            .slice(1)
            .map((item) => ({ standardItemId: item.id, met: true, evidence: '现场查看' })),
        })
        .expect(201);
      const max = items.reduce((sum, item) => sum + item.weight, 0);
      expect(body(created)).toMatchObject({ totalScore: max - items[0].weight, maxScore: max });
      expect(body(created).gaps).toEqual([
        { standardItemId: items[0].id, title: items[0].title, weight: items[0].weight },
      ]);
      expect((body(created).items as unknown[]).length).toBe(items.length);
      const id = body(created).id as number;
      const duplicate = await api
        .post('/station-assessments', { stationId: station.id, year: 2020 })
        .expect(409);
      expect(body(duplicate).existingId).toBe(id);
      expect(await count(StationAssessment)).toBe(before[3] + 1);
      expect(await count(StationAssessmentItem)).toBe(before[4] + items.length);
      const fixed = await api
        .patch(`/station-assessments/${id}`, {
          items: [{ standardItemId: items[0].id, met: true }],
        })
        .expect(200);
      expect(body(fixed)).toMatchObject({ totalScore: max, maxScore: max, gaps: [] });
    });
  });

  describe('reports/overview', () => {
    it('should count the year’s stations, receptions, deputies on duty, voters and assessment gaps', async () => {
      const committeeId = await api.ownCommittee();
      const north = await createStation(app(), { committeeId });
      const south = await createStation(app(), { committeeId });
      const [a, b] = [
        await createDeputy(app(), { committeeId }),
        await createDeputy(app(), { committeeId }),
      ];
      const first = await createReception(app(), {
        station: north,
        votersReceived: 12,
        onDuty: [a.id, b.id],
      });
      const second = await createReception(app(), {
        station: south,
        votersReceived: 5,
        onDuty: [a.id],
        startsAt: '2020-12-31T20:00:00+08:00',
      });
      // Planned, and held in another year: neither counts for 2020.
      await createReception(app(), { station: north, votersReceived: 50, status: 'planned' });
      await createReception(app(), {
        station: north,
        votersReceived: 50,
        startsAt: '2019-12-31T23:00:00+08:00',
      });
      const items = await standard();
      const assessment = await api
        .post('/station-assessments', {
          stationId: north.id,
          year: 2020,
          items: items.slice(2).map((item) => ({ standardItemId: item.id, met: true })),
        })
        .expect(201);

      const key = await issueKey(app(), ['reports:read'], {
        role: 'districtViewer',
        committeeId: api.districtId,
      });
      const answer = await api
        .get(`/reports/overview?committeeId=${committeeId}&year=2020`, key)
        .expect(200);
      const sections = (
        answer.body as {
          sections: {
            area: string;
            label: string;
            figures: Figure[];
            lists: Record<string, { items: Record<string, unknown>[] }>;
          }[];
        }
      ).sections;
      const section = sections.find((s) => s.area === 'stations')!;
      expect(section.label).toBe('代表联络站');
      const figure = (name: string) => section.figures.find((f) => f.name === name)!;
      expect(figure('stations')).toMatchObject({
        value: 2,
        records: { type: 'station', ids: [north.id, south.id] },
      });
      expect(figure('receptionsHeld')).toMatchObject({
        value: 2,
        records: { ids: [first.id, second.id] },
      });
      expect(figure('deputiesOnDuty')).toMatchObject({
        value: 2,
        records: { type: 'deputy', ids: [a.id, b.id].sort((x, y) => x - y) },
      });
      expect(figure('dutyPersonTimes').value).toBe(3);
      expect(figure('votersReceived')).toMatchObject({
        value: 17,
        records: { ids: [first.id, second.id] },
      });
      expect(figure('stationsAssessed')).toMatchObject({
        value: 1,
        records: { ids: [body(assessment).id] },
      });
      expect(figure('assessmentGaps').value).toBe(2);
      expect(section.lists.assessments.items).toEqual([
        expect.objectContaining({
          id: body(assessment).id,
          station: north.name,
          score: body(assessment).totalScore,
          max: body(assessment).maxScore,
          gaps: `${items[0].title}、${items[1].title}`,
        }),
      ]);
      expect(section.lists.gaps.items.map((row) => row.item)).toEqual([
        items[0].title,
        items[1].title,
      ]);
    });
  });

  describe('admin panel', () => {
    interface AdminAnswer {
      record?: { id: string; params: Record<string, unknown>; errors?: Record<string, unknown> };
      records?: { id: string; params: Record<string, unknown> }[];
    }
    const answer = (response: request.Response) => response.body as AdminAnswer;

    it('should take the schedule as two form fields, mask the phone, offer only station activities and rescore an item', async () => {
      const committeeId = await api.ownCommittee();
      const { user } = await createAdminUser(app(), { role: 'staff', committeeId });
      const clerk = (await login(api.server, user.username)).agent;
      const post = (path: string, form: Record<string, string>) =>
        clerk.post(`/admin/api${path}`).type('form').send(form);
      const before = await count(Station);
      const refused = await post('/resources/Station/actions/new', {
        committeeId: String(committeeId),
        name: '面板联络站',
        address: '面板路1号',
        receptionScheduleKind: 'weekly',
        receptionScheduleDays: '8',
      });
      expect(Object.keys(answer(refused).record?.errors ?? {})).toEqual(['receptionSchedule.days']);
      expect(await count(Station)).toBe(before);
      const created = await post('/resources/Station/actions/new', {
        committeeId: String(committeeId),
        name: '面板联络站',
        address: '面板路1号',
        receptionScheduleKind: 'monthly',
        receptionScheduleDays: '15，1',
        contactPhone: '13812345678',
      });
      expect(answer(created).record?.errors).toEqual({});
      const saved = await api.sut.dataSource
        .getRepository(Station)
        .findOneByOrFail({ committeeId, name: '面板联络站' });
      expect(saved.receptionSchedule).toEqual({ kind: 'monthly', days: [1, 15] });
      const list = answer(await clerk.get('/admin/api/resources/Station/actions/list').expect(200));
      const row = list.records!.find((r) => String(r.id) === String(saved.id))!;
      expect(row.params).toMatchObject({
        receptionScheduleText: '每月1日、15日',
        contactPhone: '138****5678',
      });
      const day = await createActivity(app(), {
        committeeId,
        kindId: await activityKindId(app(), 'reception_day'),
      });
      const meeting = await createActivity(app(), { committeeId });
      const offered = answer(
        await clerk.get('/admin/api/resources/ReceptionActivityChoice/actions/search/').expect(200),
      ).records!.map((r) => Number(r.id));
      expect(offered).toContain(day.id);
      expect(offered).not.toContain(meeting.id);
      // An assessment made in the panel has every item; ticking one rescores it.
      const assessed = await post('/resources/StationAssessment/actions/new', {
        stationId: String(saved.id),
        year: '2021',
      });
      expect(answer(assessed).record?.errors).toEqual({});
      const assessment = await api.sut.dataSource
        .getRepository(StationAssessment)
        .findOneByOrFail({ stationId: saved.id, year: 2021 });
      const [first] = await api.sut.dataSource
        .getRepository(StationAssessmentItem)
        .find({ where: { assessmentId: assessment.id }, order: { id: 'ASC' } });
      await post(`/resources/StationAssessmentItem/records/${first.id}/edit`, {
        met: 'true',
        evidence: '现场查看',
      }).expect(200);
      const rescored = await api.sut.dataSource
        .getRepository(StationAssessment)
        .findOneByOrFail({ id: assessment.id });
      expect(rescored.totalScore).toBe(first.weight);
    });
  });

  describe('cadence', () => {
    it("should close a station's cadence rule period exactly once like the committee's, with history and one reminder", async () => {
      const committeeId = await api.ownCommittee();
      await createAdminUser(app(), { role: 'staff', committeeId });
      const station = await createStation(app(), { committeeId });
      const idle = await createStation(app(), { committeeId });
      const [a, b] = [
        await createDeputy(app(), { committeeId }),
        await createDeputy(app(), { committeeId }),
      ];
      for (const deputy of [a, b]) {
        await createStationRole(app(), {
          stationId: station.id,
          deputyId: deputy.id,
          startsOn: '2020-01-01',
        });
      }
      // Announced 4 days ahead, a on duty; then one announced only the day before.
      await createReception(app(), {
        station,
        announcedOn: '2020-11-28',
        onDuty: [a.id],
        startsAt: '2020-12-02T09:00:00+08:00',
      });
      await createReception(app(), {
        station,
        announcedOn: '2020-12-29',
        onDuty: [a.id],
        startsAt: '2020-12-30T09:00:00+08:00',
      });
      const rules = api.sut.dataSource.getRepository(CadenceRule);
      const seeded = await rules.find({ where: { subject: 'station' }, order: { id: 'ASC' } });
      expect(seeded.map((rule) => [rule.measure, rule.period, rule.enabled])).toEqual([
        ['receptions', 'week', false],
        ['noticedReceptions', 'month', false],
        ['deputiesOnDuty', 'year', false],
      ]);
      const [weekly, noticed, onDuty] = seeded;
      await runAsSystem('test', async () => {
        for (const rule of seeded) {
          await app().get(CadenceRulesService).update(rule.id, { enabled: true });
        }
      });
      try {
        const jobs = app().get(JobsService);
        const reminders = () =>
          api.sut.dataSource.getRepository(Notification).count({
            where: {
              kind: 'cadenceReminder',
              dedupeKey: Like(`%rule${onDuty.id}:s${station.id}:2020:%`),
            },
          });
        // 16 days before the year ends b has not been on duty: one reminder (threshold 30).
        await jobs.run('deadline-check', new Date('2020-12-15T08:00:00+08:00'));
        const reminded = await reminders();
        await jobs.run('deadline-check', new Date('2020-12-15T09:00:00+08:00'));
        await jobs.run('deadline-check', new Date('2020-12-16T08:00:00+08:00'));
        expect(reminded).toBeGreaterThan(0);
        expect(await reminders()).toBe(reminded);

        // Monday 4 January 2021: the ISO week 2020-W53, December and 2020 have all ended.
        const asOf = new Date('2021-01-04T00:45:00+08:00');
        const first = await jobs.run('period-close', asOf);
        const again = await jobs.run('period-close', asOf);
        const ruleRuns = (report: typeof first, rule: CadenceRule) =>
          report.runs
            .filter((run) => run.runKey.startsWith(`rule${rule.id}:`))
            .map((run) => run.result.status);
        expect(ruleRuns(first, onDuty)).toEqual(['ran']);
        // The same close again finds the period closed: nothing runs (or a claim is skipped).
        expect(ruleRuns(again, onDuty)).not.toContain('ran');
        expect(ruleRuns(again, weekly)).not.toContain('ran');
        const zone = 'Asia/Shanghai';
        const week = periodContaining('week', new Date('2020-12-30T09:00:00+08:00'), zone).key;
        const records = () =>
          api.sut.dataSource.getRepository(ComplianceRecord).find({
            where: { subjectType: 'station', subjectId: In([station.id, idle.id]) },
            order: { ruleId: 'ASC', subjectId: 'ASC', periodKey: 'ASC' },
          });
        const closed = (await records()).filter((r) =>
          [week, '2020-12', '2020'].includes(r.periodKey),
        );
        expect(
          closed.map((r) => [r.ruleId, r.subjectId, r.periodKey, r.status, r.qualifyingCount]),
        ).toEqual([
          [weekly.id, station.id, week, 'met', 1],
          [weekly.id, idle.id, week, 'missed', 0],
          [noticed.id, station.id, '2020-12', 'met', 1],
          [noticed.id, idle.id, '2020-12', 'missed', 0],
          // Of two station deputies only a was on duty; the idle station has none assigned.
          [onDuty.id, station.id, '2020', 'missed', 1],
          [onDuty.id, idle.id, '2020', 'met', 0],
        ]);
        expect(closed.every((r) => r.committeeId === committeeId && r.finalisedAt !== null)).toBe(
          true,
        );
        const history = await api.sut.dataSource.getRepository(ComplianceEvaluation).find({
          where: { ruleId: onDuty.id, subjectId: station.id },
        });
        expect(history.map((h) => [h.periodKey, h.status, h.previousStatus, h.notified])).toEqual([
          ['2020', 'missed', null, true],
        ]);
        const missed = () =>
          api.sut.dataSource.getRepository(Notification).count({
            where: {
              kind: 'cadenceMissed',
              dedupeKey: Like(`%rule${onDuty.id}:s${station.id}:2020%`),
            },
          });
        const notices = await missed();
        expect(notices).toBeGreaterThan(0);

        // A week later: the next week closes; 2020 stays closed once.
        const later = await jobs.run('period-close', new Date('2021-01-11T00:45:00+08:00'));
        expect(ruleRuns(later, onDuty)).toEqual([]);
        expect(ruleRuns(later, weekly)).toHaveLength(1);
        const after = await records();
        expect(after.filter((r) => r.ruleId === onDuty.id)).toHaveLength(2);
        expect(after.filter((r) => r.ruleId === weekly.id && r.periodKey === week)).toHaveLength(2);
        expect(
          after.filter((r) => r.ruleId === weekly.id && r.periodKey === '2021-W01'),
        ).toHaveLength(2);
        expect(
          await api.sut.dataSource.getRepository(ComplianceEvaluation).count({
            where: { ruleId: weekly.id, subjectId: station.id, periodKey: week },
          }),
        ).toBe(1);
        expect(
          await api.sut.dataSource.getRepository(ComplianceEvaluation).count({
            where: { ruleId: onDuty.id, subjectId: station.id },
          }),
        ).toBe(1);
        expect(await missed()).toBe(notices);
        // The committees' compliance API leaves station rules out (its rows are committees).
        const reports = await issueKey(app(), ['reports:read'], {
          role: 'districtViewer',
          committeeId: api.districtId,
        });
        const compliance = await api
          .get(`/compliance?year=2020&committeeId=${committeeId}`, reports)
          .expect(200);
        const ruleIds = new Set(
          ((compliance.body as { items?: { ruleId: number }[] }).items ?? []).map(
            (item) => item.ruleId,
          ),
        );
        expect([...ruleIds].filter((id) => seeded.some((rule) => rule.id === id))).toEqual([]);
      } finally {
        await runAsSystem('test', async () => {
          for (const rule of seeded) {
            await app().get(CadenceRulesService).update(rule.id, { enabled: false });
          }
        });
      }
    });
  });
});
