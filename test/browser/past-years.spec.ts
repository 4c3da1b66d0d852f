import type { AddressInfo, Server } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { FixedClock } from '../../src/common/clock.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { CadenceRule } from '../../src/modules/compliance/cadence-rule.entity.js';
import { JobRun } from '../../src/modules/jobs/job-run.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { launchChromium, submitAdminLogin } from '../support/chromium.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** 往期检查 in the real panel: the form, its notice, and the page it lands on. */
describe('past-year check in Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;

  beforeAll(async () => {
    sut = await createTestApp({
      admin: true,
      clock: new FixedClock(new Date('2026-10-10T09:00:00+08:00')),
    });
    await sut.app.listen(0, '127.0.0.1');
    const { port } = (sut.app.getHttpServer() as Server).address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    await createOrganisation(sut.app);
    await sut.app.get(AdminUsersService).create({
      username: 'sysop',
      password: 'Console-Key-2026!',
      role: 'systemAdmin',
    });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.setDefaultTimeout(15000);
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('should evaluate a year from the form and land on its run in the job monitor', async () => {
    await submitAdminLogin(page, origin, 'sysop', 'Console-Key-2026!');
    await page.waitForURL(new RegExp(`${origin}/admin$`));
    await page.goto(`${origin}/admin/resources/CadenceRule/actions/runCheck`);
    await page.fill('#check-year', '2019');
    await page.click('[data-testid="check-year"]');
    await page.waitForURL(/\/admin\/resources\/JobRun\/records\/\d+\/show/);
    await page.getByText(/往期检查 2019–2019 完成：评定 4 个期间/).waitFor();
    const run = await sut.dataSource
      .getRepository(JobRun)
      .findOneByOrFail({ runner: 'admin:sysop' });
    expect(page.url()).toContain(`/admin/resources/JobRun/records/${run.id}/show`);
    expect(run.runKey).toMatch(/^manual:2019\.\.2019:/);
  });

  it("should name a rule's subject in Chinese on its page", async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const own = await context.newPage();
    own.setDefaultTimeout(15000);
    await submitAdminLogin(own, origin, 'sysop', 'Console-Key-2026!');
    await own.waitForURL(new RegExp(`${origin}/admin$`));
    const rule = await sut.dataSource.getRepository(CadenceRule).findOneByOrFail({});
    expect(rule.subject).toBe('subdistrictCommittee');
    await own.goto(`${origin}/admin/resources/CadenceRule/records/${rule.id}/show`);
    await own.getByText('街道人大工委', { exact: true }).waitFor();
    expect(await own.locator('body').innerText()).not.toContain('subdistrictCommittee');
    await context.close();
  });
});
