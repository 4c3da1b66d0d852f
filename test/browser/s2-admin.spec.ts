import { FixedClock } from '../../src/common/clock.js';
import type { AddressInfo, Server } from 'node:net';
import { type Browser, type Page } from 'playwright-core';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { TEST_PASSWORD } from '../support/admin-login.js';
import { BROWSER_TEST_NOW, launchChromium, submitAdminLogin } from '../support/chromium.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const XSS_NAME = '</script><script>alert(1)</script>';

/** Issue 10 (S2) in a real page: #7 (stored XSS past the nonce) and #3 (commands by POST). */
describe('admin back office hardening in Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let origin: string;
  const dialogs: string[] = [];
  const policyViolations: string[] = [];
  const commandRequests: string[] = [];
  let victimId: number;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock: new FixedClock(BROWSER_TEST_NOW) });
    await sut.app.listen(0, '127.0.0.1');
    const { port } = (sut.app.getHttpServer() as Server).address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    const { districtId } = await createOrganisation(sut.app);
    const users = sut.app.get(AdminUsersService);
    await users.create({
      username: 'mallory',
      displayName: XSS_NAME,
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId: districtId,
    });
    await users.create({ username: 'sec', password: TEST_PASSWORD, role: 'securityAdmin' });
    victimId = (
      await users.create({
        username: 'victim',
        password: TEST_PASSWORD,
        role: 'staff',
        committeeId: districtId,
      })
    ).id;
    browser = await launchChromium();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  async function loggedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    page.on('request', (request) => {
      if (/\/api\/resources\/AdminUser\/records\/\d+\/unlock/.test(request.url())) {
        commandRequests.push(request.method());
      }
    });
    await submitAdminLogin(page, origin, username, TEST_PASSWORD);
    await page.waitForURL(`${origin}/admin`);
    return page;
  }

  it('should show a display name with script tags as text and run none of it', async () => {
    const page = await loggedIn('mallory');
    // The name is in the top bar as plain text: the page rendered past it.
    await page.getByText(XSS_NAME).first().waitFor();
    expect(dialogs).toEqual([]);
    expect(policyViolations).toEqual([]);
    await page.context().close();
  }, 60000);

  it("should run a confirmed command (解除锁定) from the panel's button, by POST", async () => {
    const page = await loggedIn('sec');
    await page.goto(`${origin}/admin/resources/AdminUser/records/${victimId}/show`);
    await page.locator('[data-testid="action-unlock"]').first().click();
    await page
      .getByRole('button', { name: /确认|confirm/i })
      .last()
      .click();
    await page.getByText('已解除锁定').first().waitFor();
    expect(commandRequests).toEqual(['POST']);
    expect(policyViolations).toEqual([]);
    await page.context().close();
  }, 60000);
});
