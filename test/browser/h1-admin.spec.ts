import { FixedClock } from '../../src/common/clock.js';
import type { AddressInfo, Server } from 'node:net';
import { type Browser, type Page } from 'playwright-core';
import { Deputy } from '../../src/modules/deputies/deputy.entity.js';
import { DictionaryItem } from '../../src/modules/dictionaries/dictionary-item.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { CommitteesService } from '../../src/modules/committees/committees.service.js';
import { CommunitiesService } from '../../src/modules/committees/communities.service.js';
import { Term } from '../../src/modules/terms/term.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { TEST_PASSWORD } from '../support/admin-login.js';
import { choose } from '../support/panel-forms.js';
import { BROWSER_TEST_NOW, launchChromium, submitAdminLogin } from '../support/chromium.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/** H1 §3 in the browser, as staff in China use the panel (Asia/Shanghai). */
describe(`admin panel defects (H1 §3) in Chromium on ${testDialect()}`, () => {
  let sut: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock: new FixedClock(BROWSER_TEST_NOW) });
    await sut.app.listen(0, '127.0.0.1');
    const { port } = (sut.app.getHttpServer() as Server).address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    const { districtId, subdistrictId } = await createOrganisation(sut.app, {
      subdistrict: '和平街道人大工委',
    });
    await runAsSystem('test', async () => {
      const other = await sut.app
        .get(CommitteesService)
        .create({ name: '新华街道人大工委', kind: 'subdistrict', parentId: districtId });
      const communities = sut.app.get(CommunitiesService);
      await communities.create({
        name: '和平一社区',
        kind: 'community',
        committeeId: subdistrictId,
      });
      await communities.create({ name: '新华一社区', kind: 'community', committeeId: other.id });
    });
    const users = sut.app.get(AdminUsersService);
    await users.create({ username: 'sysop', password: TEST_PASSWORD, role: 'systemAdmin' });
    await users.create({
      username: 'chief',
      password: TEST_PASSWORD,
      role: 'committeeAdmin',
      committeeId: districtId,
    });
    await users.create({
      username: 'typist',
      password: TEST_PASSWORD,
      role: 'staff',
      committeeId: subdistrictId,
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  async function loggedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await submitAdminLogin(page, origin, username, TEST_PASSWORD);
    await page.waitForURL(new RegExp(`${origin}/admin$`));
    return page;
  }

  /** The text box of a date field. */
  const dateBox = (page: Page, field: string) =>
    page.locator(`[data-testid="property-edit-${field}"] input`).first();

  it('should save a term with a date picked in the calendar and another typed, and show both', async () => {
    const page = await loggedIn('sysop');
    await page.goto(`${origin}/admin/resources/Term/actions/new`);
    await page.fill('input[name=name]', '区第十八届人民代表大会');
    await choose(page, 'level', '区级', '区级');
    await page.fill('input[name=ordinal]', '18');
    // Opens the calendar on November 2026, then picks the 1st there.
    const startsOn = dateBox(page, 'startsOn');
    await startsOn.click();
    await startsOn.pressSequentially('2026-11-15');
    await page
      .locator('.react-datepicker__day--001:not(.react-datepicker__day--outside-month)')
      .first()
      .click();
    expect(await startsOn.inputValue()).toBe('2026-11-01');
    const endsOn = dateBox(page, 'endsOn');
    await endsOn.click();
    await endsOn.pressSequentially('2031-10-31');
    await endsOn.press('Escape');
    expect(await endsOn.inputValue()).toBe('2031-10-31');
    await page.click('[data-testid="button-save"]');
    await page.getByText('已创建').first().waitFor();

    const term = await sut.dataSource
      .getRepository(Term)
      .findOneByOrFail({ name: '区第十八届人民代表大会' });
    expect([term.startsOn, term.endsOn]).toEqual(['2026-11-01', '2031-10-31']);
    await page.goto(`${origin}/admin/resources/Term/records/${term.id}/show`);
    const shown = page.locator('[data-testid="property-show-startsOn"]');
    await shown.getByText('2026-11-01').waitFor();
    expect(await shown.textContent()).not.toMatch(/\d{2}:\d{2}/);
    await page.locator('[data-testid="property-show-endsOn"]').getByText('2031-10-31').waitFor();
    await page.goto(`${origin}/admin/resources/Term`);
    await page.getByText('2026-11-01').first().waitFor();
    // The edit form shows the same days it saved.
    await page.goto(`${origin}/admin/resources/Term/records/${term.id}/edit`);
    expect(await dateBox(page, 'startsOn').inputValue()).toBe('2026-11-01');
    await page.context().close();
  }, 90_000);

  it("should save a deputy's typed birth date as that day and show it so", async () => {
    const page = await loggedIn('typist');
    await page.goto(`${origin}/admin/resources/Deputy/actions/new`);
    await page.fill('input[name=name]', '李四');
    await choose(page, 'gender', '男', '男');
    await choose(page, 'level', '区级', '区级');
    await choose(page, 'committeeId', '和平', '和平街道人大工委');
    const birthDate = dateBox(page, 'birthDate');
    await birthDate.click();
    await birthDate.pressSequentially('1970-09-09');
    await birthDate.press('Escape');
    await page.click('[data-testid="button-save"]');
    await page.getByText('已创建').first().waitFor();

    const deputy = await sut.dataSource.getRepository(Deputy).findOneByOrFail({ name: '李四' });
    expect(deputy.birthDate).toBe('1970-09-09');
    await page.goto(`${origin}/admin/resources/Deputy/records/${deputy.id}/show`);
    const shown = page.locator('[data-testid="property-show-birthDate"]');
    await shown.getByText('1970-09-09').waitFor();
    expect(await shown.textContent()).not.toMatch(/\d{2}:\d{2}/);
    await page.context().close();
  }, 90_000);

  it("should offer only activity kinds in an activity's kind picker", async () => {
    const page = await loggedIn('typist');
    await page.goto(`${origin}/admin/resources/Activity/actions/new`);
    const wrapper = page.locator('[data-testid="property-edit-kindId"]');
    await wrapper.locator('input[role=combobox]').click();
    const options = wrapper.locator('[class*="-option"]');
    await options.first().waitFor();
    const offered = (await options.allTextContents()).sort();
    const items = await sut.dataSource
      .getRepository(DictionaryItem)
      .find({ relations: { dictionary: true } });
    const kinds = items
      .filter((item) => item.dictionary?.code === 'activity_kind' && item.enabled)
      .map((item) => item.label)
      .sort();
    expect(offered).toEqual(kinds);
    expect(items.length).toBeGreaterThan(kinds.length);
    await page.context().close();
  }, 60_000);

  it("should offer a deputy only the communities of the deputy's committee", async () => {
    const page = await loggedIn('chief');
    await page.goto(`${origin}/admin/resources/Deputy/actions/new`);
    const wrapper = page.locator('[data-testid="property-edit-communityId"]');
    const options = wrapper.locator('[class*="-option"]');
    await wrapper.locator('input[role=combobox]').click();
    await wrapper.getByText('请先选择所属人大工委').waitFor();
    await page.keyboard.press('Escape');
    for (const [committee, community] of [
      ['和平街道人大工委', '和平一社区'],
      ['新华街道人大工委', '新华一社区'],
    ]) {
      await choose(page, 'committeeId', committee.slice(0, 2), committee);
      await wrapper.locator('input[role=combobox]').click();
      await options.first().waitFor();
      expect(await options.allTextContents()).toEqual([community]);
      await page.keyboard.press('Escape');
    }
    await page.context().close();
  }, 60_000);

  it('should not offer the role on the new-user form of the system admin', async () => {
    const page = await loggedIn('sysop');
    await page.goto(`${origin}/admin/resources/AdminUser/actions/new`);
    await page.locator('[data-testid="property-edit-username"]').waitFor();
    expect(await page.locator('[data-testid="property-edit-role"]').count()).toBe(0);
    expect(await page.locator('[data-testid="property-edit-enabled"]').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
