import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createDeputies } from '../factories/deputy.factory.js';
import { issueKey } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';

interface Figure {
  name: string;
  value: number;
  unit: string;
  records: { type: string; ids: number[] };
  breakdown?: Figure[];
}
interface Section {
  area: string;
  label: string;
  figures: Figure[];
  lists: Record<string, { type: string; items: ({ id: number } & Record<string, unknown>)[] }>;
}

const figure = (section: Section, name: string): Figure => {
  const found = section.figures.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no figure ${name} in ${section.area}`);
  return found;
};

/** GET /reports/overview: every area's section, each figure with the records it counted. */
describe(`reports overview on ${testDialect()}`, () => {
  let api: RestApi;
  let reports: string;

  beforeAll(async () => {
    api = await startRestApi();
    reports = await issueKey(api.sut.app, ['reports:read'], {
      role: 'districtViewer',
      committeeId: api.districtId,
    });
  });

  afterAll(async () => {
    await api.close();
  });

  const overview = async (committeeId: number, year: number): Promise<Section[]> => {
    const response = await api
      .get(`/reports/overview?committeeId=${committeeId}&year=${year}`, reports)
      .expect(200);
    return body(response).sections as Section[];
  };

  it('should count the year’s held activities by category and each deputy’s participation, listing the ids', async () => {
    const committeeId = await api.ownCommittee();
    const [first, second] = await createDeputies(api.sut.app, 2, { committeeId });
    const lecture = await activityKindId(api.sut.app, 'lecture');
    const meeting = await createActivity(api.sut.app, {
      committeeId,
      startsAt: '2020-01-01T00:00:00+08:00',
      attendance: [
        { deputyId: first.id, status: 'attended' },
        { deputyId: second.id, status: 'leave' },
      ],
    });
    const study = await createActivity(api.sut.app, {
      committeeId,
      kindId: lecture,
      startsAt: '2020-12-31T23:59:00+08:00',
      attendance: [{ deputyId: first.id, status: 'attended' }],
    });
    // Outside the year in China time, planned, or cancelled: not counted.
    await createActivity(api.sut.app, { committeeId, startsAt: '2019-12-31T23:59:00+08:00' });
    await createActivity(api.sut.app, { committeeId, startsAt: '2021-01-01T00:00:00+08:00' });
    await createActivity(api.sut.app, {
      committeeId,
      startsAt: '2020-05-01T09:00:00+08:00',
      status: 'planned',
    });

    const activities = (await overview(committeeId, 2020)).find(
      (section) => section.area === 'activities',
    )!;
    const held = figure(activities, 'heldActivities');
    expect(held).toMatchObject({ value: 2, unit: '次' });
    expect(held.records).toEqual({ type: 'activity', ids: [meeting.id, study.id] });
    const byCategory = Object.fromEntries(
      held.breakdown!.map((part) => [part.name, part.records.ids]),
    );
    expect(byCategory).toMatchObject({
      'heldActivities.meeting': [meeting.id],
      'heldActivities.training': [study.id],
      'heldActivities.supervision': [],
    });
    expect(held.breakdown!.reduce((sum, part) => sum + part.value, 0)).toBe(held.value);
    expect(figure(activities, 'participatingDeputies').records.ids).toEqual([first.id]);
    expect(figure(activities, 'attendances').value).toBe(2);
    expect(activities.lists.deputies.items).toEqual([
      {
        id: first.id,
        name: first.name,
        attended: 2,
        onLeave: 0,
        absent: 0,
        activityIds: [meeting.id, study.id],
      },
      {
        id: second.id,
        name: second.name,
        attended: 0,
        onLeave: 1,
        absent: 0,
        activityIds: [],
      },
    ]);
  });

  it('should cover a district’s subdistricts when asked for the district', async () => {
    const committeeId = await api.ownCommittee();
    const activity = await createActivity(api.sut.app, { committeeId });
    const response = await api
      .get(`/reports/overview?committeeId=${api.districtId}&year=2020`, reports)
      .expect(200);
    expect(body(response)).toMatchObject({ committeeId: api.districtId, year: 2020 });
    expect(body(response).committeeIds).toEqual(
      expect.arrayContaining([api.districtId, api.subdistrictId, committeeId]),
    );
    const activities = (body(response).sections as Section[]).find(
      (section) => section.area === 'activities',
    )!;
    expect(figure(activities, 'heldActivities').records.ids).toContain(activity.id);
  });

  it('should answer 404 for a committee outside the key’s scope, as for one that does not exist', async () => {
    const { subdistrictId: foreign } = await createOrganisation(api.sut.app);
    const outside = await api
      .get(`/reports/overview?committeeId=${foreign}&year=2020`, reports)
      .expect(404);
    expect(body(outside).details).toEqual([
      { field: 'committeeId', problem: expect.stringContaining('不在权限范围内') as string },
    ]);
    await api.get(`/reports/overview?committeeId=99999999&year=2020`, reports).expect(404);
  });

  it('should name the field of a bad query and refuse a key without reports:read', async () => {
    const bad = await api
      .get(`/reports/overview?committeeId=${api.subdistrictId}&year=abc`, reports)
      .expect(400);
    expect(body(bad).details!.map((detail) => detail.field)).toContain('year');
    const missing = await api.get(`/reports/overview?year=2020`, reports).expect(400);
    expect(body(missing).details!.map((detail) => detail.field)).toContain('committeeId');
    // The writer key has records:read and records:write, but not reports:read.
    await api
      .get(`/reports/overview?committeeId=${api.subdistrictId}&year=2020`, api.writer)
      .expect(403);
  });
});
