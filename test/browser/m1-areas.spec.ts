import type { AddressInfo, Server } from 'node:net';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { FixedClock } from '../../src/common/clock.js';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { Attendance } from '../../src/modules/activities/attendance.entity.js';
import { Attachment } from '../../src/modules/attachments/attachment.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import type { Deputy } from '../../src/modules/deputies/deputy.entity.js';
import { IndicatorValue } from '../../src/modules/indicators/indicator-value.entity.js';
import { Indicator } from '../../src/modules/indicators/indicator.entity.js';
import { AgendaItem } from '../../src/modules/plenary/agenda-item.entity.js';
import { PlenarySession } from '../../src/modules/plenary/plenary-session.entity.js';
import { CountedOutcome } from '../../src/modules/projects/counted-outcome.entity.js';
import { KeyProject } from '../../src/modules/projects/key-project.entity.js';
import { ProjectProgress } from '../../src/modules/projects/project-progress.entity.js';
import { OpinionUpdate } from '../../src/modules/supervision/opinion-update.entity.js';
import { Opinion } from '../../src/modules/supervision/opinion.entity.js';
import { SupervisionActivity } from '../../src/modules/supervision/supervision-activity.entity.js';
import { StudySession } from '../../src/modules/training/study-session.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createDeputy } from '../factories/deputy.factory.js';
import { createTerm } from '../factories/plenary.factory.js';
import { TEST_PASSWORD } from '../support/admin-login.js';
import {
  choose,
  expectOverviewPage,
  overviewThroughApi,
  saveNew,
  STEP_TIMEOUT,
  typeDay,
  typeInstant,
} from '../support/panel-forms.js';
import { BROWSER_TEST_NOW, launchChromium, submitAdminLogin } from '../support/chromium.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/** A 1×1 PNG: the sign-in sheet photo of the study session. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * [M1] "Done when" 1: a staff member of a subdistrict committee records sections 一(一)–(四) of
 * the annual work report through the admin panel — a study session with an attachment, a
 * supervision activity with an opinion followed to done, indicator values imported from a sheet
 * (a bad row first), a key project with a progress snapshot, a counted outcome, a congress
 * session with its reports and attendance — and then finds every record in the year's overview,
 * in the panel and through the API. The `it`s are one story on one page, in order.
 */
describe(`[M1] areas recorded through the panel in Chromium on ${testDialect()}`, () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let committeeId: number;
  let deputies: Deputy[];
  const year = Number(BROWSER_TEST_NOW.toISOString().slice(0, 4));

  /** What the story recorded, for the overview's checks. */
  const made = {
    studySessionId: 0,
    attachmentId: 0,
    supervisionActivityId: 0,
    opinionId: 0,
    indicatorValueIds: [] as number[],
    projectId: 0,
    progressId: 0,
    outcomeId: 0,
    plenarySessionId: 0,
    agendaItemIds: [] as number[],
    attendanceIds: { attended: 0, leave: 0 },
  };

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock: new FixedClock(BROWSER_TEST_NOW) });
    await sut.app.listen(0, '127.0.0.1');
    const { port } = (sut.app.getHttpServer() as Server).address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    const organisation = await createOrganisation(sut.app, { subdistrict: '和平街道人大工委' });
    committeeId = organisation.subdistrictId;
    deputies = [
      await createDeputy(sut.app, { committeeId, name: '王立新' }),
      await createDeputy(sut.app, { committeeId, name: '赵春梅' }),
      await createDeputy(sut.app, { committeeId, name: '孙建国' }),
    ];
    await createTerm(sut.app, { name: '区第十五届人民代表大会', ordinal: 15 });
    await sut.app.get(AdminUsersService).create({
      username: 'typist',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId,
    });
    browser = await launchChromium();
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await submitAdminLogin(page, origin, 'typist', TEST_PASSWORD);
    await page.waitForURL(new RegExp(`${origin}/admin$`));
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  /** 代表活动 → 新建: a held activity of the kind, in the staff member's committee. */
  async function newActivity(kind: string, title: string, startsAt: string): Promise<number> {
    await page.goto(`${origin}/admin/resources/Activity/actions/new`);
    await choose(page, 'committeeId', '和平', '和平街道人大工委');
    await choose(page, 'kindId', kind, kind);
    await page.fill('input[name=title]', title);
    await typeInstant(page, 'startsAt', startsAt);
    await choose(page, 'status', '已举行', '已举行');
    await saveNew(page);
    const activity = await sut.dataSource.getRepository(Activity).findOneByOrFail({ title });
    expect(activity.status).toBe('held');
    return activity.id;
  }

  it(
    'records a study session (集中学习) with its topic, speaker and hours, and uploads its sign-in sheet',
    async () => {
      const activityId = await newActivity('集中学习', '九月集中学习', `${year}-09-15 14:30`);

      await page.goto(`${origin}/admin/resources/StudySession/actions/new`);
      await choose(page, 'activityId', '九月', '九月集中学习');
      await page.fill('input[name=topic]', '学习贯彻代表法');
      await page.fill('input[name=speakerName]', '李明');
      await page.fill('input[name=speakerTitle]', '区人大常委会法工委主任');
      await page.fill('input[name=hours]', '2.5');
      await saveNew(page);
      const session = await sut.dataSource
        .getRepository(StudySession)
        .findOneByOrFail({ activityId });
      expect([session.topic, session.speakerName, Number(session.hours)]).toEqual([
        '学习贯彻代表法',
        '李明',
        2.5,
      ]);
      made.studySessionId = session.id;

      // The session's page: its 附件 section, empty, with the link to the upload form.
      await page.goto(`${origin}/admin/resources/StudySession/records/${session.id}/show`);
      const section = page.locator('[data-testid="record-attachments"]');
      await section.getByText('暂无附件').waitFor();
      // The top bar names the panel's language in Chinese (AdminJS's own words: "中国人").
      await page.getByText('简体中文').first().waitFor();
      expect(await page.locator('body').innerText()).not.toContain('中国人');
      await section.locator('[data-testid="record-attachment-upload"]').click();
      await page.waitForURL(/\/admin\/resources\/Attachment\/actions\/new\?/);
      await page.locator('[data-testid="attachment-upload-form"]').waitFor();
      expect(await page.locator('[data-testid="attachment-record-id"]').inputValue()).toBe(
        String(session.id),
      );
      await page.locator('[data-testid="attachment-file"]').setInputFiles({
        name: '签到表.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await page.click('[data-testid="attachment-upload-submit"]');
      await page.waitForURL(/\/admin\/resources\/Attachment\/records\/\d+\/show/);
      const attachment = await sut.dataSource
        .getRepository(Attachment)
        .findOneByOrFail({ recordType: 'studySession', recordId: session.id });
      expect([attachment.originalName, attachment.mediaType, attachment.size]).toEqual([
        '签到表.png',
        'image/png',
        PNG.length,
      ]);
      made.attachmentId = attachment.id;

      // Back on the session's page: the file is listed with its thumbnail and link.
      await page.goto(`${origin}/admin/resources/StudySession/records/${session.id}/show`);
      const link = section.locator('[data-testid="record-attachment-download"]');
      await link.getByText('签到表.png').waitFor();
      expect(await link.getAttribute('href')).toBe(`/admin/attachments/${attachment.id}/content`);
      const thumbnail = section.locator(`img[src="/admin/attachments/${attachment.id}/content"]`);
      await thumbnail.waitFor();
      await page.waitForFunction((src) => {
        const img = document.querySelector<HTMLImageElement>(`img[src="${src}"]`);
        return img !== null && img.complete && img.naturalWidth === 1;
      }, `/admin/attachments/${attachment.id}/content`);
    },
    STEP_TIMEOUT,
  );

  it(
    'records a supervision activity (视察) and an opinion, followed 交办 → 开始办理 → 办结 with its timeline',
    async () => {
      const activityId = await newActivity('视察', '视察重点项目建设', `${year}-09-20 09:00`);

      await page.goto(`${origin}/admin/resources/SupervisionActivity/actions/new`);
      await choose(page, 'activityId', '视察', '视察重点项目建设');
      await choose(page, 'areaId', '项目', '项目建设');
      await page.fill('input[name=subject]', '重点项目建设进度');
      await saveNew(page);
      const supervision = await sut.dataSource
        .getRepository(SupervisionActivity)
        .findOneByOrFail({ activityId });
      made.supervisionActivityId = supervision.id;

      await page.goto(`${origin}/admin/resources/Opinion/actions/new`);
      await choose(page, 'supervisionActivityId', '重点项目', '重点项目建设进度');
      await page.fill('textarea[name=content]', '加快征迁进度，确保项目按期开工');
      await typeDay(page, 'raisedOn', `${year}-09-20`);
      await saveNew(page);
      const opinion = await sut.dataSource
        .getRepository(Opinion)
        .findOneByOrFail({ supervisionActivityId: supervision.id });
      expect(opinion.status).toBe('open');
      made.opinionId = opinion.id;

      const show = `${origin}/admin/resources/Opinion/records/${opinion.id}/show`;
      const status = page.locator('[data-testid="property-show-status"]');
      const steps: {
        action: string;
        fill: Record<string, string>;
        to: string;
        shown: string;
      }[] = [
        {
          action: 'assign',
          fill: { responsibleUnit: '街道征迁办', dueOn: `${year}-10-31` },
          to: 'assigned',
          shown: '已交办',
        },
        { action: 'start', fill: { note: '已召开协调会' }, to: 'inProgress', shown: '办理中' },
        { action: 'finish', fill: { completedOn: `${year}-10-09` }, to: 'done', shown: '已办结' },
      ];
      for (const step of steps) {
        await page.goto(show);
        await status.waitFor();
        // The step is offered on the opinion's page; the form opens from it.
        await page.locator(`a[href$="/records/${opinion.id}/${step.action}"]`).first().click();
        await page.waitForURL(new RegExp(`/records/${opinion.id}/${step.action}`));
        for (const [field, value] of Object.entries(step.fill)) {
          await page.fill(`#step-${field}`, value);
        }
        await page.click('[data-testid="workflow-step-submit"]');
        // Back on the opinion's page (reloaded), its status changed.
        await page.waitForURL((url) => url.pathname === new URL(show).pathname);
        await status.getByText(step.shown).waitFor();
        const saved = await sut.dataSource
          .getRepository(Opinion)
          .findOneByOrFail({ id: opinion.id });
        expect(saved.status).toBe(step.to);
      }
      await page.goto(show);
      await status.getByText('已办结').waitFor();
      const done = await sut.dataSource.getRepository(Opinion).findOneByOrFail({ id: opinion.id });
      expect([done.responsibleUnit, done.dueOn, done.completedOn]).toEqual([
        '街道征迁办',
        `${year}-10-31`,
        `${year}-10-09`,
      ]);
      // The timeline (办理进展): one entry per step, oldest first.
      const timeline = page.locator('[data-testid="property-show-timeline"]');
      await timeline.getByText('交办').first().waitFor();
      const text = await timeline.innerText();
      expect(text.indexOf('交办')).toBeLessThan(text.indexOf('开始办理'));
      expect(text.indexOf('开始办理')).toBeLessThan(text.indexOf('办结'));
      expect(text).toContain('已召开协调会');
      const entries = await sut.dataSource
        .getRepository(OpinionUpdate)
        .find({ where: { opinionId: opinion.id }, order: { id: 'ASC' } });
      expect(entries.map((entry) => entry.action)).toEqual(['assign', 'start', 'finish']);
      // No 交办/办结 from a done opinion.
      expect(await page.locator(`a[href$="/records/${opinion.id}/assign"]`).count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'imports indicator values from a sheet: a bad row is listed (row, column), the fixed sheet is imported',
    async () => {
      await page.goto(`${origin}/admin/resources/Indicator/actions/new`);
      await choose(page, 'committeeId', '和平', '和平街道人大工委');
      await page.fill('input[name=code]', 'fixed_asset_investment');
      await page.fill('input[name=name]', '固定资产投资');
      await page.fill('input[name=unit]', '亿元');
      await choose(page, 'frequency', '月度', '月度');
      await saveNew(page);
      const indicator = await sut.dataSource
        .getRepository(Indicator)
        .findOneByOrFail({ committeeId, code: 'fixed_asset_investment' });

      // The template as the page offers it: its headers and the committee's indicator.
      await page.goto(`${origin}/admin/indicator-import`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#template-download'),
      ]);
      const templatePath = await download.path();
      const template = new ExcelJS.Workbook();
      await template.xlsx.load((await readFile(templatePath)) as unknown as ArrayBuffer);
      const sheet = template.getWorksheet('指标数值')!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(headers).toEqual(
        expect.arrayContaining([
          '指标代码',
          '指标名称',
          '单位',
          '年份',
          '期间',
          '数值类型',
          '数值',
        ]),
      );
      const column = (header: string) => headers.indexOf(header) + 1;
      expect(sheet.getRow(2).getCell(column('指标代码')).text).toBe('fixed_asset_investment');

      /** The template filled in: one row per value, row 2 on. */
      const filled = async (
        rows: { period: string; kind: string; value: unknown; yoy?: number }[],
      ): Promise<Buffer> => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await readFile(templatePath)) as unknown as ArrayBuffer);
        const values = workbook.getWorksheet('指标数值')!;
        rows.forEach((row, index) => {
          const line = values.getRow(index + 2);
          line.getCell(column('指标代码')).value = 'fixed_asset_investment';
          line.getCell(column('指标名称')).value = '固定资产投资';
          line.getCell(column('单位')).value = '亿元';
          line.getCell(column('年份')).value = year;
          line.getCell(column('期间')).value = row.period;
          line.getCell(column('数值类型')).value = row.kind;
          line.getCell(column('数值')).value = row.value as ExcelJS.CellValue;
          if (row.yoy !== undefined) line.getCell(column('同比（%）')).value = row.yoy;
          line.commit();
        });
        return Buffer.from(await workbook.xlsx.writeBuffer());
      };

      // A sheet with a bad row (row 3: the value is not a number): listed, nothing written.
      await page.goto(`${origin}/admin/indicator-import`);
      await page.locator('#import-file').setInputFiles({
        name: '经济指标.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await filled([
          { period: '8月', kind: '累计', value: 30.2, yoy: 7.9 },
          { period: '9月', kind: '累计', value: '三十五点六' },
        ]),
      });
      await page.click('#import-check');
      await page.locator('#import-problems').waitFor();
      await page.locator('#import-error').waitFor();
      const problems = await page
        .locator('#import-problems tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent)),
        );
      expect(problems).toHaveLength(1);
      expect(problems[0].slice(0, 2)).toEqual(['3', '数值']);
      expect(await sut.dataSource.getRepository(IndicatorValue).count()).toBe(0);

      // The fixed sheet: checked, confirmed, imported.
      await page.goto(`${origin}/admin/indicator-import`);
      await page.locator('#import-file').setInputFiles({
        name: '经济指标.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await filled([
          { period: '8月', kind: '累计', value: 30.2, yoy: 7.9 },
          { period: '9月', kind: '累计', value: 35.6, yoy: 8.5 },
        ]),
      });
      await page.click('#import-check');
      await page.locator('#import-summary').getByText('将新增 2 条').waitFor();
      await page.click('#import-confirm');
      await page.locator('#import-done').getByText('新增 2 条').waitFor();
      const values = await sut.dataSource
        .getRepository(IndicatorValue)
        .find({ where: { indicatorId: indicator.id }, order: { period: 'ASC' } });
      expect(values.map((value) => [value.year, value.period, value.kind, value.value])).toEqual([
        [year, 8, 'cumulative', 30.2],
        [year, 9, 'cumulative', 35.6],
      ]);
      made.indicatorValueIds = values.map((value) => value.id);

      // The values' list the page links to shows them.
      await page.click('#import-values-link');
      await page.waitForURL(/\/admin\/resources\/IndicatorValue/);
      for (const id of made.indicatorValueIds) {
        await page.locator(`[data-id="${id}"]`).first().waitFor();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'records a key project (重大项目) with a progress snapshot (项目进度)',
    async () => {
      await page.goto(`${origin}/admin/resources/KeyProject/actions/new`);
      await choose(page, 'committeeId', '和平', '和平街道人大工委');
      await page.fill('input[name=name]', '和平路城市更新一期');
      await page.fill('input[name=year]', String(year));
      await choose(page, 'stage', '续建', '续建');
      await page.fill('input[name=plannedInvestment]', '12000');
      await page.fill('input[name=owner]', '区城投公司');
      await saveNew(page);
      const project = await sut.dataSource
        .getRepository(KeyProject)
        .findOneByOrFail({ name: '和平路城市更新一期' });
      expect([project.committeeId, project.year, project.stage]).toEqual([
        committeeId,
        year,
        'continuing',
      ]);
      made.projectId = project.id;

      await page.goto(`${origin}/admin/resources/ProjectProgress/actions/new`);
      await choose(page, 'projectId', '和平路', '和平路城市更新一期');
      await typeDay(page, 'asOf', `${year}-09-30`);
      await page.fill('input[name=completedInvestment]', '9000');
      await saveNew(page);
      const snapshot = await sut.dataSource
        .getRepository(ProjectProgress)
        .findOneByOrFail({ projectId: project.id });
      expect([snapshot.asOf, Number(snapshot.completedInvestment)]).toEqual([
        `${year}-09-30`,
        9000,
      ]);
      made.progressId = snapshot.id;
    },
    STEP_TIMEOUT,
  );

  it(
    'records a counted outcome (工作成效: 旱厕改造 12 个)',
    async () => {
      await page.goto(`${origin}/admin/resources/CountedOutcome/actions/new`);
      await choose(page, 'committeeId', '和平', '和平街道人大工委');
      await page.fill('input[name=year]', String(year));
      await page.fill('input[name=name]', '旱厕改造');
      await page.fill('input[name=value]', '12');
      await page.fill('input[name=unit]', '个');
      // An empty picker asks 请选择… (react-select's own "Select..." hidden by the panel's style).
      const placeholder = page.locator(
        '[data-testid="property-edit-status"] [class*="-placeholder"]',
      );
      expect(
        await placeholder.evaluate((element) => [
          getComputedStyle(element).fontSize,
          getComputedStyle(element, '::after').content,
        ]),
      ).toEqual(['0px', '"请选择…"']);
      await choose(page, 'status', '已完成', '已完成');
      await saveNew(page);
      const outcome = await sut.dataSource
        .getRepository(CountedOutcome)
        .findOneByOrFail({ name: '旱厕改造' });
      expect([outcome.committeeId, outcome.year, Number(outcome.value), outcome.unit]).toEqual([
        committeeId,
        year,
        12,
        '个',
      ]);
      made.outcomeId = outcome.id;
    },
    STEP_TIMEOUT,
  );

  it(
    'records a congress session (代表大会会议) with its reports, resolutions and attendance',
    async () => {
      const activityId = await newActivity(
        '人民代表大会会议',
        '出席区十五届人大五次会议',
        `${year}-01-08 09:00`,
      );

      await page.goto(`${origin}/admin/resources/PlenarySession/actions/new`);
      await choose(page, 'activityId', '五次会议', '出席区十五届人大五次会议');
      await choose(page, 'termId', '第十五届', '区第十五届人民代表大会');
      await page.fill('input[name=sessionNumber]', '5');
      await typeDay(page, 'startsOn', `${year}-01-08`);
      await typeDay(page, 'endsOn', `${year}-01-10`);
      await page.fill('input[name=place]', '区人民会堂');
      await saveNew(page);
      const session = await sut.dataSource
        .getRepository(PlenarySession)
        .findOneByOrFail({ activityId });
      expect([session.sessionNumber, session.startsOn, session.endsOn]).toEqual([
        5,
        `${year}-01-08`,
        `${year}-01-10`,
      ]);
      made.plenarySessionId = session.id;

      // 审议事项: the reports deliberated and their resolutions.
      const reports = [
        {
          kind: '政府工作报告',
          title: '区人民政府工作报告',
          resolution: '关于区人民政府工作报告的决议',
        },
        {
          kind: '人大常委会工作报告',
          title: '区人大常委会工作报告',
          resolution: '关于区人大常委会工作报告的决议',
        },
      ];
      for (const [index, report] of reports.entries()) {
        await page.goto(`${origin}/admin/resources/AgendaItem/actions/new`);
        await choose(page, 'sessionId', '第五次', '第五次会议');
        await choose(page, 'kind', report.kind, report.kind);
        await page.fill('input[name=title]', report.title);
        await page.fill('input[name=sortOrder]', String(index + 1));
        await page.fill('input[name=resolutionTitle]', report.resolution);
        await choose(page, 'adopted', '通过', '通过');
        await page.fill('input[name=votesFor]', '180');
        await page.fill('input[name=votesAgainst]', '0');
        await page.fill('input[name=votesAbstaining]', '2');
        await saveNew(page);
      }
      const items = await sut.dataSource
        .getRepository(AgendaItem)
        .find({ where: { sessionId: session.id }, order: { sortOrder: 'ASC' } });
      expect(items.map((item) => [item.kind, item.adopted, item.votesFor])).toEqual([
        ['governmentReport', 'yes', 180],
        ['standingCommitteeReport', 'yes', 180],
      ]);
      made.agendaItemIds = items.map((item) => item.id);

      // Attendance is the session activity's core attendance (出席记录), reached from its page.
      await page.goto(`${origin}/admin/resources/PlenarySession/records/${session.id}/show`);
      await page.locator(`a[href*="filters.activityId=${activityId}"]`).first().waitFor();
      const attendance: [Deputy, string, string][] = [
        [deputies[0], '出席', ''],
        [deputies[1], '请假', '因公出差'],
      ];
      for (const [deputy, status, note] of attendance) {
        await page.goto(`${origin}/admin/resources/Attendance/actions/new`);
        await choose(page, 'activityId', '五次会议', '出席区十五届人大五次会议');
        await choose(page, 'deputyId', deputy.name.slice(0, 1), deputy.name);
        await choose(page, 'status', status, status);
        if (note) await page.fill('[name=note]', note);
        await saveNew(page);
      }
      const rows = await sut.dataSource.getRepository(Attendance).findBy({ activityId });
      const byDeputy = new Map(rows.map((row) => [row.deputyId, row]));
      expect(byDeputy.get(deputies[0].id)?.status).toBe('attended');
      expect([byDeputy.get(deputies[1].id)?.status, byDeputy.get(deputies[1].id)?.note]).toEqual([
        'leave',
        '因公出差',
      ]);
      made.attendanceIds = {
        attended: byDeputy.get(deputies[0].id)!.id,
        leave: byDeputy.get(deputies[1].id)!.id,
      };
      await page.goto(`${origin}/admin/resources/Attendance?filters.activityId=${activityId}`);
      await page.getByText(deputies[1].name).first().waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    "shows every record in the year's overview (年度统计总览), in the panel and through the API",
    async () => {
      const { section, figure } = await overviewThroughApi(sut, origin, committeeId, year);

      /** The figures the story's records must make, by area and name: value and ids. */
      const expected: [string, string, number, number[]][] = [
        ['training', 'studySessions', 1, [made.studySessionId]],
        ['training', 'studyHours', 2.5, [made.studySessionId]],
        ['supervision', 'supervisionActivities', 1, [made.supervisionActivityId]],
        ['supervision', 'opinionsRaised', 1, [made.opinionId]],
        ['supervision', 'opinionsDone', 1, [made.opinionId]],
        ['supervision', 'opinionsDoneOnTime', 1, [made.opinionId]],
        ['indicators', 'indicatorValues', 2, [...made.indicatorValueIds].sort((a, b) => a - b)],
        ['projects', 'keyProjects', 1, [made.projectId]],
        ['projects', 'plannedInvestment', 12000, [made.projectId]],
        ['projects', 'completedInvestment', 9000, [made.progressId]],
        ['projects', 'countedOutcomes', 1, [made.outcomeId]],
        ['plenary', 'sessions', 1, [made.plenarySessionId]],
        ['plenary', 'reportsDeliberated', 2, [...made.agendaItemIds].sort((a, b) => a - b)],
        ['plenary', 'resolutionsAdopted', 2, [...made.agendaItemIds].sort((a, b) => a - b)],
        ['plenary', 'attendances', 1, [made.attendanceIds.attended]],
        ['plenary', 'leaves', 1, [made.attendanceIds.leave]],
      ];
      for (const [area, name, value, ids] of expected) {
        expect({ area, name, ...figure(area, name) }).toEqual({ area, name, value, ids });
      }
      const outcome = section('projects')
        ?.figures.flatMap((f) => [f, ...(f.breakdown ?? [])])
        .find((f) => f.label.includes('旱厕改造'));
      expect([outcome?.value, outcome?.unit]).toEqual([12, '个']);

      // The same figures on the panel's overview page, each linking the records it counted.
      await expectOverviewPage(page, origin, committeeId, year, expected);
      // The study session's figure links to its page.
      const studyLink = page
        .locator('section[data-area="training"] tr[data-figure="studySessions"] a')
        .first();
      expect(await studyLink.getAttribute('href')).toBe(
        `/admin/resources/StudySession/records/${made.studySessionId}/show`,
      );
      // The lists name what was recorded.
      await page
        .locator('section[data-area="plenary"] [data-list="sessions"]')
        .getByText('区人民会堂')
        .waitFor();
      await page
        .locator('section[data-area="projects"] [data-list="keyProjects"]')
        .getByText('和平路城市更新一期')
        .waitFor();
      await page
        .locator('section[data-area="projects"] [data-list="countedOutcomes"]')
        .getByText('旱厕改造')
        .waitFor();
      await page
        .locator('section[data-area="indicators"] [data-list="values"]')
        .getByText('固定资产投资')
        .first()
        .waitFor();
    },
    STEP_TIMEOUT,
  );
});
