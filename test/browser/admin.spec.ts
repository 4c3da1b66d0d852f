import { FixedClock } from '../../src/common/clock.js';
import type { AddressInfo, Server } from 'node:net';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { createOrganisation } from '../factories/committee.factory.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import type { ListDeputiesQuery } from '../../src/modules/deputies/dto/deputy.dto.js';
import { DeputiesService } from '../../src/modules/deputies/deputies.service.js';
import { ActivitiesService } from '../../src/modules/activities/activities.service.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AttendanceService } from '../../src/modules/activities/attendance.service.js';
import { formatInstant } from '../../src/common/period.js';
import { BROWSER_TEST_NOW, launchChromium, submitAdminLogin } from '../support/chromium.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { choose } from '../support/panel-forms.js';
import { ManualRunsService } from '../../src/modules/compliance/manual-runs.service.js';
import { OutboxService } from '../../src/modules/notifications/outbox.service.js';
import { Notification } from '../../src/modules/notifications/notification.entity.js';
import { IsNull } from 'typeorm';

/** Checks the database as the system would, outside any admin session. */
const asSystem = <R>(work: () => Promise<R>): Promise<R> => runAsSystem('test', work);

describe('admin panel in Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const foreignRequests: string[] = [];
  const policyViolations: string[] = [];

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock: new FixedClock(BROWSER_TEST_NOW) });
    await sut.app.listen(0, '127.0.0.1');
    const { port } = (sut.app.getHttpServer() as Server).address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    const { districtId } = await createOrganisation(sut.app, {
      district: '示范区人大常委会',
      subdistrict: '𠮷祥街道人大工委',
    });
    await sut.app.get(AdminUsersService).create({
      username: 'clerk',
      password: 'Initial-Pass-2026',
      mustChangePassword: true,
      role: 'committeeAdmin',
      committeeId: districtId,
    });
    browser = await launchChromium();
    await sut.app.get(AdminUsersService).create({
      username: 'sysop',
      password: 'Console-Key-2026!',
      role: 'systemAdmin',
    });
    page = await newPage();
  }, 60000);

  /** A page in its own browser context (own cookies), watched for foreign requests and CSP. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const fresh = await context.newPage();
    fresh.setDefaultTimeout(15000);
    // A script or style the Content-Security-Policy blocks is reported on the console.
    fresh.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    fresh.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) {
        foreignRequests.push(request.url());
      }
    });
    return fresh;
  }

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('should show a Chinese login page and force a password change at first login', async () => {
    await page.goto(`${origin}/admin/login`);
    expect(await page.content()).toContain('人大工委工作平台');
    await page.fill('input[name=email]', 'clerk');
    await page.fill('input[name=password]', 'Initial-Pass-2026');
    await page.click('form button');
    await page.waitForURL(/\/admin\/change-password$/);
    await page.fill('#currentPassword', 'Initial-Pass-2026');
    await page.fill('#password', 'Better-Pass-2026!');
    await page.fill('#confirmPassword', 'Better-Pass-2026!');
    await page.click('button[type=submit]');
    await page.waitForURL(new RegExp(`${origin}/admin$`));
    await page.getByText('代表管理').first().waitFor();
  }, 60000);

  it('should create a deputy with a 4-byte name and list it', async () => {
    await page.goto(`${origin}/admin/resources/Deputy/actions/new`);
    await page.fill('input[name=name]', '𠮷田丽华');
    await choose(page, 'gender', '女', '女');
    await choose(page, 'level', '区级', '区级');
    await choose(page, 'committeeId', '街道', '𠮷祥街道人大工委');
    await page.fill('input[name=phone]', '13812345678');
    await page.click('[data-testid="button-save"]');
    await page.getByText('已创建').first().waitFor();
    const saved = await asSystem(() =>
      sut.app.get(DeputiesService).list({ name: '𠮷田丽华' } as ListDeputiesQuery),
    );
    expect(saved.items).toHaveLength(1);
    expect(saved.items[0]).toMatchObject({
      gender: 'female',
      level: 'district',
      phone: '13812345678',
      status: 'serving',
    });
    await page.goto(`${origin}/admin/resources/Deputy`);
    await page.getByText('𠮷田丽华').first().waitFor();
  }, 60000);

  it('should show a field error in Chinese when the form breaks a rule, and save nothing', async () => {
    await page.goto(`${origin}/admin/resources/Deputy/actions/new`);
    await page.fill('input[name=name]', '无选区');
    await choose(page, 'gender', '男', '男');
    await page.click('[data-testid="button-save"]');
    await page
      .getByText(/必须是|不能为空|必填/)
      .first()
      .waitFor();
    expect(
      (
        await asSystem(() =>
          sut.app.get(DeputiesService).list({ name: '无选区' } as ListDeputiesQuery),
        )
      ).total,
    ).toBe(0);
  }, 60000);

  it('should create an activity with attendance and list them', async () => {
    await page.goto(`${origin}/admin/resources/Activity/actions/new`);
    await choose(page, 'committeeId', '街道', '𠮷祥街道人大工委');
    await choose(page, 'kindId', '代表工作', '代表工作会议');
    await page.fill('input[name=title]', '第一季度代表工作会议');
    const startsAt = page.locator('[data-testid="property-edit-startsAt"] input').first();
    await startsAt.click();
    await startsAt.fill('2020-03-31 14:30');
    await startsAt.press('Enter');
    await choose(page, 'status', '已举行', '已举行');
    await page.click('[data-testid="button-save"]');
    await page.getByText('已创建').first().waitFor();
    const activities = await asSystem(() => sut.app.get(ActivitiesService).list({}));
    expect(activities.items.map((activity) => activity.title)).toEqual(['第一季度代表工作会议']);
    const activity = activities.items[0];
    expect(activity.status).toBe('held');
    expect(formatInstant(activity.startsAt, 'Asia/Shanghai')).toMatch(/^2020-03-31T14:30/);

    await page.goto(`${origin}/admin/resources/Attendance/actions/new`);
    await choose(page, 'activityId', '第一季度', '第一季度代表工作会议');
    await choose(page, 'deputyId', '𠮷田', '𠮷田丽华');
    await choose(page, 'status', '出席', '出席');
    await page.click('[data-testid="button-save"]');
    await page.getByText('已创建').first().waitFor();
    const rows = await asSystem(() => sut.app.get(AttendanceService).list(activity.id));
    expect(rows.map((row) => row.status)).toEqual(['attended']);

    await page.goto(`${origin}/admin/resources/Activity`);
    await page.getByText('第一季度代表工作会议').first().waitFor();
    await page.goto(`${origin}/admin/resources/Attendance`);
    await page.getByText('出席').first().waitFor();
  }, 90000);

  it('should export the deputies as an Excel file with phones masked', async () => {
    await page.goto(`${origin}/admin/resources/Deputy`);
    await page.getByText('𠮷田丽华').first().waitFor();
    await page.goto(`${origin}/admin/resources/Deputy/actions/export`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-download"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^代表名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const text = JSON.stringify(workbook.worksheets[0].getSheetValues());
    expect(text).toContain('𠮷田丽华');
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
  }, 60000);

  it("should show the user's unread notices and this year's quarters on the home page", async () => {
    const clerk = await sut.dataSource
      .getRepository(AdminUser)
      .findOneByOrFail({ username: 'clerk' });
    await sut.app.get(OutboxService).queue(sut.dataSource.manager, [clerk], {
      kind: 'test',
      about: 'browser-1',
      title: '测试提醒',
      body: '首页应显示一条未读通知',
    });
    await asSystem(() => sut.app.get(ManualRunsService).checkNow(new Date(), 'test'));
    await page.goto(`${origin}/admin`);
    await page.getByText('条未读通知').first().waitFor();
    const line = await page.getByText('条未读通知').first().textContent();
    // Ours, plus the notice of the quarter the check just closed (clerk is the district's admin).
    const unread = await sut.dataSource
      .getRepository(Notification)
      .countBy({ recipientUserId: clerk.id, channel: 'inApp', readAt: IsNull() });
    expect(unread).toBeGreaterThanOrEqual(2);
    expect(line).toContain(`您有 ${unread} 条未读通知`);
    await page.getByText('年季度达标情况').first().waitFor();
    await page.getByText('𠮷祥街道人大工委').first().waitFor();
    expect(await page.getByText(/进行中 · 0 次|未达标 · 0 次/).count()).toBeGreaterThan(0);
  }, 60000);

  it("should show a new account's temporary password once, on its page", async () => {
    const admin = await newPage();
    await submitAdminLogin(admin, origin, 'sysop', 'Console-Key-2026!');
    await admin.waitForURL(new RegExp(`${origin}/admin$`));
    await admin.goto(`${origin}/admin/resources/AdminUser/actions/new`);
    await admin.fill('input[name=username]', 'xiaowang');
    await admin.fill('input[name=displayName]', '小王');
    await choose(admin, 'committeeId', '街道', '𠮷祥街道人大工委');
    await admin.click('[data-testid="button-save"]');
    await admin.waitForURL(/\/admin\/resources\/AdminUser\/records\/\d+\/show/);
    const shown = admin.locator('[data-testid="property-show-oneTimeValue"]');
    await shown.getByText(/aA1!/).waitFor();
    const password = /[A-Za-z0-9_-]{16}aA1!/.exec((await shown.textContent()) ?? '')?.[0] ?? '';
    expect(password).toHaveLength(20);
    await admin.reload();
    await admin.getByText('xiaowang').first().waitFor();
    expect(await admin.content()).not.toContain(password);

    const newcomer = await newPage();
    await submitAdminLogin(newcomer, origin, 'xiaowang', password.trim());
    await newcomer.waitForURL(/\/admin\/change-password$/);
  }, 60000);

  it('should tell a locked-out user so in Chinese, without saying whether the user exists', async () => {
    const stranger = await newPage();
    for (let i = 0; i < 5; i += 1) {
      await submitAdminLogin(stranger, origin, 'nobody-here', 'Wrong-Pass-2026!');
    }
    await stranger.getByText('用户名或密码错误').first().waitFor();
    await submitAdminLogin(stranger, origin, 'nobody-here', 'Wrong-Pass-2026!');
    await stranger.getByText('登录失败次数过多').first().waitFor();
    expect(await stranger.content()).not.toMatch(/不存在|unknown user/);
  }, 60000);

  it('should load nothing from other hosts and break no Content-Security-Policy rule', () => {
    expect(foreignRequests).toEqual([]);
    expect(policyViolations).toEqual([]);
  });
});
