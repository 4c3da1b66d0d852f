import type { Page } from 'playwright-core';
import type { Overview } from '../../src/modules/reports/overview.service.js';
import type { Figure, OverviewSection } from '../../src/platform/areas/statistics.js';
import { issueKey, type TestApp } from './test-app.js';

/** Each step of a browser story may wait on a loaded 2-core machine (argon2, AdminJS bundles). */
export const STEP_TIMEOUT = 180_000;

/** Picks an option of an AdminJS select (react-select) inside the field's wrapper. */
export async function choose(
  page: Page,
  field: string,
  search: string,
  option: string,
): Promise<void> {
  const wrapper = page.locator(`[data-testid="property-edit-${field}"]`);
  const input = wrapper.locator('input[role=combobox]');
  await input.click();
  await input.fill(search);
  await wrapper.locator('[class*="-option"]', { hasText: option }).first().click();
}

/** Types a day into a date field (the panel's date-only box) and closes its calendar. */
export async function typeDay(page: Page, field: string, day: string): Promise<void> {
  const box = page.locator(`[data-testid="property-edit-${field}"] input`).first();
  await box.click();
  await box.fill('');
  await box.pressSequentially(day);
  await box.press('Escape');
}

/** Types an instant (China time) into a datetime field. */
export async function typeInstant(page: Page, field: string, value: string): Promise<void> {
  const box = page.locator(`[data-testid="property-edit-${field}"] input`).first();
  await box.click();
  await box.fill(value);
  await box.press('Enter');
}

/** Sends an AdminJS form and waits for its "created" notice. */
export async function saveNew(page: Page): Promise<void> {
  await page.click('[data-testid="button-save"]');
  await page.getByText('已创建').first().waitFor();
}

/** Every figure of an overview section, breakdowns included (named `a.b`). */
export function figuresOf(section: OverviewSection | undefined): Figure[] {
  const all = (figures: readonly Figure[]): Figure[] =>
    figures.flatMap((figure) => [figure, ...all(figure.breakdown ?? [])]);
  return all(section?.figures ?? []);
}

/** A figure of an overview section by name (breakdowns included, as `a.b`). */
export function figureOf(section: OverviewSection | undefined, name: string): Figure | undefined {
  return figuresOf(section).find((figure) => figure.name === name);
}

/** A figure as a story checks it: its value and the ids it counted, in order. */
export type CountedFigure = { value: number; ids: number[] } | undefined;

/**
 * The year's overview as an external system reads it: `GET /reports/overview` with a
 * `reports:read` key of a staff member of the committee (200), and each figure by area and name.
 */
export async function overviewThroughApi(
  sut: TestApp,
  origin: string,
  committeeId: number,
  year: number,
): Promise<{
  section(area: string): OverviewSection | undefined;
  figure(area: string, name: string): CountedFigure;
}> {
  const key = await issueKey(sut.app, ['reports:read'], { role: 'staff', committeeId });
  const response = await fetch(
    `${origin}/api/v1/reports/overview?committeeId=${committeeId}&year=${year}`,
    { headers: { Authorization: `Bearer ${key}` } },
  );
  expect(response.status).toBe(200);
  const overview = (await response.json()) as Overview;
  const section = (area: string) => overview.sections.find((s) => s.area === area);
  return {
    section,
    figure: (area, name) => {
      const found = figureOf(section(area), name);
      return found && { value: found.value, ids: [...found.records.ids].sort((a, b) => a - b) };
    },
  };
}

/**
 * The panel's 年度统计总览 shows each `[area, name, value, ids]` figure with its value and a link
 * to every record it counted.
 */
export async function expectOverviewPage(
  page: Page,
  origin: string,
  committeeId: number,
  year: number,
  expected: readonly (readonly [string, string, number, readonly number[]])[],
): Promise<void> {
  await page.goto(`${origin}/admin/overview?committeeId=${committeeId}&year=${year}`);
  await page.locator('h1', { hasText: `${year} 年统计总览` }).waitFor();
  for (const [area, name, value, ids] of expected) {
    const row = page.locator(`section[data-area="${area}"] tr[data-figure="${name}"]`).first();
    await row.waitFor();
    expect({ area, name, value: await row.locator('td.value').innerText() }).toEqual({
      area,
      name,
      value: expect.stringMatching(new RegExp(`^${value} `)),
    });
    for (const id of ids) {
      expect(await row.locator(`a[href$="/records/${id}/show"]`).count()).toBe(1);
    }
  }
}
