import type {
  Action as AdminAction,
  ActionContext,
  ActionResponse,
  CurrentAdmin,
  ResourceWithOptions,
} from 'adminjs';
import { In, IsNull, type FindOptionsWhere } from 'typeorm';
import { scopedWhere } from '../platform/access/record-scope.js';
import type { Actor } from '../platform/access/actor.js';
import type { Area } from '../platform/areas/area.js';
import { can, type Action, type ResourceId } from '../platform/access/permissions.js';
import type { AdminSessionUser } from './admin-session-user.js';
import { keepOneTimeValue } from './one-time-values.js';
import { ScopedResource } from './service-resource.js';

/**
 * AdminJS resource ids (entity class names) → the permission table's resources. Like the three
 * maps below, filled from the areas' `adminAccess` (their area files) by registerAdminAccess
 * when the panel is built: read them once an admin app exists.
 */
export const ADMIN_RESOURCES: Readonly<Record<string, ResourceId>> = {};

/**
 * Reference pickers' resources (reference-choices.ts) → the permission-table resource whose
 * records they offer. Read only, and only what a picker needs: `search` to offer the valid
 * targets, `show` for the chosen one's name and page.
 */
export const REFERENCE_CHOICES: Readonly<Record<string, ResourceId>> = {};
export const CHOICE_ACTIONS: readonly Action[] = ['search', 'show'];

/** The permission-table resource an admin API call on `adminId` is checked against, if any. */
export function permissionResource(adminId: string, action: string): ResourceId | undefined {
  if (adminId in ADMIN_RESOURCES) return ADMIN_RESOURCES[adminId];
  return CHOICE_ACTIONS.includes(action as Action) ? REFERENCE_CHOICES[adminId] : undefined;
}

/** AdminJS's built-in actions, each checked against the permission of the same name. */
export const BUILT_IN_ACTIONS = [
  'list',
  'search',
  'show',
  'new',
  'edit',
  'delete',
  'bulkDelete',
] as const satisfies readonly Action[];

/** Read-only resources (logs, computed records): no generic write exists for them, whatever the role. */
export const NO_GENERIC_WRITES = [
  'new',
  'edit',
  'delete',
  'bulkDelete',
] as const satisfies readonly Action[];

/**
 * Every custom record action of the panel, by resource: each one is named after, and checked
 * against, the permission of the same name. withAccess refuses an action missing here, so the
 * permission-matrix test (which walks this list) always covers all of them.
 */
export const CUSTOM_RECORD_ACTIONS: Readonly<Record<string, readonly Action[]>> = {};

/** Custom resource actions (on the whole list), likewise named after their permission. */
export const CUSTOM_RESOURCE_ACTIONS: Readonly<Record<string, readonly Action[]>> = {};

/**
 * Fills the maps above from the areas' `adminAccess`. Every app of a process registers the same
 * areas; an admin id claimed for two different permissions is a mistake, refused at boot.
 */
export function registerAdminAccess(areas: readonly Area[]): void {
  const fill = <T>(map: Readonly<Record<string, T>>, adminId: string, value: T | undefined) => {
    if (value === undefined) return;
    const known = map[adminId];
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(value)) {
      throw new Error(`${adminId}: admin access registered twice, differently`);
    }
    (map as Record<string, T>)[adminId] = value;
  };
  for (const area of areas) {
    for (const [adminId, access] of Object.entries(area.adminAccess ?? {})) {
      fill(access.picker ? REFERENCE_CHOICES : ADMIN_RESOURCES, adminId, access.permission);
      fill(CUSTOM_RECORD_ACTIONS, adminId, access.recordActions);
      fill(CUSTOM_RESOURCE_ACTIONS, adminId, access.resourceActions);
    }
  }
}

const roleOf = (admin: CurrentAdmin | undefined): AdminSessionUser['role'] =>
  (admin as AdminSessionUser | undefined)?.role ?? null;

/** The permission table as an action's `isAccessible`. */
export const allowed =
  (resource: ResourceId, action: Action) =>
  ({ currentAdmin }: ActionContext): boolean =>
    can(roleOf(currentAdmin), resource, action);

/** The show page of a record of the action's resource (where one-time values wait). */
export const showPageOf = (context: ActionContext, recordId: string | number): string =>
  context.h.recordActionUrl({
    resourceId: context.resource.id(),
    recordId: String(recordId),
    actionName: 'show',
  });

/**
 * Every built-in action's `isAccessible`, from the permission table (STACK.md pitfall 6).
 * `notImplemented` keeps actions closed that the panel does not offer for this resource yet,
 * whatever the role (e.g. creating users, which needs the password flow).
 */
export type AdminActions = Record<string, Partial<AdminAction<ActionResponse>>>;

export function actionsFor(
  resource: ResourceId,
  notImplemented: readonly Action[] = [],
): AdminActions {
  return Object.fromEntries(
    BUILT_IN_ACTIONS.map((action) => [
      action,
      {
        isAccessible: (context: ActionContext) =>
          !notImplemented.includes(action) && allowed(resource, action)(context),
      },
    ]),
  );
}

/** 导出: a page with a download link for the list as filtered (exports.route.ts makes the file). */
export function exportAction(
  resource: ResourceId,
  component: string,
): Partial<AdminAction<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'Download',
    component,
    isAccessible: allowed(resource, 'export'),
    handler: () => Promise.resolve({}),
  };
}

/**
 * 查看完整信息: shows one record's personal data unmasked in a notice, for roles with the
 * `reveal` permission. The service audits each reveal before the value leaves; nothing is kept
 * in the form, which stays masked.
 */
export function revealAction(
  resource: ResourceId,
  labels: Readonly<Record<string, string>>,
): Partial<AdminAction<ActionResponse>> {
  return {
    actionType: 'record',
    component: false,
    icon: 'Eye',
    isAccessible: allowed(resource, 'reveal'),
    handler: async (_request, _response, context) => {
      const record = context.record;
      if (!record || !(context.resource instanceof ScopedResource)) {
        throw new Error('reveal needs a record of a scoped resource');
      }
      const values = (await context.resource.reveal(record.id())) as Record<string, unknown>;
      const shown = Object.entries(labels)
        .map(([field, label]) => {
          const value = values[field];
          return `${label}：${typeof value === 'string' && value !== '' ? value : '（空）'}`;
        })
        .join('；');
      // A notice vanishes in seconds: the values also wait on the record's page, shown once.
      keepOneTimeValue(context.resource.id(), record.id(), shown);
      return {
        record: record.toJSON(context.currentAdmin),
        redirectUrl: showPageOf(context, record.id()),
        notice: { message: `${shown}（本次查看已记入审计日志）`, type: 'success' },
      };
    },
  };
}

/** Scope by a committee column; rows without a committee are seen only by whole-system actors. */
export const scopeByColumn = (column: string) => (actor: Actor, where: FindOptionsWhere<object>) =>
  scopedWhere(where, { where: (ids) => ({ [column]: In([...ids]) }), field: column }, actor);

/** Rows that belong to no committee (the login log): whole-system actors only. */
export const scopeWholeSystemOnly = (
  actor: Actor,
  where: FindOptionsWhere<object>,
): FindOptionsWhere<object> => (actor.committeeIds ? { ...where, id: IsNull() } : where);

/**
 * Fills in permission-table access for every resource that did not set its own; a resource not
 * in ADMIN_RESOURCES gets every action closed.
 */
export function withAccess(entry: ResourceWithOptions): ResourceWithOptions {
  const adminId = (entry.resource as { id(): string }).id();
  const resourceId = ADMIN_RESOURCES[adminId];
  const custom = Object.keys(entry.options.actions ?? {}).filter(
    (name) => !(BUILT_IN_ACTIONS as readonly string[]).includes(name),
  );
  const unlisted = custom.filter(
    (name) =>
      !CUSTOM_RECORD_ACTIONS[adminId]?.includes(name as Action) &&
      !CUSTOM_RESOURCE_ACTIONS[adminId]?.includes(name as Action),
  );
  if (unlisted.length > 0) {
    throw new Error(
      `${adminId}: custom actions ${unlisted.join(', ')} missing from CUSTOM_RECORD_ACTIONS / CUSTOM_RESOURCE_ACTIONS`,
    );
  }
  const closed = Object.fromEntries(
    BUILT_IN_ACTIONS.map((action) => [action, { isAccessible: false }]),
  );
  const choiceOf = REFERENCE_CHOICES[adminId];
  const base: AdminActions = resourceId
    ? actionsFor(resourceId)
    : choiceOf
      ? actionsFor(
          choiceOf,
          BUILT_IN_ACTIONS.filter((action) => !CHOICE_ACTIONS.includes(action)),
        )
      : closed;
  const own = (entry.options.actions ?? {}) as AdminActions;
  // Per action: a resource's hooks (e.g. show's `after`) keep the table's isAccessible unless
  // the resource sets its own.
  const actions: AdminActions = { ...base };
  for (const [name, options] of Object.entries(own)) actions[name] = { ...base[name], ...options };
  return { ...entry, options: { ...entry.options, actions } };
}
