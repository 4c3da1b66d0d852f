import request from 'supertest';
import { In } from 'typeorm';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { DictionaryItem } from '../../src/modules/dictionaries/dictionary-item.entity.js';
import { Opinion } from '../../src/modules/supervision/opinion.entity.js';
import { OpinionUpdate } from '../../src/modules/supervision/opinion-update.entity.js';
import { SupervisionActivity } from '../../src/modules/supervision/supervision-activity.entity.js';
import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import {
  createOpinion,
  createSupervisionActivity,
  dictionaryItemId,
  supervisionAreaId,
  walkOpinion,
} from '../factories/supervision.factory.js';
import { issueKey } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';

/** Supervision activities, opinions, their workflow and timeline over the REST API ([M1] 监督). */
describe(`supervision API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi();
  }, 60000);

  afterAll(async () => {
    await api.close();
  });

  const app = () => api.sut.app;
  const fieldsOf = (response: request.Response) => body(response).details!.map((d) => d.field);
  const count = (entity: typeof SupervisionActivity | typeof Opinion | typeof OpinionUpdate) =>
    api.sut.dataSource.getRepository(entity).count();
  const timeline = async (opinionId: number) =>
    body(await api.get(`/opinions/${opinionId}/updates`).expect(200)).items!;

  describe('access', () => {
    it('should answer 401 without a key and 403 to a district viewer writing', async () => {
      const supervision = await createSupervisionActivity(app(), {
        committeeId: api.subdistrictId,
      });
      const opinion = await createOpinion(app(), { supervisionActivityId: supervision.id });
      await request(api.server).get('/api/v1/opinions').expect(401);
      await request(api.server).get('/api/v1/supervision-activities').expect(401);
      const before = await count(OpinionUpdate);
      const reader = api.reader;
      await api.post('/supervision-activities', {}, reader).expect(403);
      await api
        .post('/opinions', { supervisionActivityId: supervision.id, content: 'x' }, reader)
        .expect(403);
      await api.patch(`/opinions/${opinion.id}`, { content: 'x' }, reader).expect(403);
      await api
        .post(`/opinions/${opinion.id}/transitions`, { action: 'close', reason: 'x' }, reader)
        .expect(403);
      await api.post(`/opinions/${opinion.id}/updates`, { note: 'x' }, reader).expect(403);
      expect(await count(OpinionUpdate)).toBe(before);
      // … but reads everything, the timeline included.
      await api.get(`/opinions/${opinion.id}`, reader).expect(200);
      await api.get(`/supervision-activities/${supervision.id}`, reader).expect(200);
      await api.get(`/opinions/${opinion.id}/updates`, reader).expect(200);
    });

    it("should answer 404 for another committee's records and refuse to hang opinions on them", async () => {
      const other = await createOrganisation(app());
      const foreign = await createSupervisionActivity(app(), { committeeId: other.subdistrictId });
      const foreignOpinion = await createOpinion(app(), { supervisionActivityId: foreign.id });
      await api.get(`/supervision-activities/${foreign.id}`).expect(404);
      await api.get(`/opinions/${foreignOpinion.id}`).expect(404);
      await api.get(`/opinions/${foreignOpinion.id}/updates`).expect(404);
      await api
        .post(`/opinions/${foreignOpinion.id}/transitions`, { action: 'close', reason: 'x' })
        .expect(404);
      await api.post(`/opinions/${foreignOpinion.id}/updates`, { note: 'x' }).expect(404);
      const before = await count(Opinion);
      const refused = await api
        .post('/opinions', { supervisionActivityId: foreign.id, content: '意见' })
        .expect(422);
      expect(fieldsOf(refused)).toEqual(['supervisionActivityId']);
      const kindId = await activityKindId(app(), 'inspection');
      const foreignActivity = await createActivity(app(), {
        committeeId: other.subdistrictId,
        kindId,
      });
      const areaId = await supervisionAreaId(app());
      const outside = await api
        .post('/supervision-activities', { activityId: foreignActivity.id, areaId, subject: 's' })
        .expect(422);
      expect(fieldsOf(outside)).toEqual(['activityId']);
      expect(await count(Opinion)).toBe(before);
    });
  });

  describe('supervision activities', () => {
    it('should record the supervision part of a supervision-kind activity, once', async () => {
      const committeeId = await api.ownCommittee();
      const kindId = await activityKindId(app(), 'satisfaction_survey');
      const activity = await createActivity(app(), { committeeId, kindId });
      const areaId = await supervisionAreaId(app(), 'livelihood');
      const created = await api
        .post('/supervision-activities', {
          activityId: activity.id,
          areaId,
          subject: '民生实事项目满意度测评',
          findings: '部分项目进度滞后',
        })
        .expect(201);
      const id = body(created).id as number;
      expect(body(created)).toMatchObject({ activityId: activity.id, areaId });
      const fetched = await api.get(`/supervision-activities/${id}`).expect(200);
      expect(body(fetched)).toMatchObject({ subject: '民生实事项目满意度测评' });
      const listed = await api.get(`/supervision-activities?activityId=${activity.id}`).expect(200);
      expect(body(listed).items!.map((item) => item.id)).toEqual([id]);
      const duplicate = await api
        .post('/supervision-activities', { activityId: activity.id, areaId, subject: '再次' })
        .expect(409);
      expect(body(duplicate).existingId).toBe(id);
      const audit = await api.sut.dataSource.getRepository(AuditLog).findOneBy({
        objectType: 'supervisionActivity',
        objectId: String(id),
        action: 'create',
      });
      expect(audit).not.toBeNull();
    });

    it('should name the fields of a bad request and refuse wrong references, writing nothing', async () => {
      const committeeId = await api.ownCommittee();
      const before = await count(SupervisionActivity);
      const bad = await api
        .post('/supervision-activities', { activityId: 'x', areaId: 0, subject: '' })
        .expect(400);
      expect([...new Set(fieldsOf(bad))].sort()).toEqual(['activityId', 'areaId', 'subject']);
      const meeting = await createActivity(app(), { committeeId });
      const areaId = await supervisionAreaId(app());
      const notSupervision = await api
        .post('/supervision-activities', { activityId: meeting.id, areaId, subject: 's' })
        .expect(422);
      expect(fieldsOf(notSupervision)).toEqual(['activityId']);
      const inspection = await createActivity(app(), {
        committeeId,
        kindId: await activityKindId(app(), 'inspection'),
      });
      const otherDictionary = await dictionaryItemId(app(), 'issue_category', 'transport');
      const wrongArea = await api
        .post('/supervision-activities', {
          activityId: inspection.id,
          areaId: otherDictionary,
          subject: 's',
        })
        .expect(422);
      expect(fieldsOf(wrongArea)).toEqual(['areaId']);
      const disabledId = await dictionaryItemId(app(), 'supervision_area', 'civility');
      const items = api.sut.dataSource.getRepository(DictionaryItem);
      await items.update({ id: disabledId }, { enabled: false });
      try {
        const disabled = await api
          .post('/supervision-activities', {
            activityId: inspection.id,
            areaId: disabledId,
            subject: 's',
          })
          .expect(422);
        expect(fieldsOf(disabled)).toEqual(['areaId']);
      } finally {
        await items.update({ id: disabledId }, { enabled: true });
      }
      await api
        .post('/supervision-activities', { activityId: 999999, areaId, subject: 's' })
        .expect(422);
      expect(await count(SupervisionActivity)).toBe(before);
    });
  });

  describe('opinions', () => {
    it('should open an opinion on the activity’s day and committee, and refuse dates out of order', async () => {
      const committeeId = await api.ownCommittee();
      const supervision = await createSupervisionActivity(app(), {
        committeeId,
        startsAt: '2019-04-10T23:30:00+08:00',
      });
      const created = await api
        .post('/opinions', {
          supervisionActivityId: supervision.id,
          content: '加快老旧小区改造进度',
        })
        .expect(201);
      // 23:30 China time is 15:30 UTC: the raise date is the local day.
      expect(body(created)).toMatchObject({
        committeeId,
        raisedOn: '2019-04-10',
        status: 'open',
        dueOn: null,
        completedOn: null,
      });
      const before = await count(Opinion);
      const early = await api
        .post('/opinions', {
          supervisionActivityId: supervision.id,
          content: '意见',
          raisedOn: '2019-05-01',
          dueOn: '2019-04-30',
        })
        .expect(422);
      expect(fieldsOf(early)).toEqual(['dueOn']);
      const beforeActivity = await api
        .post('/opinions', {
          supervisionActivityId: supervision.id,
          content: '意见',
          raisedOn: '2019-04-09',
        })
        .expect(422);
      expect(fieldsOf(beforeActivity)).toEqual(['raisedOn']);
      const badDate = await api
        .post('/opinions', {
          supervisionActivityId: supervision.id,
          content: '',
          dueOn: '2019-02-30',
        })
        .expect(400);
      expect(fieldsOf(badDate).sort()).toEqual(['content', 'dueOn']);
      expect(await count(Opinion)).toBe(before);
      const id = body(created).id as number;
      const patchDue = await api.patch(`/opinions/${id}`, { dueOn: '2019-04-01' }).expect(422);
      expect(fieldsOf(patchDue)).toEqual(['dueOn']);
      expect(body(await api.get(`/opinions/${id}`).expect(200)).dueOn).toBeNull();
    });

    it('should change the status only by a transition (409 WORKFLOW_FIELD)', async () => {
      const supervision = await createSupervisionActivity(app(), {
        committeeId: api.subdistrictId,
      });
      const opinion = await createOpinion(app(), { supervisionActivityId: supervision.id });
      const refused = await api.patch(`/opinions/${opinion.id}`, { status: 'done' }).expect(409);
      expect(body(refused)).toMatchObject({ code: 'WORKFLOW_FIELD', allowed: ['assign', 'close'] });
      // Sent back unchanged (a form's echo), it is accepted.
      await api.patch(`/opinions/${opinion.id}`, { status: 'open', content: '改写' }).expect(200);
      expect(body(await api.get(`/opinions/${opinion.id}`)).status).toBe('open');
    });

    it('should follow an opinion from open to done with its timeline, one step at a time', async () => {
      const supervision = await createSupervisionActivity(app(), {
        committeeId: api.subdistrictId,
      });
      const opinion = await createOpinion(app(), { supervisionActivityId: supervision.id });
      const path = `/opinions/${opinion.id}/transitions`;
      // 交办 needs a responsible unit and a due date: nothing changes without them.
      const incomplete = await api
        .post(path, { action: 'assign', dueOn: '2019-06-30' })
        .expect(422);
      expect(fieldsOf(incomplete)).toEqual(['responsibleUnit']);
      const earlyDue = await api
        .post(path, { action: 'assign', responsibleUnit: '区住建局', dueOn: '2019-04-01' })
        .expect(422);
      expect(fieldsOf(earlyDue)).toEqual(['dueOn']);
      const foreignField = await api
        .post(path, { action: 'assign', responsibleUnit: '区住建局', completedOn: '2019-05-01' })
        .expect(400);
      expect(fieldsOf(foreignField)).toEqual(['completedOn']);
      expect(await timeline(opinion.id)).toEqual([]);

      const assigned = await api
        .post(path, {
          action: 'assign',
          responsibleUnit: '区住建局',
          dueOn: '2019-06-30',
          note: '会后当场交办',
        })
        .expect(200);
      expect(body(assigned)).toMatchObject({
        status: 'assigned',
        responsibleUnit: '区住建局',
        dueOn: '2019-06-30',
      });
      await api.post(path, { action: 'start' }).expect(200);
      const late = await api
        .post(path, { action: 'finish', completedOn: '2019-04-09' })
        .expect(422);
      expect(fieldsOf(late)).toEqual(['completedOn']);
      const noDate = await api.post(path, { action: 'finish' }).expect(422);
      expect(fieldsOf(noDate)).toEqual(['completedOn']);
      await api.post(`/opinions/${opinion.id}/updates`, { note: '已完成现场踏勘' }).expect(201);
      const done = await api
        .post(path, { action: 'finish', completedOn: '2019-06-20', note: '改造完成' })
        .expect(200);
      expect(body(done)).toMatchObject({ status: 'done', completedOn: '2019-06-20' });

      const entries = await timeline(opinion.id);
      expect(entries.map((entry) => [entry.action, entry.note])).toEqual([
        ['assign', '会后当场交办'],
        ['start', null],
        ['note', '已完成现场踏勘'],
        ['finish', '改造完成'],
      ]);
      expect(entries.every((entry) => typeof entry.actorName === 'string' && entry.at)).toBe(true);
      const audit = await api.sut.dataSource.getRepository(AuditLog).find({
        where: { objectType: 'opinion', objectId: String(opinion.id), action: 'transition' },
        order: { id: 'ASC' },
      });
      expect(audit.map((row) => JSON.parse(String(row.detail)) as unknown)).toEqual([
        expect.objectContaining({ action: 'assign', from: 'open', to: 'assigned' }),
        expect.objectContaining({ action: 'start', from: 'assigned', to: 'inProgress' }),
        expect.objectContaining({ action: 'finish', from: 'inProgress', to: 'done' }),
      ]);
    });

    it('should refuse a step the state does not allow with 409 and the allowed ones, writing nothing', async () => {
      const supervision = await createSupervisionActivity(app(), {
        committeeId: api.subdistrictId,
      });
      const opinion = await createOpinion(app(), { supervisionActivityId: supervision.id });
      const path = `/opinions/${opinion.id}/transitions`;
      const audits = () =>
        api.sut.dataSource
          .getRepository(AuditLog)
          .count({ where: { objectType: In(['opinion', 'opinionUpdate']) } });
      const before = { updates: await count(OpinionUpdate), audit: await audits() };
      const refused = await api
        .post(path, { action: 'finish', completedOn: '2019-05-01' })
        .expect(409);
      expect(body(refused)).toMatchObject({
        code: 'INVALID_TRANSITION',
        allowed: ['assign', 'close'],
      });
      expect(body(refused).message).toContain('交办');
      const unknown = await api.post(path, { action: 'reopen' }).expect(400);
      expect(fieldsOf(unknown)).toEqual(['action']);
      expect(await count(OpinionUpdate)).toBe(before.updates);
      expect(await audits()).toBe(before.audit);
      const unchanged = body(await api.get(`/opinions/${opinion.id}`).expect(200));
      expect(unchanged).toMatchObject({ status: 'open', completedOn: null });

      await walkOpinion(app(), opinion.id, [
        ['assign', { responsibleUnit: '街道城管科', dueOn: '2019-05-31' }],
        ['start'],
        ['finish', { completedOn: '2019-05-20' }],
      ]);
      const final = await api.post(path, { action: 'close', reason: '重复' }).expect(409);
      expect(body(final)).toMatchObject({ code: 'INVALID_TRANSITION', allowed: [] });
    });

    it('should close an unfinished opinion only with a reason', async () => {
      const supervision = await createSupervisionActivity(app(), {
        committeeId: api.subdistrictId,
      });
      const opinion = await createOpinion(app(), { supervisionActivityId: supervision.id });
      const path = `/opinions/${opinion.id}/transitions`;
      const noReason = await api.post(path, { action: 'close' }).expect(422);
      expect(fieldsOf(noReason)).toEqual(['reason']);
      const closed = await api
        .post(path, { action: 'close', reason: '已纳入区级统筹解决' })
        .expect(200);
      expect(body(closed)).toMatchObject({ status: 'closed', closeReason: '已纳入区级统筹解决' });
      expect((await timeline(opinion.id)).map((entry) => entry.action)).toEqual(['close']);
      const again = await api.post(path, { action: 'assign' }).expect(409);
      expect(body(again).allowed).toEqual([]);
    });

    it('should delete an opinion with its timeline, and keep an activity that has opinions', async () => {
      const supervision = await createSupervisionActivity(app(), {
        committeeId: api.subdistrictId,
      });
      const tracked = await createOpinion(app(), { supervisionActivityId: supervision.id });
      await api.post(`/opinions/${tracked.id}/updates`, { note: '跟踪' }).expect(201);
      const emptyNote = await api.post(`/opinions/${tracked.id}/updates`, { note: '' }).expect(400);
      expect(fieldsOf(emptyNote)).toEqual(['note']);
      await api.delete(`/supervision-activities/${supervision.id}`).expect(409);
      await api.delete(`/opinions/${tracked.id}`).expect(204);
      await api.get(`/opinions/${tracked.id}`).expect(404);
      expect(
        await api.sut.dataSource
          .getRepository(OpinionUpdate)
          .count({ where: { opinionId: tracked.id } }),
      ).toBe(0);
      await api.delete(`/supervision-activities/${supervision.id}`).expect(204);
    });
  });

  describe('reports/overview', () => {
    it('should count the year’s supervision and opinions with the ids it counted', async () => {
      const committeeId = await api.ownCommittee();
      const inspection = await createSupervisionActivity(app(), {
        committeeId,
        method: 'inspection',
        area: 'economy',
      });
      const research = await createSupervisionActivity(app(), {
        committeeId,
        method: 'research_visit',
        area: 'environment',
        startsAt: '2019-09-02T09:00:00+08:00',
      });
      // Planned, and held in another year: neither counts for 2019.
      await createSupervisionActivity(app(), { committeeId, status: 'planned' });
      const lastYear = await createSupervisionActivity(app(), {
        committeeId,
        startsAt: '2018-12-31T23:00:00+08:00',
      });
      const opinion = (supervisionActivityId: number) =>
        createOpinion(app(), { supervisionActivityId });
      const assign = (dueOn: string) => ['assign', { responsibleUnit: '区发改局', dueOn }] as const;
      const onTime = await opinion(inspection.id);
      await walkOpinion(app(), onTime.id, [
        [...assign('2019-06-30')],
        ['start'],
        ['finish', { completedOn: '2019-06-30' }],
      ]);
      const lateDone = await opinion(inspection.id);
      await walkOpinion(app(), lateDone.id, [
        [...assign('2019-06-30')],
        ['start'],
        ['finish', { completedOn: '2019-07-15' }],
      ]);
      const overdue = await opinion(research.id);
      await walkOpinion(app(), overdue.id, [[...assign('2019-10-31')]]);
      const closed = await opinion(research.id);
      await walkOpinion(app(), closed.id, [['close', { reason: '不属于本级事权' }]]);
      const open = await opinion(research.id);
      await opinion(lastYear.id);

      const key = await issueKey(app(), ['reports:read'], {
        role: 'districtViewer',
        committeeId: api.districtId,
      });
      const answer = await api.get(`/reports/overview?committeeId=${committeeId}&year=2019`, key);
      expect(answer.status).toBe(200);
      const section = (
        answer.body as { sections: { area: string; figures: Figure[] }[] }
      ).sections.find((s) => s.area === 'supervision')!;
      const figure = (name: string) => section.figures.find((f) => f.name === name)!;
      const ids = (name: string) => figure(name).records.ids;
      expect(figure('supervisionActivities').value).toBe(2);
      expect(ids('supervisionActivities')).toEqual([inspection.id, research.id]);
      expect(
        figure('supervisionActivities').breakdown!.map((f) => [f.name, f.label, f.records.ids]),
      ).toEqual([
        ['supervisionActivities.inspection', '视察', [inspection.id]],
        ['supervisionActivities.research_visit', '调研', [research.id]],
      ]);
      expect(
        figure('supervisionActivitiesByArea').breakdown!.map((f) => [f.label, f.records.ids]),
      ).toEqual([
        ['经济运行', [inspection.id]],
        ['生态环境', [research.id]],
      ]);
      expect(figure('opinionsRaised').value).toBe(5);
      expect(
        Object.fromEntries(figure('opinionsRaised').breakdown!.map((f) => [f.name, f.records.ids])),
      ).toEqual({
        'opinionsRaised.open': [open.id],
        'opinionsRaised.assigned': [overdue.id],
        'opinionsRaised.inProgress': [],
        'opinionsRaised.done': [onTime.id, lateDone.id],
        'opinionsRaised.closed': [closed.id],
      });
      expect(ids('opinionsDone')).toEqual([onTime.id, lateDone.id]);
      expect(ids('opinionsDoneOnTime')).toEqual([onTime.id]);
      expect(ids('opinionsOverdue')).toEqual([overdue.id]);
    });
  });

  it('should move an opinion, its timeline and its files with the activity when the activity moves to another committee', async () => {
    const from = await api.ownCommittee();
    const to = await api.ownCommittee();
    const keyOf = (committeeId: number) =>
      issueKey(app(), ['records:read'], { role: 'staff', committeeId });
    const [fromKey, toKey] = [await keyOf(from), await keyOf(to)];
    const supervision = await createSupervisionActivity(app(), { committeeId: from });
    const opinion = await createOpinion(app(), { supervisionActivityId: supervision.id });
    await api.post(`/opinions/${opinion.id}/updates`, { note: '已约谈' }).expect(201);
    await api.get(`/opinions/${opinion.id}`, fromKey).expect(200);
    await api.get(`/opinions/${opinion.id}`, toKey).expect(404);

    // The district moves the activity (a record entered under the wrong subdistrict).
    await api.patch(`/activities/${supervision.activityId}`, { committeeId: to }).expect(200);
    await api.get(`/opinions/${opinion.id}`, fromKey).expect(404);
    await api.get(`/opinions/${opinion.id}/updates`, fromKey).expect(404);
    const list = await api.get(`/opinions?supervisionActivityId=${supervision.id}`, fromKey);
    expect(body(list).items).toEqual([]);
    await api.get(`/opinions/${opinion.id}`, toKey).expect(200);
    const timeline = await api.get(`/opinions/${opinion.id}/updates`, toKey).expect(200);
    expect(JSON.stringify(body(timeline))).toContain('已约谈');
  });
});

interface Figure {
  name: string;
  label: string;
  value: number;
  records: { type: string; ids: number[] };
  breakdown?: Figure[];
}
