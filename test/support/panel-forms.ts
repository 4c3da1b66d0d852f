import type { Page } from 'playwright-core';
import type { Figure, OverviewSection } from '../../src/platform/areas/statistics.js';

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
