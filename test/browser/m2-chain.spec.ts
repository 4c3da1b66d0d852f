import type { AddressInfo, Server } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { FixedClock } from '../../src/common/clock.js';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { Attendance } from '../../src/modules/activities/attendance.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import type { Deputy } from '../../src/modules/deputies/deputy.entity.js';
import { VoterIssueUpdate } from '../../src/modules/outreach/voter-issue-update.entity.js';
import { VoterIssue } from '../../src/modules/outreach/voter-issue.entity.js';
import { Reception } from '../../src/modules/stations/reception.entity.js';
import type { Station } from '../../src/modules/stations/station.entity.js';
import type { HandlingUnit } from '../../src/modules/suggestions/handling-unit.entity.js';
import { SuggestionUpdate } from '../../src/modules/suggestions/suggestion-update.entity.js';
import { Suggestion } from '../../src/modules/suggestions/suggestion.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createDeputy } from '../factories/deputy.factory.js';
import { createStation } from '../factories/station.factory.js';
import { createHandlingUnit } from '../factories/suggestion.factory.js';
import { TEST_PASSWORD } from '../support/admin-login.js';
import {
  choose,
  expectOverviewPage,
  figuresOf,
  overviewThroughApi,
  saveNew,
  STEP_TIMEOUT,
  typeDay,
  typeInstant,
} from '../support/panel-forms.js';
import { BROWSER_TEST_NOW, launchChromium, submitAdminLogin } from '../support/chromium.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/**
 * [M2] "Done when": a staff member of a subdistrict committee records a reception at the
 * committee's liaison station, a voter's issue raised there, and escalates the issue to a deputy
 * suggestion; the suggestion is assigned to a handling unit (交办), answered (答复) and rated
 * 不满意 by its lead deputy, which sends it back for re-handling with a new due date — every step
 * a form on the record's page, never a status field. The year's overview then counts the chain,
 * and its counts add up. The `it`s are one story on one page, in order.
 */
describe(`[M2] voter issue → suggestion → re-handling through the panel in Chromium on ${testDialect()}`, () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let committeeId: number;
  let deputies: Deputy[];
  let station: Station;
  let unit: HandlingUnit;
  const year = Number(BROWSER_TEST_NOW.toISOString().slice(0, 4));

  /** What the story recorded, for the later steps and the overview's checks. */
  const made = {
    receptionActivityId: 0,
    receptionId: 0,
    attendanceId: 0,
    voterIssueId: 0,
    suggestionId: 0,
  };

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock: new FixedClock(BROWSER_TEST_NOW) });
    await sut.app.listen(0, '127.0.0.1');
    const { port } = (sut.app.getHttpServer() as Server).address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    const organisation = await createOrganisation(sut.app, { subdistrict: '和平街道人大工委' });
    committeeId = organisation.subdistrictId;
    deputies = [
      await createDeputy(sut.app, { committeeId, name: '周晓红' }),
      await createDeputy(sut.app, { committeeId, name: '吴志刚' }),
    ];
    station = await createStation(sut.app, { committeeId, name: '和平社区代表联络站' });
    unit = await createHandlingUnit(sut.app, {
      name: '区城市管理局',
      contactEmail: 'cgj@example.org',
    });
    await sut.app.get(AdminUsersService).create({
      username: 'liaison',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId,
    });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await submitAdminLogin(page, origin, 'liaison', TEST_PASSWORD);
    await page.waitForURL(new RegExp(`${origin}/admin$`));
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  /** Opens a workflow step's form from the record's page, fills it and sends it. */
  async function step(
    resource: string,
    id: number,
    action: string,
    fill: Record<string, string>,
    shown: string,
  ): Promise<void> {
    const show = `${origin}/admin/resources/${resource}/records/${id}/show`;
    await page.goto(show);
    const status = page.locator('[data-testid="property-show-status"]');
    await status.waitFor();
    await page.locator(`a[href$="/records/${id}/${action}"]`).first().click();
    await page.waitForURL(new RegExp(`/records/${id}/${action}`));
    for (const [field, value] of Object.entries(fill)) {
      await page.fill(`#step-${field}`, value);
    }
    await page.click('[data-testid="workflow-step-submit"]');
    await page.waitForURL((url) => url.pathname === new URL(show).pathname);
    await status.getByText(shown).waitFor();
  }

  it(
    'records a reception day at the station (联络站接待) with the deputy on duty',
    async () => {
      await page.goto(`${origin}/admin/resources/Activity/actions/new`);
      await choose(page, 'committeeId', '和平', '和平街道人大工委');
      await choose(page, 'kindId', '接待', '联络站接待日');
      await page.fill('input[name=title]', '九月联络站接待日');
      await typeInstant(page, 'startsAt', `${year}-09-16 09:00`);
      await choose(page, 'status', '已举行', '已举行');
      await saveNew(page);
      const activity = await sut.dataSource
        .getRepository(Activity)
        .findOneByOrFail({ title: '九月联络站接待日' });
      made.receptionActivityId = activity.id;

      await page.goto(`${origin}/admin/resources/Attendance/actions/new`);
      await choose(page, 'activityId', '九月联络站', '九月联络站接待日');
      await choose(page, 'deputyId', deputies[0].name.slice(0, 1), deputies[0].name);
      await choose(page, 'status', '出席', '出席');
      await saveNew(page);
      const attendance = await sut.dataSource
        .getRepository(Attendance)
        .findOneByOrFail({ activityId: activity.id, deputyId: deputies[0].id });
      made.attendanceId = attendance.id;

      await page.goto(`${origin}/admin/resources/Reception/actions/new`);
      await choose(page, 'activityId', '九月联络站', '九月联络站接待日');
      await choose(page, 'stationId', '和平社区', '和平社区代表联络站');
      await typeDay(page, 'announcedOn', `${year}-09-12`);
      await page.fill('input[name=votersReceived]', '6');
      await saveNew(page);
      const reception = await sut.dataSource
        .getRepository(Reception)
        .findOneByOrFail({ activityId: activity.id });
      expect([reception.stationId, reception.announcedOn, reception.votersReceived]).toEqual([
        station.id,
        `${year}-09-12`,
        6,
      ]);
      made.receptionId = reception.id;
    },
    STEP_TIMEOUT,
  );

  it(
    "records a voter's issue raised at the reception, the phone kept encrypted and shown masked",
    async () => {
      await page.goto(`${origin}/admin/resources/VoterIssue/actions/new`);
      await choose(page, 'committeeId', '和平', '和平街道人大工委');
      await choose(page, 'source', '联络站', '联络站接待');
      await choose(page, 'activityId', '九月联络站', '九月联络站接待日');
      await page.fill('input[name=voterName]', '陈桂英');
      await page.fill('input[name=voterPhone]', '13912345678');
      await choose(page, 'deputyId', deputies[0].name.slice(0, 1), deputies[0].name);
      await choose(page, 'categoryId', '交通', '交通出行');
      await page.fill('textarea[name=description]', '和平路与建设路路口无信号灯，老人过马路危险');
      await typeDay(page, 'receivedOn', `${year}-09-16`);
      await saveNew(page);
      const issue = await sut.dataSource
        .getRepository(VoterIssue)
        .findOneByOrFail({ activityId: made.receptionActivityId });
      expect([issue.status, issue.source, issue.voterPhone, issue.deputyId]).toEqual([
        'registered',
        'reception',
        '13912345678',
        deputies[0].id,
      ]);
      made.voterIssueId = issue.id;
      // At rest the phone is ciphertext: a raw read finds no digits of it.
      const [raw] = await sut.dataSource.query(
        `SELECT voter_phone AS phone FROM voter_issue WHERE id = ${issue.id}`,
      );
      expect(String((raw as { phone: string }).phone)).not.toContain('13912345678');

      // On the issue's page the phone is masked, and the open steps are offered.
      await page.goto(`${origin}/admin/resources/VoterIssue/records/${issue.id}/show`);
      const shown = await page.locator('body').innerText();
      expect(shown).toContain('139****5678');
      expect(shown).not.toContain('13912345678');
      await page.locator(`a[href$="/records/${issue.id}/escalate"]`).first().waitFor();
      // Feedback waits for an outcome.
      expect(await page.locator(`a[href$="/records/${issue.id}/feedback"]`).count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'escalates the issue (转为代表建议): a suggestion is created, led by the collecting deputy, and linked',
    async () => {
      await step(
        'VoterIssue',
        made.voterIssueId,
        'escalate',
        { suggestionTitle: '关于在和平路与建设路路口增设信号灯的建议', on: `${year}-09-18` },
        '已转为代表建议',
      );
      const issue = await sut.dataSource
        .getRepository(VoterIssue)
        .findOneByOrFail({ id: made.voterIssueId });
      expect(issue.status).toBe('escalated');
      const suggestion = await sut.dataSource
        .getRepository(Suggestion)
        .findOneByOrFail({ id: issue.suggestionId! });
      expect([
        suggestion.title,
        suggestion.leadDeputyId,
        suggestion.committeeId,
        suggestion.status,
        suggestion.content,
      ]).toEqual([
        '关于在和平路与建设路路口增设信号灯的建议',
        deputies[0].id,
        committeeId,
        'registered',
        issue.description,
      ]);
      made.suggestionId = suggestion.id;
      const timeline = await sut.dataSource
        .getRepository(VoterIssueUpdate)
        .find({ where: { voterIssueId: issue.id }, order: { id: 'ASC' } });
      expect(timeline.map((entry) => entry.action)).toEqual(['register', 'escalate']);
      // No step leads on from an escalated issue but the voter's feedback.
      await page.goto(`${origin}/admin/resources/VoterIssue/records/${issue.id}/show`);
      await page.locator(`a[href$="/records/${issue.id}/feedback"]`).first().waitFor();
      expect(await page.locator(`a[href$="/records/${issue.id}/refer"]`).count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'takes the suggestion through 交办 → 答复 → 不满意, back to re-handling with a month to reply',
    async () => {
      const id = made.suggestionId;
      // Only 交办 (and 督办) open from a registered suggestion: no 答复 yet.
      await page.goto(`${origin}/admin/resources/Suggestion/records/${id}/show`);
      await page.locator(`a[href$="/records/${id}/assign"]`).first().waitFor();
      expect(await page.locator(`a[href$="/records/${id}/reply"]`).count()).toBe(0);

      await step(
        'Suggestion',
        id,
        'assign',
        { leadUnit: unit.name, assignedOn: `${year}-09-21` },
        '办理中',
      );
      const assigned = await sut.dataSource.getRepository(Suggestion).findOneByOrFail({ id });
      // Three months after 21 September is Monday 21 December, a working day.
      expect([assigned.leadUnitId, assigned.assignedOn, assigned.dueOn]).toEqual([
        unit.id,
        `${year}-09-21`,
        `${year}-12-21`,
      ]);

      await step(
        'Suggestion',
        id,
        'reply',
        {
          replyText: '已将该路口纳入年内信号灯建设计划，预计十二月完工',
          replyClass: 'B',
          repliedOn: `${year}-09-30`,
        },
        '已答复',
      );
      // The lead deputy is not satisfied: re-handling, due a month after the evaluation.
      await step(
        'Suggestion',
        id,
        'evaluate',
        { evaluation: '不满意', evaluatedOn: `${year}-10-09` },
        '重新办理',
      );
      const back = await sut.dataSource.getRepository(Suggestion).findOneByOrFail({ id });
      expect([back.status, back.replyClass, back.evaluation, back.dueOn]).toEqual([
        'rehandling',
        'B',
        'dissatisfied',
        `${year}-11-09`,
      ]);
      const timeline = await sut.dataSource
        .getRepository(SuggestionUpdate)
        .find({ where: { suggestionId: id }, order: { id: 'ASC' } });
      expect(timeline.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['assign', 'reply', 'evaluate']),
      );
      // From re-handling the unit replies again; no second evaluation before that.
      await page.goto(`${origin}/admin/resources/Suggestion/records/${id}/show`);
      await page.locator(`a[href$="/records/${id}/reply"]`).first().waitFor();
      expect(await page.locator(`a[href$="/records/${id}/evaluate"]`).count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    "counts the chain in the year's overview (API and panel), every breakdown adding up",
    async () => {
      const { section, figure } = await overviewThroughApi(sut, origin, committeeId, year);
      const expected: [string, string, number, number[]][] = [
        ['stations', 'stations', 1, [station.id]],
        ['stations', 'receptionsHeld', 1, [made.receptionId]],
        ['stations', 'deputiesOnDuty', 1, [deputies[0].id]],
        ['stations', 'votersReceived', 6, [made.receptionId]],
        ['outreach', 'voterIssuesCollected', 1, [made.voterIssueId]],
        ['outreach', 'voterIssuesEscalated', 1, [made.voterIssueId]],
        ['outreach', 'voterIssuesResolved', 0, []],
        ['outreach', 'voterIssuesRemaining', 0, []],
        ['suggestions', 'suggestions', 1, [made.suggestionId]],
        ['suggestions', 'suggestions.rehandling', 1, [made.suggestionId]],
        ['suggestions', 'suggestionsByClass.B', 1, [made.suggestionId]],
        ['suggestions', 'suggestionsBySatisfaction.dissatisfied', 1, [made.suggestionId]],
        ['suggestions', 'suggestionsOverdue', 0, []],
      ];
      for (const [area, name, value, ids] of expected) {
        expect({ area, name, ...figure(area, name) }).toEqual({ area, name, value, ids });
      }
      // Every breakdown of these sections adds up to its figure.
      for (const area of ['stations', 'outreach', 'suggestions']) {
        for (const whole of figuresOf(section(area))) {
          if (!whole.breakdown || whole.overlapping) continue;
          const parts = whole.breakdown.reduce((sum, part) => sum + part.value, 0);
          expect({ area, name: whole.name, parts }).toEqual({
            area,
            name: whole.name,
            parts: whole.value,
          });
        }
      }

      // The same on the panel's overview page, each figure linking what it counted.
      await expectOverviewPage(
        page,
        origin,
        committeeId,
        year,
        expected.filter(([, name]) => !name.includes('.')),
      );
      // The report's sentence for 一(六).
      await page
        .locator('section[data-area="outreach"]')
        .getByText('收集整理问题 1 个')
        .first()
        .waitFor();
    },
    STEP_TIMEOUT,
  );
});
