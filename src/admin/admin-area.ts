import type { ResourceWithOptions } from 'adminjs';
import type { Area } from '../platform/areas/area.js';
import { withAccess } from './admin-access.js';
import type { AdminPage } from './admin-page.js';
import { withDateOnlyFields } from './date-only-fields.js';
import { NAVIGATION } from './locale/zh-CN.js';

/** What every area's resources may use besides the services they inject. */
export interface AdminContext {
  /** APP_TIMEZONE: the zone the staff pick dates in (date-only fields). */
  timeZone: string;
}

/** What an area's custom pages may use besides their services: the panel's path too. */
export interface AdminPageContext extends AdminContext {
  rootPath: string;
}

/** A provider's class, the token Nest injects it by (abstract ones too, e.g. Clock). */
export type ProviderClass = abstract new (...args: never[]) => unknown;

/** The instances of an `inject` map: `{ deputies: DeputiesService }` → `{ deputies: instance }`. */
export type Injected<T extends Record<string, ProviderClass>> = {
  [K in keyof T]: InstanceType<T[K]>;
};

/**
 * An area's part of the panel: `src/modules/<area>/admin/<area>.admin.ts` exports it as
 * `adminArea`, and the area file imports that file lazily (`admin: () => import(…)`), so only
 * the panel loads AdminJS. The admin module injects what `inject` names (providers the area's
 * Nest module exports, or global ones) and builds the resources once.
 */
export interface AdminArea {
  inject: Readonly<Record<string, ProviderClass>>;
  resources(
    services: Readonly<Record<string, unknown>>,
    context: AdminContext,
  ): ResourceWithOptions[];
  /** The area's custom screens (each an adminPage()), mounted before AdminJS by the loader. */
  pages?(services: Readonly<Record<string, unknown>>, context: AdminPageContext): AdminPage[];
}

/** An area as the panel sees it: its admin part, when it has one, is an AdminArea. */
export type PanelArea = Area<{ adminArea: AdminArea }>;

/** Types an area's admin part: `resources` receives the instances of what `inject` names. */
export function defineAdminArea<const T extends Record<string, ProviderClass>>(part: {
  inject: T;
  resources: (services: Injected<T>, context: AdminContext) => ResourceWithOptions[];
  pages?: (services: Injected<T>, context: AdminPageContext) => AdminPage[];
}): AdminArea {
  const { pages } = part;
  return {
    inject: part.inject,
    resources: (services, context) => part.resources(services as Injected<T>, context),
    ...(pages && { pages: (services, context) => pages(services as Injected<T>, context) }),
  };
}

/** The admin parts of the areas that have one, in the areas' order. */
export async function loadAdminAreas(areas: readonly PanelArea[]): Promise<AdminArea[]> {
  const parts: AdminArea[] = [];
  for (const area of areas) if (area.admin) parts.push((await area.admin()).adminArea);
  return parts;
}

/** Every area's injected providers, one list (what the admin module's factory receives). */
export const adminInjections = (parts: readonly AdminArea[]): ProviderClass[] =>
  parts.flatMap((part) => Object.values(part.inject));

const GROUPS: readonly string[] = Object.values(NAVIGATION).map((group) => group.name);

/** Where a resource goes: its navigation group's place in the sidebar; pickers (none) last. */
function sidebarRank(entry: ResourceWithOptions): number {
  const navigation = entry.options.navigation as { name?: string } | false | undefined;
  const rank = navigation ? GROUPS.indexOf(navigation.name ?? '') : -1;
  return rank === -1 ? GROUPS.length : rank;
}

/** Each part's services, by the names its `inject` gives them, from the instances in order. */
function servicesOf(
  parts: readonly AdminArea[],
  instances: readonly unknown[],
): Readonly<Record<string, unknown>>[] {
  let next = 0;
  return parts.map((part) =>
    Object.fromEntries(Object.keys(part.inject).map((key) => [key, instances[next++]])),
  );
}

/** The areas' custom pages, in the areas' order (AdminExpressLoader mounts them). */
export function panelPages(
  parts: readonly AdminArea[],
  instances: readonly unknown[],
  context: AdminPageContext,
): AdminPage[] {
  const services = servicesOf(parts, instances);
  return parts.flatMap((part, index) => part.pages?.(services[index], context) ?? []);
}

/**
 * Every resource of the panel, from the areas' parts and the instances of `adminInjections` in
 * the same order: the screens by navigation group (NAVIGATION's order, the sidebar's), within a
 * group in the areas' order, the reference pickers (no navigation) last; each with its date-only
 * fields and the permission table's access.
 */
export function panelResources(
  areas: readonly PanelArea[],
  parts: readonly AdminArea[],
  instances: readonly unknown[],
  context: AdminContext,
): ResourceWithOptions[] {
  const services = servicesOf(parts, instances);
  const entries = parts.flatMap((part, index) => part.resources(services[index], context));
  const registered = new Set(areas.flatMap((area) => Object.keys(area.adminAccess ?? {})));
  const unregistered = entries
    .map((entry) => (entry.resource as { id(): string }).id())
    .filter((id) => !registered.has(id));
  if (unregistered.length > 0) {
    // withAccess would close every action of such a resource: a screen nobody can open.
    throw new Error(
      `admin resources missing from their area's adminAccess: ${unregistered.join(', ')}`,
    );
  }
  return [...entries]
    .sort((a, b) => sidebarRank(a) - sidebarRank(b))
    .map((entry) => withAccess(withDateOnlyFields(entry, context.timeZone)));
}
