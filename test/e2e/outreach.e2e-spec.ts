import request from 'supertest';
import { In } from 'typeorm';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import type { Figure } from '../../src/platform/areas/statistics.js';
import { OutreachActivity } from '../../src/modules/outreach/outreach-activity.entity.js';
import { VoterIssue } from '../../src/modules/outreach/voter-issue.entity.js';
import { VoterIssueUpdate } from '../../src/modules/outreach/voter-issue-update.entity.js';
import { OutreachDeadlines } from '../../src/modules/outreach/outreach.deadlines.js';
import { Suggestion } from '../../src/modules/suggestions/suggestion.entity.js';
import { activityKindId, createActivity } from '../factories/activity.factory.js';
import { createCommunity, createOrganisation } from '../factories/committee.factory.js';
import { createDeputies, createDeputy } from '../factories/deputy.factory.js';
import { dictionaryItemId } from '../factories/supervision.factory.js';
import {
  createHandlingUnitForReferral,
  createOutreachActivity,
  createVoterIssue,
  issueCategoryId,
  voterIssueInput,
  walkVoterIssue,
} from '../factories/voter-issue.factory.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { issueKey } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';

const PHONE = '13812345678';

/** Visits and forums, voter issues, their workflow, timeline and statistics ([M2] 联系选民). */
describe(`outreach API on ${testDialect()}`, () => {
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
  /**
   * Row counts of every table a voter-issue write touches: issues, timeline entries, and the
   * audit rows of writes (a refusal's own `denied` row is not a write).
   */
  const counts = async () => ({
    issues: await api.sut.dataSource.getRepository(VoterIssue).count(),
    updates: await api.sut.dataSource.getRepository(VoterIssueUpdate).count(),
    writes: await api.sut.dataSource
      .getRepository(AuditLog)
      .count({ where: { action: In(['create', 'update', 'transition', 'delete']) } }),
  });
  const suggestions = () => api.sut.dataSource.getRepository(Suggestion).count();
  const category = () => issueCategoryId(app());
  const keyFor = (
    role: 'staff' | 'stationStaff' | 'committeeAdmin' | 'districtViewer',
    scopes: string[],
    committeeId = api.districtId,
  ) => issueKey(app(), scopes, { role, committeeId });

  describe('access', () => {
    it('should answer 401 without a key, 403 to a district viewer writing, and let station staff record issues', async () => {
      const issue = await createVoterIssue(app(), {
        committeeId: api.subdistrictId,
        categoryId: await category(),
      });
      await request(api.server).get('/api/v1/voter-issues').expect(401);
      await request(api.server).get('/api/v1/outreach-activities').expect(401);
      const before = await counts();
      const reader = api.reader;
      await api
        .post(
          '/voter-issues',
          voterIssueInput({ committeeId: api.subdistrictId, categoryId: 1 }),
          reader,
        )
        .expect(403);
      await api
        .post('/outreach-activities', { activityId: 1, votersReached: 1 }, reader)
        .expect(403);
      await api
        .post(`/voter-issues/${issue.id}/transitions`, { action: 'decline', reason: 'x' }, reader)
        .expect(403);
      await api.post(`/voter-issues/${issue.id}/reveal`, {}, reader).expect(403);
      expect(await counts()).toEqual(before);
      // … but reads, masked, with the timeline.
      const read = await api.get(`/voter-issues/${issue.id}`, reader).expect(200);
      expect(body(read).voterPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
      await api.get(`/voter-issues/${issue.id}/updates`, reader).expect(200);

      const station = await keyFor(
        'stationStaff',
        ['records:read', 'records:write'],
        api.subdistrictId,
      );
      const created = await api
        .post(
          '/voter-issues',
          voterIssueInput({ committeeId: api.subdistrictId, categoryId: await category() }),
          station,
        )
        .expect(201);
      await api
        .post(
          `/voter-issues/${body(created).id as number}/transitions`,
          { action: 'answer', resolution: '当场解释了政策' },
          station,
        )
        .expect(200);
      // Turning an issue into a suggestion is the committee staff's step, not the station's.
      const open = await api
        .post(
          '/voter-issues',
          voterIssueInput({ committeeId: api.subdistrictId, categoryId: await category() }),
          station,
        )
        .expect(201);
      const beforeEscalation = { ...(await counts()), suggestions: await suggestions() };
      await api
        .post(
          `/voter-issues/${body(open).id as number}/transitions`,
          { action: 'escalate', suggestion: { title: '驻站人员不能转建议' } },
          station,
        )
        .expect(403);
      // Nor may they delete an issue.
      await api.delete(`/voter-issues/${body(open).id as number}`, station).expect(403);
      expect({ ...(await counts()), suggestions: await suggestions() }).toEqual(beforeEscalation);
      await api.get('/outreach-activities', station).expect(200);
      const visit = await createActivity(app(), {
        committeeId: api.subdistrictId,
        kindId: await activityKindId(app(), 'voter_visit'),
      });
      await api
        .post('/outreach-activities', { activityId: visit.id, votersReached: 3 }, station)
        .expect(403);
    });

    it("should answer 404 for another committee's issue and refuse its activity, community and deputy", async () => {
      const other = await createOrganisation(app());
      const categoryId = await category();
      const foreign = await createVoterIssue(app(), {
        committeeId: other.subdistrictId,
        categoryId,
      });
      const visit = await createActivity(app(), {
        committeeId: other.subdistrictId,
        kindId: await activityKindId(app(), 'voter_visit'),
      });
      const community = await createCommunity(app(), { committeeId: other.subdistrictId });
      const deputy = await createDeputy(app(), { committeeId: other.subdistrictId });
      const before = await counts();
      await api.get(`/voter-issues/${foreign.id}`).expect(404);
      await api.get(`/voter-issues/${foreign.id}/updates`).expect(404);
      await api
        .post(`/voter-issues/${foreign.id}/transitions`, { action: 'decline', reason: 'x' })
        .expect(404);
      await api.patch(`/voter-issues/${foreign.id}`, { description: 'x' }).expect(404);
      const mine = { committeeId: api.subdistrictId, categoryId };
      for (const [field, fields] of [
        ['activityId', { source: 'visit', activityId: visit.id }],
        ['communityId', { communityId: community.id }],
        ['deputyId', { deputyId: deputy.id }],
      ] as const) {
        const refused = await api
          .post('/voter-issues', voterIssueInput({ ...mine, ...fields }))
          .expect(422);
        expect(fieldsOf(refused)).toEqual([field]);
      }
      // Placing an issue in another committee is refused on the committee.
      const outside = await api
        .post('/voter-issues', voterIssueInput({ committeeId: other.subdistrictId, categoryId }))
        .expect(422);
      expect(fieldsOf(outside)).toEqual(['committeeId']);
      await api
        .post('/outreach-activities', { activityId: visit.id, votersReached: 1 })
        .expect(422);
      expect(await counts()).toEqual(before);
    });
  });

  describe('visits and forums', () => {
    it('should record the outreach part of a visit once, and refuse other kinds and bad counts', async () => {
      const committeeId = await api.ownCommittee();
      const visit = await createActivity(app(), {
        committeeId,
        kindId: await activityKindId(app(), 'voter_visit'),
      });
      const created = await api
        .post('/outreach-activities', {
          activityId: visit.id,
          votersReached: 36,
          officialsCount: 2,
          residentsCount: 5,
          otherParticipantsNote: '社区居委会主任',
        })
        .expect(201);
      expect(body(created)).toMatchObject({ activityId: visit.id, votersReached: 36 });
      const id = body(created).id as number;
      const duplicate = await api
        .post('/outreach-activities', { activityId: visit.id, votersReached: 1 })
        .expect(409);
      expect(body(duplicate).existingId).toBe(id);
      const repo = api.sut.dataSource.getRepository(OutreachActivity);
      const before = await repo.count();
      const bad = await api
        .post('/outreach-activities', { activityId: 'x', votersReached: -1, officialsCount: 1.5 })
        .expect(400);
      expect(fieldsOf(bad)).toEqual(['activityId', 'officialsCount', 'votersReached']);
      const meeting = await createActivity(app(), { committeeId });
      const notOutreach = await api
        .post('/outreach-activities', { activityId: meeting.id, votersReached: 3 })
        .expect(422);
      expect(fieldsOf(notOutreach)).toEqual(['activityId']);
      expect(await repo.count()).toBe(before);
      await api.patch(`/outreach-activities/${id}`, { votersReached: 40 }).expect(200);
    });
  });

  describe('voter issues', () => {
    it('should name the fields of a bad request and refuse wrong references, writing nothing', async () => {
      const committeeId = await api.ownCommittee();
      const forum = await createActivity(app(), {
        committeeId,
        kindId: await activityKindId(app(), 'voter_forum'),
      });
      const reception = await createActivity(app(), {
        committeeId,
        kindId: await activityKindId(app(), 'reception_day'),
      });
      const before = await counts();
      const bad = await api
        .post('/voter-issues', {
          committeeId,
          source: 'letter',
          categoryId: 0,
          description: '',
          voterPhone: 'abc',
          receivedOn: '2019-02-30',
        })
        .expect(400);
      expect(fieldsOf(bad)).toEqual([
        'categoryId',
        'description',
        'receivedOn',
        'source',
        'voterPhone',
      ]);
      const categoryId = await category();
      const otherDictionary = await dictionaryItemId(app(), 'supervision_area', 'economy');
      const wrongCategory = await api
        .post('/voter-issues', voterIssueInput({ committeeId, categoryId: otherDictionary }))
        .expect(422);
      expect(fieldsOf(wrongCategory)).toEqual(['categoryId']);
      for (const fields of [
        { source: 'reception' as const, activityId: forum.id },
        { source: 'visit' as const, activityId: reception.id },
        { source: 'phone' as const, activityId: forum.id },
      ]) {
        const refused = await api
          .post('/voter-issues', voterIssueInput({ committeeId, categoryId, ...fields }))
          .expect(422);
        expect(fieldsOf(refused)).toEqual(['activityId']);
      }
      const future = await api
        .post(
          '/voter-issues',
          voterIssueInput({ committeeId, categoryId, receivedOn: '2199-01-01' }),
        )
        .expect(422);
      expect(fieldsOf(future)).toEqual(['receivedOn']);
      expect(await counts()).toEqual(before);
      // The right categories of activity are accepted.
      await api
        .post(
          '/voter-issues',
          voterIssueInput({
            committeeId,
            categoryId,
            source: 'reception',
            activityId: reception.id,
          }),
        )
        .expect(201);
      await api
        .post(
          '/voter-issues',
          voterIssueInput({ committeeId, categoryId, source: 'forum', activityId: forum.id }),
        )
        .expect(201);
    });

    it('should keep the voter’s data encrypted, masked everywhere, found by phone, and revealed only audited', async () => {
      const committeeId = await api.ownCommittee();
      const created = await api
        .post(
          '/voter-issues',
          voterIssueInput({
            committeeId,
            categoryId: await category(),
            voterName: '李大明',
            voterPhone: PHONE,
            voterAddress: '杭州市西湖区幸福路 88 号 2 单元 301',
          }),
        )
        .expect(201);
      const id = body(created).id as number;
      expect(body(created)).toMatchObject({
        voterName: '李**',
        voterPhone: '138****5678',
        status: 'registered',
      });
      expect(body(created).voterAddress).not.toContain('88');
      expect(body(created)).not.toHaveProperty('voterPhoneHash');
      const [raw] = await api.sut.dataSource.query<
        { voter_name: string; voter_phone: string; voter_address: string }[]
      >('SELECT voter_name, voter_phone, voter_address FROM voter_issue WHERE id = ?', [id]);
      expect(JSON.stringify(raw)).not.toMatch(/李大明|13812345678|幸福路/);
      const found = await api
        .get(`/voter-issues?committeeId=${committeeId}&voterPhone=138-1234-5678`)
        .expect(200);
      expect(body(found).items!.map((item) => [item.id, item.voterPhone])).toEqual([
        [id, '138****5678'],
      ]);

      const reveals = () =>
        api.sut.dataSource
          .getRepository(AuditLog)
          .count({ where: { action: 'reveal', objectType: 'voterIssue' } });
      const before = await reveals();
      // The scope is needed, and the role: staff may not reveal, nor a key without the scope.
      await api.post(`/voter-issues/${id}/reveal`, {}).expect(403);
      const staff = await keyFor('staff', ['records:read', 'personal:reveal']);
      await api.post(`/voter-issues/${id}/reveal`, {}, staff).expect(403);
      expect(await reveals()).toBe(before);
      const admin = await keyFor('committeeAdmin', ['records:read', 'personal:reveal']);
      const revealed = await api.post(`/voter-issues/${id}/reveal`, {}, admin).expect(200);
      expect(body(revealed)).toEqual({
        id,
        voterName: '李大明',
        voterPhone: PHONE,
        voterAddress: '杭州市西湖区幸福路 88 号 2 单元 301',
      });
      expect(await reveals()).toBe(before + 1);
      const row = await api.sut.dataSource
        .getRepository(AuditLog)
        .findOne({ where: { action: 'reveal', objectType: 'voterIssue', objectId: String(id) } });
      expect(JSON.stringify(row)).not.toContain(PHONE);

      // The audit trail of the issue's create, update and delete keeps them masked too.
      await api
        .patch(`/voter-issues/${id}`, { voterPhone: '13900001111', voterAddress: '建设路 9 号' })
        .expect(200);
      await api.delete(`/voter-issues/${id}`).expect(204);
      const trail = await api.sut.dataSource
        .getRepository(AuditLog)
        .find({ where: { objectType: 'voterIssue', objectId: String(id) } });
      expect(trail.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['create', 'update', 'delete']),
      );
      expect(JSON.stringify(trail)).not.toMatch(/李大明|13812345678|13900001111|幸福路|建设路 9/);
    });
  });

  describe('workflow', () => {
    it('should answer on the spot, then give feedback once, keeping the outcome, with the timeline', async () => {
      const committeeId = await api.ownCommittee();
      const issue = await createVoterIssue(app(), { committeeId, categoryId: await category() });
      const answered = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'answer',
          resolution: '已当场解释拆迁补偿政策',
          on: '2019-05-15',
          note: '代表现场答复',
        })
        .expect(200);
      expect(body(answered)).toMatchObject({
        status: 'answered',
        closedOn: '2019-05-15',
        feedbackOn: null,
      });
      // Feedback before the outcome, a received date after the step: 422, nothing written.
      const beforeDates = await counts();
      const early = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'feedback',
          satisfaction: 'satisfied',
          on: '2019-05-14',
        })
        .expect(422);
      expect(fieldsOf(early)).toEqual(['on']);
      const moved = await api
        .patch(`/voter-issues/${issue.id}`, { receivedOn: '2019-05-16' })
        .expect(422);
      expect(fieldsOf(moved)).toEqual(['receivedOn']);
      expect(await counts()).toEqual(beforeDates);
      expect(body(await api.get(`/voter-issues/${issue.id}`).expect(200)).receivedOn).toBe(
        '2019-05-15',
      );
      const fed = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'feedback',
          satisfaction: 'satisfied',
          on: '2019-05-20',
          note: '电话回访，选民表示满意',
        })
        .expect(200);
      expect(body(fed)).toMatchObject({
        status: 'answered',
        feedbackOn: '2019-05-20',
        satisfaction: 'satisfied',
        feedbackNote: '电话回访，选民表示满意',
      });
      const timeline = body(await api.get(`/voter-issues/${issue.id}/updates`).expect(200)).items!;
      expect(timeline.map((e) => [e.action, e.fromStatus, e.toStatus, e.note])).toEqual([
        ['register', null, 'registered', null],
        ['answer', 'registered', 'answered', '代表现场答复'],
        ['feedback', 'answered', 'answered', '电话回访，选民表示满意'],
      ]);
      expect(timeline.every((e) => typeof e.actorName === 'string' && e.at)).toBe(true);

      // Refusals: nothing written on any.
      const before = await counts();
      const again = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'feedback',
          satisfaction: 'dissatisfied',
        })
        .expect(409);
      expect(body(again)).toMatchObject({ code: 'INVALID_TRANSITION', allowed: [] });
      const refer = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'refer',
          handlingUnitId: 1,
          dueOn: '2019-06-30',
        })
        .expect(409);
      expect(body(refer).allowed).toEqual([]);
      await api.patch(`/voter-issues/${issue.id}`, { status: 'registered' }).expect(409);
      expect(await counts()).toEqual(before);
    });

    it('should refuse invalid steps with the allowed ones, fields of other steps and missing fields, writing nothing', async () => {
      const committeeId = await api.ownCommittee();
      const issue = await createVoterIssue(app(), { committeeId, categoryId: await category() });
      const before = await counts();
      const early = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'feedback',
          satisfaction: 'satisfied',
        })
        .expect(409);
      expect(body(early)).toMatchObject({
        code: 'INVALID_TRANSITION',
        allowed: ['answer', 'refer', 'resolve', 'escalate', 'decline'],
      });
      const unknown = await api
        .post(`/voter-issues/${issue.id}/transitions`, { action: 'reopen' })
        .expect(400);
      expect(fieldsOf(unknown)).toEqual(['action']);
      const foreign = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'decline',
          reason: 'x',
          satisfaction: 'satisfied',
        })
        .expect(400);
      expect(fieldsOf(foreign)).toEqual(['satisfaction']);
      const missing = await api
        .post(`/voter-issues/${issue.id}/transitions`, { action: 'decline' })
        .expect(422);
      expect(fieldsOf(missing)).toEqual(['reason']);
      const refer = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'refer',
          dueOn: '2019-05-01',
          on: '2019-05-16',
        })
        .expect(422);
      expect(fieldsOf(refer)).toEqual(['dueOn', 'handlingUnitId']);
      const beforeReceived = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'decline',
          reason: 'x',
          on: '2019-05-01',
        })
        .expect(422);
      expect(fieldsOf(beforeReceived)).toEqual(['on']);
      expect(await counts()).toEqual(before);

      await walkVoterIssue(app(), issue.id, [
        ['decline', { reason: '不属于人大职权范围', on: '2019-05-16' }],
      ]);
      const declined = await api
        .post(`/voter-issues/${issue.id}/transitions`, { action: 'resolve', resolution: 'x' })
        .expect(409);
      expect(body(declined).allowed).toEqual(['feedback']);
    });
  });

  describe('referral and escalation', () => {
    it('should refer, refer again (a new round), then escalate into a new suggestion in the same transaction', async () => {
      const committeeId = await api.ownCommittee();
      const deputy = await createDeputy(app(), { committeeId });
      const issue = await createVoterIssue(app(), {
        committeeId,
        categoryId: await category(),
        deputyId: deputy.id,
      });
      const [first, second] = [
        await createHandlingUnitForReferral(app()),
        await createHandlingUnitForReferral(app()),
      ];
      const referred = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'refer',
          handlingUnitId: first.id,
          dueOn: '2019-06-30',
          on: '2019-05-16',
        })
        .expect(200);
      expect(body(referred)).toMatchObject({
        status: 'referred',
        handlingUnitId: first.id,
        referredOn: '2019-05-16',
        dueOn: '2019-06-30',
        referralCount: 1,
      });
      // From 已转交 no step is dated before the referral (2019-05-16): 422 on `on`.
      const beforeEarly = await counts();
      for (const step of [
        { action: 'refer', handlingUnitId: second.id, dueOn: '2019-07-31' },
        { action: 'resolve', resolution: '已修复' },
        { action: 'decline', reason: '不属于职权范围' },
        { action: 'escalate', suggestion: { title: '关于修复小区路灯的建议' } },
      ]) {
        const early = await api
          .post(`/voter-issues/${issue.id}/transitions`, { ...step, on: '2019-05-15' })
          .expect(422);
        expect(fieldsOf(early)).toEqual(['on']);
      }
      expect(await counts()).toEqual(beforeEarly);
      await walkVoterIssue(app(), issue.id, [
        ['refer', { handlingUnitId: second.id, dueOn: '2019-07-31', on: '2019-06-01' }],
      ]);
      const due = (await app().get(OutreachDeadlines).dueBy('2019-08-01')).find(
        (deadline) => deadline.id === issue.id,
      );
      expect(due).toMatchObject({
        type: 'voterIssue',
        committeeId,
        dueOn: '2019-07-31',
        round: 'referral-2',
        contacts: [{ name: '张科长', email: 'unit@example.org' }],
      });
      expect(
        (await app().get(OutreachDeadlines).dueBy('2019-07-30')).map((d) => d.id),
      ).not.toContain(issue.id);

      const before = await counts();
      const suggestionsBefore = await suggestions();
      const escalated = await api
        .post(`/voter-issues/${issue.id}/transitions`, {
          action: 'escalate',
          suggestion: { title: '关于修复小区路灯的建议' },
          on: '2019-06-20',
          note: '情况复杂，转为代表建议',
        })
        .expect(200);
      const suggestionId = body(escalated).suggestionId as number;
      expect(body(escalated)).toMatchObject({ status: 'escalated', closedOn: '2019-06-20' });
      expect(await suggestions()).toBe(suggestionsBefore + 1);
      const suggestion = await api.sut.dataSource
        .getRepository(Suggestion)
        .findOneByOrFail({ id: suggestionId });
      expect(suggestion).toMatchObject({
        committeeId,
        title: '关于修复小区路灯的建议',
        content: issue.description,
        leadDeputyId: deputy.id,
        categoryId: issue.categoryId,
        raisedOn: '2019-06-20',
        status: 'registered',
      });
      // The link both ways: the suggestion's source issues.
      const sources = await api.get(`/voter-issues?suggestionId=${suggestionId}`).expect(200);
      expect(body(sources).items!.map((item) => item.id)).toEqual([issue.id]);
      const after = await counts();
      expect([after.issues, after.updates]).toEqual([before.issues, before.updates + 1]);
      // The step's audit row and the suggestion's creation, in one transaction.
      expect(after.writes).toBe(before.writes + 2);

      // Another issue links the same suggestion.
      const another = await createVoterIssue(app(), { committeeId, categoryId: await category() });
      await api
        .post(`/voter-issues/${another.id}/transitions`, { action: 'escalate', suggestionId })
        .expect(200);
      const linked = await api.get(`/voter-issues?suggestionId=${suggestionId}`).expect(200);
      expect(
        body(linked)
          .items!.map((item) => item.id)
          .sort((a, b) => Number(a) - Number(b)),
      ).toEqual([issue.id, another.id]);
      expect(await suggestions()).toBe(suggestionsBefore + 1);
    });

    it('should refuse an unknown or disabled unit, a suggestion without a lead deputy or of another committee, writing nothing', async () => {
      const committeeId = await api.ownCommittee();
      const issue = await createVoterIssue(app(), { committeeId, categoryId: await category() });
      const disabled = await createHandlingUnitForReferral(app(), { enabled: false });
      const otherCommittee = await api.ownCommittee();
      const foreignDeputy = await createDeputy(app(), { committeeId: otherCommittee });
      const before = await counts();
      const suggestionsBefore = await suggestions();
      const step = (payload: object) =>
        api.post(`/voter-issues/${issue.id}/transitions`, payload).expect(422);
      for (const [payload, field] of [
        [{ action: 'refer', handlingUnitId: 999999, dueOn: '2030-01-01' }, 'handlingUnitId'],
        [{ action: 'refer', handlingUnitId: disabled.id, dueOn: '2030-01-01' }, 'handlingUnitId'],
        [{ action: 'escalate', suggestion: { title: '无领衔代表' } }, 'suggestion.leadDeputyId'],
        [
          { action: 'escalate', suggestion: { title: '外区代表', leadDeputyId: foreignDeputy.id } },
          'suggestion.leadDeputyId',
        ],
        [{ action: 'escalate', suggestionId: 999999 }, 'suggestionId'],
        [
          { action: 'escalate', suggestionId: 1, suggestion: { title: '二者选一' } },
          'suggestionId',
        ],
      ] as const) {
        expect([field, fieldsOf(await step(payload))]).toEqual([field, [field]]);
      }
      expect(await counts()).toEqual(before);
      expect(await suggestions()).toBe(suggestionsBefore);
      const unchanged = await api.get(`/voter-issues/${issue.id}`).expect(200);
      expect(body(unchanged).status).toBe('registered');
    });
  });

  describe('admin panel', () => {
    type Agent = ReturnType<typeof request.agent>;
    interface Answer {
      record?: {
        params: Record<string, unknown>;
        recordActions?: { name: string }[];
      };
      records?: { id: string; params: Record<string, unknown> }[];
      notice?: { message: string; type: string };
    }
    const answer = (response: request.Response) => response.body as Answer;
    const step = (agent: Agent, id: number, action: string, form: Record<string, string>) =>
      agent
        .post(`/admin/api/resources/VoterIssue/records/${id}/${action}`)
        .type('form')
        .send({ step: action, ...form });
    const openSteps = async (agent: Agent, id: number) =>
      answer(await agent.get(`/admin/api/resources/VoterIssue/records/${id}/show`).expect(200))
        .record!.recordActions!.map((action) => action.name)
        .filter((name) =>
          ['answer', 'refer', 'resolve', 'escalate', 'decline', 'feedback', 'reveal'].includes(
            name,
          ),
        );

    it('should list issues masked, run steps from their forms and offer only the open ones', async () => {
      const committeeId = await api.ownCommittee();
      const users = app().get(AdminUsersService);
      for (const [username, role, committee] of [
        [`outreach-clerk-${committeeId}`, 'staff', committeeId],
        [`outreach-viewer-${committeeId}`, 'districtViewer', api.districtId],
      ] as const) {
        await users.create({ username, password: TEST_PASSWORD, role, committeeId: committee });
      }
      const clerk = (await login(api.server, `outreach-clerk-${committeeId}`)).agent;
      const viewer = (await login(api.server, `outreach-viewer-${committeeId}`)).agent;
      const issue = await createVoterIssue(app(), {
        committeeId,
        categoryId: await category(),
        voterPhone: PHONE,
      });
      const list = await clerk.get('/admin/api/resources/VoterIssue/actions/list').expect(200);
      const row = answer(list).records!.find((r) => String(r.id) === String(issue.id))!;
      expect(row.params).toMatchObject({ voterPhone: '138****5678', voterName: '王**' });
      expect(await openSteps(clerk, issue.id)).toEqual([
        'answer',
        'refer',
        'resolve',
        'escalate',
        'decline',
      ]);
      const missing = await step(clerk, issue.id, 'answer', {}).expect(200);
      expect(answer(missing).notice).toMatchObject({ type: 'error' });
      const answered = await step(clerk, issue.id, 'answer', {
        resolution: '当场答复了选民',
        note: '后台登记',
      }).expect(200);
      expect(answer(answered).notice).toEqual({ message: '已当场答复', type: 'success' });
      expect(await openSteps(clerk, issue.id)).toEqual(['feedback']);
      await step(viewer, issue.id, 'feedback', { satisfaction: '满意' }).expect(403);
      const fed = await step(clerk, issue.id, 'feedback', { satisfaction: '基本满意' }).expect(200);
      expect(answer(fed).notice).toEqual({ message: '已反馈选民', type: 'success' });
      const saved = await api.sut.dataSource
        .getRepository(VoterIssue)
        .findOneByOrFail({ id: issue.id });
      expect(saved).toMatchObject({ status: 'answered', satisfaction: 'basicallySatisfied' });
      expect(await openSteps(clerk, issue.id)).toEqual([]);
      const shown = answer(
        await clerk.get(`/admin/api/resources/VoterIssue/records/${issue.id}/show`).expect(200),
      );
      expect(String(shown.record!.params.timeline)).toMatch(
        /当场答复（已登记 → 已当场答复）：后台登记/,
      );
    });
  });

  describe('reports/overview', () => {
    it('should count visits, forums, deputies, voters and issues that add up, with the ids counted', async () => {
      const committeeId = await api.ownCommittee();
      const deputies = await createDeputies(app(), 3, { committeeId });
      const attended = (ids: number[]) =>
        ids.map((deputyId) => ({ deputyId, status: 'attended' as const }));
      const visit = await createOutreachActivity(app(), {
        committeeId,
        votersReached: 30,
        officialsCount: 2,
        residentsCount: 4,
        attendance: attended([deputies[0].id, deputies[1].id]),
      });
      const forum = await createOutreachActivity(app(), {
        committeeId,
        kind: 'voter_forum',
        votersReached: 12,
        officialsCount: 1,
        startsAt: '2019-09-02T09:00:00+08:00',
        attendance: [...attended([deputies[1].id]), { deputyId: deputies[2].id, status: 'leave' }],
      });
      // Another year, and a planned visit: neither counts.
      await createOutreachActivity(app(), { committeeId, startsAt: '2018-12-31T23:00:00+08:00' });
      await createOutreachActivity(app(), { committeeId, status: 'planned' });
      const community = await createCommunity(app(), { committeeId });
      const transport = await category();
      const sanitation = await issueCategoryId(app(), 'sanitation');
      const issue = (fields: object = {}) =>
        createVoterIssue(app(), { committeeId, categoryId: transport, ...fields });
      const answered = await issue({
        source: 'visit',
        activityId: visit.activity.id,
        communityId: community.id,
      });
      await walkVoterIssue(app(), answered.id, [
        ['answer', { resolution: '当场答复', on: '2019-05-15' }],
        ['feedback', { satisfaction: 'satisfied', on: '2019-05-16' }],
      ]);
      const resolved = await issue({ categoryId: sanitation, communityId: community.id });
      await walkVoterIssue(app(), resolved.id, [
        ['resolve', { resolution: '已清运垃圾', on: '2019-05-20' }],
      ]);
      const declined = await issue({ categoryId: sanitation });
      await walkVoterIssue(app(), declined.id, [
        ['decline', { reason: '不属于职权范围', on: '2019-05-20' }],
      ]);
      const open = await issue({ source: 'forum', activityId: forum.activity.id });
      await issue({ receivedOn: '2018-12-31' });

      const key = await issueKey(app(), ['reports:read'], {
        role: 'districtViewer',
        committeeId: api.districtId,
      });
      const answer = await api
        .get(`/reports/overview?committeeId=${committeeId}&year=2019`, key)
        .expect(200);
      const section = (
        answer.body as { sections: { area: string; figures: Figure[]; sentences?: string[] }[] }
      ).sections.find((s) => s.area === 'outreach')!;
      const figure = (name: string) => section.figures.find((f) => f.name === name)!;
      const ids = (name: string) => figure(name).records.ids;
      const parts = (name: string) =>
        Object.fromEntries(figure(name).breakdown!.map((f) => [f.name, f.records.ids]));
      expect(ids('outreachActivities')).toEqual([visit.activity.id, forum.activity.id]);
      expect(parts('outreachActivities')).toEqual({
        'outreachActivities.voter_visit': [visit.activity.id],
        'outreachActivities.voter_forum': [forum.activity.id],
      });
      expect(ids('outreachDeputies')).toEqual([deputies[0].id, deputies[1].id]);
      expect(figure('votersReached')).toMatchObject({
        value: 42,
        records: { ids: [visit.id, forum.id] },
      });
      expect(figure('otherParticipants').value).toBe(7);
      expect(figure('otherParticipants').breakdown!.map((f) => f.value)).toEqual([3, 4]);
      expect(ids('voterIssuesCollected')).toEqual([answered.id, resolved.id, declined.id, open.id]);
      expect(parts('voterIssuesCollected')).toEqual({
        'voterIssuesCollected.resolved': [answered.id, resolved.id],
        'voterIssuesCollected.escalated': [],
        'voterIssuesCollected.declined': [declined.id],
        'voterIssuesCollected.open': [open.id],
      });
      expect(ids('voterIssuesResolved')).toEqual([answered.id, resolved.id]);
      expect(ids('voterIssuesRemaining')).toEqual([open.id]);
      expect(ids('voterIssuesFedBack')).toEqual([answered.id]);
      expect(parts('voterIssuesByCategory')).toEqual({
        'voterIssuesByCategory.transport': [answered.id, open.id],
        'voterIssuesByCategory.sanitation': [resolved.id, declined.id],
      });
      expect(parts('voterIssuesByCommunity')).toEqual({
        [`voterIssuesByCommunity.${community.id}`]: [answered.id, resolved.id],
        'voterIssuesByCommunity.none': [declined.id, open.id],
      });
      // Every breakdown adds up to the issues collected.
      for (const name of [
        'voterIssuesCollected',
        'voterIssuesByStatus',
        'voterIssuesByCategory',
        'voterIssuesByCommunity',
        'voterIssuesBySource',
      ]) {
        const total = figure(name).breakdown!.reduce((sum, f) => sum + f.value, 0);
        expect([name, total]).toEqual([name, 4]);
        expect(figure(name).overlapping).toBeUndefined();
      }
      expect(section.sentences).toEqual([
        '2 名代表走访联系 42 名选民，收集整理问题 4 个，已解决 2 个',
      ]);
    });
  });
});
