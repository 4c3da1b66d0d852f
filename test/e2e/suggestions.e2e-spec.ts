import request from 'supertest';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { RecordWrites, useCase } from '../../src/platform/records/write-use-case.js';
import { SuggestionsService } from '../../src/modules/suggestions/suggestions.service.js';
import { HandlingUnit } from '../../src/modules/suggestions/handling-unit.entity.js';
import { SuggestionCoSigner } from '../../src/modules/suggestions/suggestion-co-signer.entity.js';
import { SuggestionCoUnit } from '../../src/modules/suggestions/suggestion-co-unit.entity.js';
import { Suggestion } from '../../src/modules/suggestions/suggestion.entity.js';
import { SuggestionUpdate } from '../../src/modules/suggestions/suggestion-update.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createDeputy } from '../factories/deputy.factory.js';
import {
  createHandlingUnit,
  createSuggestion,
  handlingUnitInput,
  walkSuggestion,
} from '../factories/suggestion.factory.js';
import { issueKey } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';

interface Figure {
  name: string;
  label: string;
  value: number;
  records: { type: string; ids: number[] };
  breakdown?: Figure[];
}

/** 代表建议 over the REST API ([M2]): handling units, the workflow, 督办, the timeline, the overview. */
describe(`suggestions API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi({ admin: true });
  }, 60000);

  afterAll(async () => {
    await api.close();
  });

  const app = () => api.sut.app;
  const fieldsOf = (response: request.Response) => body(response).details!.map((d) => d.field);
  const counts = async () => {
    const manager = api.sut.dataSource.manager;
    return Promise.all(
      [Suggestion, SuggestionUpdate, SuggestionCoSigner, SuggestionCoUnit, HandlingUnit].map(
        (entity) => manager.count(entity),
      ),
    );
  };
  const step = (id: number, payload: object, key?: string) =>
    api.post(`/suggestions/${id}/transitions`, payload, key);
  const timeline = async (id: number) =>
    body(await api.get(`/suggestions/${id}/updates`).expect(200)).items!;

  /** A committee of the test's own with a lead deputy, a co-signer and two units. */
  async function setting() {
    const committeeId = await api.ownCommittee();
    const lead = await createDeputy(app(), { committeeId });
    const coSigner = await createDeputy(app(), { committeeId });
    const unit = await createHandlingUnit(app());
    const coUnit = await createHandlingUnit(app());
    return { committeeId, lead, coSigner, unit, coUnit };
  }

  describe('access and bad input', () => {
    it('should answer 401 without a key and 403 to a district viewer writing, writing nothing', async () => {
      const { lead, unit } = await setting();
      const suggestion = await createSuggestion(app(), { leadDeputyId: lead.id });
      await request(api.server).get('/api/v1/suggestions').expect(401);
      await request(api.server).get('/api/v1/handling-units').expect(401);
      const before = await counts();
      const reader = api.reader;
      await api
        .post('/suggestions', { title: 't', content: 'c', leadDeputyId: lead.id }, reader)
        .expect(403);
      await api.post('/handling-units', handlingUnitInput(), reader).expect(403);
      await step(suggestion.id, { action: 'assign', leadUnitId: unit.id }, reader).expect(403);
      await api.post(`/suggestions/${suggestion.id}/supervise`, { note: 'x' }, reader).expect(403);
      expect(await counts()).toEqual(before);
      await api.get(`/suggestions/${suggestion.id}`, reader).expect(200);
      await api.get(`/suggestions/${suggestion.id}/updates`, reader).expect(200);
    });

    it('should name the fields of a bad request and refuse wrong references, writing nothing', async () => {
      const { committeeId, lead, coSigner } = await setting();
      const before = await counts();
      const bad = await api.post('/suggestions', { title: '', leadDeputyId: 'x' }).expect(400);
      expect([...new Set(fieldsOf(bad))].sort()).toEqual(['content', 'leadDeputyId', 'title']);
      const twice = await api
        .post('/suggestions', {
          title: '建议',
          content: '内容',
          leadDeputyId: lead.id,
          coSignerIds: [coSigner.id, coSigner.id],
        })
        .expect(400);
      expect(fieldsOf(twice)).toEqual(['coSignerIds']);
      const leadTwice = await api
        .post('/suggestions', {
          title: '建议',
          content: '内容',
          leadDeputyId: lead.id,
          coSignerIds: [lead.id],
        })
        .expect(422);
      expect(fieldsOf(leadTwice)).toEqual(['coSignerIds']);
      const other = await createOrganisation(app());
      const foreignDeputy = await createDeputy(app(), { committeeId: other.subdistrictId });
      const foreignCoSigner = await api
        .post('/suggestions', {
          title: '建议',
          content: '内容',
          leadDeputyId: lead.id,
          coSignerIds: [foreignDeputy.id],
        })
        .expect(422);
      expect(fieldsOf(foreignCoSigner)).toEqual(['coSignerIds']);
      const foreignLead = await api
        .post('/suggestions', { title: '建议', content: '内容', leadDeputyId: foreignDeputy.id })
        .expect(422);
      expect(fieldsOf(foreignLead)).toEqual(['leadDeputyId']);
      const future = await api
        .post('/suggestions', {
          title: '建议',
          content: '内容',
          leadDeputyId: lead.id,
          raisedOn: '2199-01-01',
        })
        .expect(422);
      expect(fieldsOf(future)).toContain('raisedOn');
      expect(await counts()).toEqual(before);

      const created = await api
        .post('/suggestions', {
          number: '第1号',
          title: '关于增设公交站点的建议',
          content: '内容',
          leadDeputyId: lead.id,
          coSignerIds: [coSigner.id],
          raisedOn: '2025-09-26',
        })
        .expect(201);
      expect(body(created)).toMatchObject({
        committeeId,
        status: 'registered',
        round: 1,
        registeredOn: '2025-09-26',
      });
      const id = body(created).id as number;
      expect(body(await api.get(`/suggestions/${id}/co-signers`).expect(200))).toEqual([
        coSigner.id,
      ]);
      const duplicate = await api
        .post('/suggestions', {
          number: '第1号',
          title: '另一件',
          content: '内容',
          leadDeputyId: lead.id,
        })
        .expect(409);
      expect(body(duplicate).existingId).toBe(id);
      const statusEdit = await api.patch(`/suggestions/${id}`, { status: 'closed' }).expect(400);
      expect(fieldsOf(statusEdit)).toEqual(['status']);

      const foreign = await createSuggestion(app(), { leadDeputyId: foreignDeputy.id });
      await api.get(`/suggestions/${foreign.id}`).expect(404);
      await api.get(`/suggestions/${foreign.id}/updates`).expect(404);
      await step(foreign.id, { action: 'assign', leadUnitId: 1 }).expect(404);
      await api.post(`/suggestions/${foreign.id}/supervise`, { note: '督办' }).expect(404);
    });

    it('should keep a unit contact’s phone masked unless revealed (audited), and names unique', async () => {
      const input = handlingUnitInput({ contactPhone: '13812345678' });
      const created = await api.post('/handling-units', input).expect(201);
      const id = body(created).id as number;
      expect(body(created).contactPhone).toBe('138****5678');
      expect(body(await api.get(`/handling-units/${id}`).expect(200)).contactPhone).toBe(
        '138****5678',
      );
      // Staff see the registry masked; revealing a contact is the committee admin's.
      const staffKey = await issueKey(app(), ['records:read', 'personal:reveal'], {
        role: 'staff',
        committeeId: api.districtId,
      });
      await api.post(`/handling-units/${id}/reveal`, {}, staffKey).expect(403);
      const revealKey = await issueKey(app(), ['records:read', 'personal:reveal'], {
        role: 'committeeAdmin',
        committeeId: api.districtId,
      });
      const revealed = await api.post(`/handling-units/${id}/reveal`, {}, revealKey).expect(200);
      expect(body(revealed).contactPhone).toBe('13812345678');
      const audit = await api.sut.dataSource
        .getRepository(AuditLog)
        .findOneBy({ objectType: 'handlingUnit', objectId: String(id), action: 'reveal' });
      expect(audit).not.toBeNull();
      await api.post('/handling-units', handlingUnitInput({ name: input.name })).expect(409);
    });
  });

  describe('workflow', () => {
    it('should walk assign → return → reassign → extend → reply → 不满意 → re-handling → reply → 满意 → tracking → solve', async () => {
      const { lead, unit, coUnit } = await setting();
      const suggestion = await createSuggestion(app(), {
        leadDeputyId: lead.id,
        raisedOn: '2025-09-26',
      });
      const id = suggestion.id;
      const refused = async (payload: object, status: number, fields = ['action']) => {
        const before = await counts();
        const answer = await step(id, payload).expect(status);
        expect(await counts()).toEqual(before);
        expect(fieldsOf(answer)).toEqual(fields);
        return answer;
      };

      const early = await refused({ action: 'reply', replyText: 'x', replyClass: 'A' }, 409);
      expect(body(early)).toMatchObject({ code: 'INVALID_TRANSITION', allowed: ['assign'] });
      await refused(
        { action: 'assign', leadUnitId: unit.id, coUnitIds: [unit.id], assignedOn: '2025-09-30' },
        422,
        ['coUnitIds'],
      );
      await refused({ action: 'assign', leadUnitId: unit.id, reason: 'x' }, 400, ['reason']);
      await refused({ action: 'assign', leadUnitId: 999_999, assignedOn: '2025-09-30' }, 422, [
        'leadUnitId',
      ]);
      const disabled = await createHandlingUnit(app(), { enabled: false });
      await refused({ action: 'assign', leadUnitId: disabled.id, assignedOn: '2025-09-30' }, 422, [
        'leadUnitId',
      ]);

      const assigned = await step(id, {
        action: 'assign',
        leadUnitId: unit.id,
        coUnitIds: [coUnit.id],
        assignedOn: '2025-09-30',
      }).expect(200);
      // Weekdays only until the holiday calendar is connected: 7 working days → 9 October.
      expect(body(assigned)).toMatchObject({
        status: 'assigned',
        assignedOn: '2025-09-30',
        leadUnitId: unit.id,
        dueOn: '2025-12-30',
        returnDueOn: '2025-10-09',
      });
      expect(body(await api.get(`/suggestions/${id}/co-units`).expect(200))).toEqual([coUnit.id]);

      // Raised or registered after the assignment (2025-09-30): 422 naming the field, nothing written.
      for (const [edit, fields] of [
        [{ registeredOn: '2025-10-01' }, ['registeredOn']],
        [{ raisedOn: '2025-10-01', registeredOn: '2025-10-01' }, ['raisedOn', 'registeredOn']],
      ] as const) {
        const before = await counts();
        const moved = await api.patch(`/suggestions/${id}`, edit).expect(422);
        expect(fieldsOf(moved)).toEqual(fields);
        expect(await counts()).toEqual(before);
      }

      // The first unit extends once; the return clears it for the next unit.
      await step(id, {
        action: 'extend',
        reason: '需现场核实',
        approvedBy: '王主任',
        approvedOn: '2025-10-08',
        dueOn: '2026-01-30',
      }).expect(200);

      const late = await refused(
        { action: 'return', reason: '不属于本单位职责', returnedOn: '2025-10-10' },
        422,
        ['returnedOn'],
      );
      expect(body(late).message).toContain('2025-10-09');
      const returned = await step(id, {
        action: 'return',
        reason: '不属于本单位职责',
        returnedOn: '2025-10-09',
      }).expect(200);
      expect(body(returned)).toMatchObject({
        status: 'returned',
        leadUnitId: null,
        dueOn: null,
        extensionApprovedOn: null,
        extensionApprovedBy: null,
        extensionReason: null,
      });
      await refused({ action: 'assign', leadUnitId: coUnit.id, assignedOn: '2025-10-08' }, 422, [
        'assignedOn',
      ]);
      expect(body(await api.get(`/suggestions/${id}/co-units`).expect(200))).toEqual([]);

      const reassigned = await step(id, {
        action: 'assign',
        leadUnitId: coUnit.id,
        assignedOn: '2025-10-13',
      }).expect(200);
      expect(body(reassigned)).toMatchObject({ status: 'assigned', dueOn: '2026-01-13' });

      const extension = {
        action: 'extend',
        reason: '需跨部门协调',
        approvedBy: '李主任',
        approvedOn: '2025-12-20',
      };
      await refused({ ...extension, dueOn: '2026-04-14' }, 422, ['dueOn']);
      // Approved after the reply was due (2026-01-13): refused.
      await refused({ ...extension, approvedOn: '2026-01-14', dueOn: '2026-04-13' }, 422, [
        'approvedOn',
      ]);
      const extended = await step(id, { ...extension, dueOn: '2026-04-13' }).expect(200);
      expect(body(extended)).toMatchObject({
        status: 'assigned',
        dueOn: '2026-04-13',
        extensionApprovedBy: '李主任',
      });
      await refused({ ...extension, dueOn: '2026-04-30' }, 422, ['action']);

      await step(id, {
        action: 'reply',
        repliedOn: '2026-01-10',
        replyText: '正在协调',
        replyClass: 'B',
      }).expect(200);
      await refused({ action: 'solve' }, 409);
      const rehandling = await step(id, {
        action: 'evaluate',
        evaluation: 'dissatisfied',
        evaluatedOn: '2026-01-20',
      }).expect(200);
      expect(body(rehandling)).toMatchObject({
        status: 'rehandling',
        round: 2,
        // A month after 20 January is Friday 20 February, inside the 2026 Spring Festival
        // holiday (15–23 February, the seeded calendar): due the next working day.
        dueOn: '2026-02-24',
      });
      const noExtension = await refused({ ...extension, dueOn: '2026-03-20' }, 409);
      expect(body(noExtension).allowed).toEqual(['reply']);

      await step(id, {
        action: 'reply',
        repliedOn: '2026-02-15',
        replyText: '已列入计划',
        replyClass: 'C',
      }).expect(200);
      const tracking = await step(id, {
        action: 'evaluate',
        evaluation: 'satisfied',
        evaluatedOn: '2026-02-20',
      }).expect(200);
      expect(body(tracking)).toMatchObject({ status: 'tracking', evaluation: 'satisfied' });
      await api
        .post(`/suggestions/${id}/supervise`, { note: '请加快落实', supervisedOn: '2026-02-25' })
        .expect(201);
      const closed = await step(id, { action: 'solve', solvedOn: '2026-03-01' }).expect(200);
      expect(body(closed)).toMatchObject({
        status: 'closed',
        solvedOn: '2026-03-01',
        closedOn: '2026-03-01',
      });

      const after = await refused({ action: 'assign', leadUnitId: unit.id }, 409);
      expect(body(after).allowed).toEqual([]);
      const before = await counts();
      await api.post(`/suggestions/${id}/supervise`, { note: '再督办' }).expect(409);
      expect(await counts()).toEqual(before);

      const entries = await timeline(id);
      expect(entries.map((entry) => [entry.action, entry.stepOn])).toEqual([
        ['assign', '2025-09-30'],
        ['extend', '2025-10-08'],
        ['return', '2025-10-09'],
        ['assign', '2025-10-13'],
        ['extend', '2025-12-20'],
        ['reply', '2026-01-10'],
        ['evaluate', '2026-01-20'],
        ['reply', '2026-02-15'],
        ['evaluate', '2026-02-20'],
        ['supervise', '2026-02-25'],
        ['solve', '2026-03-01'],
      ]);
      expect(entries[2]).toMatchObject({ handlingUnitId: unit.id, note: '不属于本单位职责' });
      expect(entries[0].note).toBeNull();
    });

    /** A suggestion of a committee of the test's own, raised and assigned on those days. */
    async function assignedSuggestion(raisedOn: string, assignedOn: string) {
      const { lead, unit } = await setting();
      const suggestion = await createSuggestion(app(), { leadDeputyId: lead.id, raisedOn });
      await step(suggestion.id, { action: 'assign', leadUnitId: unit.id, assignedOn }).expect(200);
      return suggestion;
    }

    it('should flag, not refuse, an assignment after the assignment period', async () => {
      const suggestion = await assignedSuggestion('2025-09-01', '2025-09-15');
      const [entry] = await timeline(suggestion.id);
      expect(entry.note).toContain('逾期交办');
    });

    it('should take one of two concurrent extensions and refuse the other', async () => {
      const suggestion = await assignedSuggestion('2025-09-26', '2025-09-30');
      const extension = (approvedBy: string) =>
        step(suggestion.id, {
          action: 'extend',
          reason: '需跨部门协调',
          approvedBy,
          approvedOn: '2025-12-01',
          dueOn: '2026-02-27',
        });
      const answers = await Promise.all([extension('李主任'), extension('王主任')]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
      const refused = answers.find((answer) => answer.status === 422)!;
      // The second planned on what the first wrote: extended once, due already 2026-02-27.
      expect(fieldsOf(refused)).toEqual(['action', 'dueOn']);
      const entries = await timeline(suggestion.id);
      expect(entries.map((entry) => entry.action)).toEqual(['assign', 'extend']);
    });
  });

  describe('admin panel', () => {
    interface ActionAnswer {
      record?: { id: string; params: Record<string, unknown>; recordActions?: { name: string }[] };
      records?: { id: string; params: Record<string, unknown> }[];
      notice?: { message: string; type: string };
    }

    it('should run 交办 from its form, offer only the open steps, and mask a unit’s phone', async () => {
      const { committeeId, lead, unit, coUnit } = await setting();
      await app().get(AdminUsersService).create({
        username: 'sugg-clerk',
        password: TEST_PASSWORD,
        role: 'staff',
        committeeId,
      });
      const clerk = (await login(api.server, 'sugg-clerk')).agent;
      for (const resource of ['HandlingUnit', 'Suggestion', 'SuggestionUpdate']) {
        await clerk.get(`/admin/api/resources/${resource}/actions/list`).expect(200);
      }
      const shownUnit = await clerk
        .get(`/admin/api/resources/HandlingUnit/records/${unit.id}/show`)
        .expect(200);
      expect((shownUnit.body as ActionAnswer).record!.params.contactPhone).toMatch(/\*{4}/);
      const suggestion = await createSuggestion(app(), { leadDeputyId: lead.id });
      const step = (action: string, form: Record<string, string>) =>
        clerk
          .post(`/admin/api/resources/Suggestion/records/${suggestion.id}/${action}`)
          .type('form')
          .send({ step: action, ...form });
      const before = await counts();
      const unknown = await step('assign', { leadUnit: '不存在的单位' }).expect(200);
      expect((unknown.body as ActionAnswer).notice).toMatchObject({ type: 'error' });
      expect(await counts()).toEqual(before);
      const done = await step('assign', {
        leadUnit: unit.name,
        coUnits: coUnit.name,
        assignedOn: '2025-09-30',
        note: '后台交办',
      }).expect(200);
      expect((done.body as ActionAnswer).notice).toEqual({ message: '已交办', type: 'success' });
      const saved = await api.sut.dataSource
        .getRepository(Suggestion)
        .findOneByOrFail({ id: suggestion.id });
      expect(saved).toMatchObject({ status: 'assigned', leadUnitId: unit.id });
      const shown = await clerk
        .get(`/admin/api/resources/Suggestion/records/${suggestion.id}/show`)
        .expect(200);
      const record = (shown.body as ActionAnswer).record!;
      const actions = record.recordActions!.map((action) => action.name);
      expect(actions).toEqual(expect.arrayContaining(['return', 'extend', 'reply', 'supervise']));
      expect(actions).not.toContain('assign');
      expect(actions).not.toContain('evaluate');
      expect(record.params.timeline).toMatch(/sugg-clerk 交办（2025-09-30）：后台交办$/);
    });
  });

  describe('createWithin (outreach’s escalation)', () => {
    it('should create a suggestion in the caller’s transaction, and roll back with it', async () => {
      const { lead, coSigner } = await setting();
      const writes = app().get(RecordWrites);
      const suggestions = app().get(SuggestionsService);
      const caller = useCase('activity', { zh: '活动', en: 'Activity' }, 'new');
      const input = { title: '由选民意见转为的建议', content: '内容', leadDeputyId: lead.id };
      const before = await counts();
      await expect(
        runAsSystem('test', () =>
          writes.run(caller, async (write) => {
            await suggestions.createWithin(write, { ...input, coSignerIds: [coSigner.id] });
            throw new Error('the caller fails after');
          }),
        ),
      ).rejects.toThrow('the caller fails after');
      expect(await counts()).toEqual(before);
      const created = await runAsSystem('test', () =>
        writes.run(caller, (write) =>
          suggestions.createWithin(write, { ...input, coSignerIds: [coSigner.id] }),
        ),
      );
      expect(created).toMatchObject({ status: 'registered', leadDeputyId: lead.id });
      expect(body(await api.get(`/suggestions/${created.id}/co-signers`).expect(200))).toEqual([
        coSigner.id,
      ]);
    });
  });

  describe('reports/overview', () => {
    it('should count the year’s suggestions by status, class, satisfaction and overdue, adding up', async () => {
      const { committeeId, lead, unit, coUnit } = await setting();
      const registered = await createSuggestion(app(), {
        leadDeputyId: lead.id,
        raisedOn: '2025-03-01',
      });
      const overdue = await createSuggestion(app(), {
        leadDeputyId: lead.id,
        raisedOn: '2025-01-02',
      });
      await walkSuggestion(app(), overdue.id, [
        ['assign', { leadUnitId: unit.id, assignedOn: '2025-01-06' }],
      ]);
      const closed = await createSuggestion(app(), {
        leadDeputyId: lead.id,
        raisedOn: '2025-02-03',
      });
      await walkSuggestion(app(), closed.id, [
        ['assign', { leadUnitId: coUnit.id, assignedOn: '2025-02-05' }],
        ['reply', { repliedOn: '2025-04-01', replyText: '已解决', replyClass: 'A' }],
        ['evaluate', { evaluation: 'basicallySatisfied', evaluatedOn: '2025-04-10' }],
      ]);
      await createSuggestion(app(), { leadDeputyId: lead.id, raisedOn: '2024-12-31' });

      const key = await issueKey(app(), ['reports:read'], {
        role: 'districtViewer',
        committeeId: api.districtId,
      });
      const answer = await api
        .get(`/reports/overview?committeeId=${committeeId}&year=2025`, key)
        .expect(200);
      const section = (
        answer.body as { sections: { area: string; figures: Figure[] }[] }
      ).sections.find((s) => s.area === 'suggestions')!;
      const figure = (name: string) => section.figures.find((f) => f.name === name)!;
      const all = [registered.id, overdue.id, closed.id].sort((a, b) => a - b);
      const byName = (name: string) =>
        Object.fromEntries(figure(name).breakdown!.map((f) => [f.name, f.records.ids]));
      expect(figure('suggestions').records.ids).toEqual(all);
      expect(byName('suggestions')).toMatchObject({
        'suggestions.registered': [registered.id],
        'suggestions.assigned': [overdue.id],
        'suggestions.closed': [closed.id],
        'suggestions.tracking': [],
      });
      expect(byName('suggestionsByClass')).toMatchObject({
        'suggestionsByClass.A': [closed.id],
        'suggestionsByClass.none': [registered.id, overdue.id].sort((a, b) => a - b),
      });
      expect(byName('suggestionsBySatisfaction')).toMatchObject({
        'suggestionsBySatisfaction.basicallySatisfied': [closed.id],
        'suggestionsBySatisfaction.none': [registered.id, overdue.id].sort((a, b) => a - b),
      });
      for (const name of ['suggestions', 'suggestionsByClass', 'suggestionsBySatisfaction']) {
        const parts = figure(name).breakdown!.reduce((sum, part) => sum + part.value, 0);
        expect(parts).toBe(3);
      }
      expect(figure('suggestionsOverdue').records.ids).toEqual([overdue.id]);
      expect(figure('handlingUnits').records.ids).toEqual(
        [unit.id, coUnit.id].sort((a, b) => a - b),
      );
    });
  });
});
