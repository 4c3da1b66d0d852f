import type { Type } from '@nestjs/common';
import type { RecordName } from '../../common/errors.js';
import type { Action, ResourceId } from '../access/permissions.js';
import type { RecordScope } from '../access/record-scope.js';
import type { AreaDeadlinesType } from './deadlines.js';
import type { AreaStatisticsType } from './statistics.js';

/** How the panel names one record type and its fields (AdminJS's locale, zh-CN). */
export interface ResourceLabels {
  name: string;
  properties: Readonly<Record<string, string>>;
}

/** An area's Chinese labels: what its records, fields, values and custom actions are called. */
export interface AreaLabels {
  /** Record names in messages, Chinese first (`notFound(名称, id)`), by permission resource. */
  records?: Readonly<Record<string, RecordName>>;
  /** Enum values shown in forms, filters and exports, by value set. */
  values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The panel's resources (admin id = entity class name, or a picker's id) and their fields. */
  resources?: Readonly<Record<string, ResourceLabels>>;
  /** The panel's custom actions, by action name. */
  actions?: Readonly<Record<string, string>>;
}

/**
 * What the permission table checks an admin resource against: its permission resource, its
 * custom actions (each named after the permission of the same name), or — for a reference
 * picker — the resource whose records it offers (read only: search and show).
 */
export interface AdminResourceAccess {
  permission: ResourceId;
  recordActions?: readonly Action[];
  resourceActions?: readonly Action[];
  /** A reference picker (admin/reference-choices.ts): search and show only. */
  picker?: true;
}

/**
 * A record files may be attached to (materials, sign-in sheets, evidence): who may attach and
 * see them is who may edit and show the record, within the record's committee scope.
 */
export interface AttachableRecord {
  /** The record's entity, loaded within `scope` to check the committee. */
  entity: Type<unknown>;
  /** The record's permission resource: `show` to list and download, `edit` to attach or remove. */
  resource: ResourceId;
  // Any entity's scope (ownedByCommittee<Activity>(), throughParent(…)): the attachments module
  // uses it only with `entity`, which it belongs to.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  scope: RecordScope<any>;
  /** What an attachment is for on this record (`material`, `signInSheet` …); default `file`. */
  purposes?: readonly string[];
}

/**
 * One business area as it registers itself (`src/areas.ts` lists them): its Nest module, its
 * entities, its labels, and — loaded only by the panel, so the CLI never loads AdminJS — its
 * admin resources. `AdminPart` is the admin part's type (src/admin/admin-area.ts), left open
 * here because the platform does not know the panel.
 */
export interface Area<AdminPart = unknown> {
  /** The folder under src/modules. */
  name: string;
  module: Type<unknown>;
  /** TypeORM entities the area owns (the data source's entity list is every area's). */
  entities: readonly Type<unknown>[];
  labels: AreaLabels;
  /** The panel's resources of this area (admin id → permission), read by the admin guards. */
  adminAccess?: Readonly<Record<string, AdminResourceAccess>>;
  /**
   * Its section of the statistics (`GET /reports/overview`, the dashboard, the annual report):
   * a provider its module exports. Sections appear in the order of `AREAS`.
   */
  statistics?: AreaStatisticsType;
  /**
   * Its open items with due dates (suggestions, voter issues) for the `deadline-reminders` job:
   * a provider its module exports.
   */
  deadlines?: AreaDeadlinesType;
  /** Its records that take attachments, by record type (its permission resource id). */
  attachable?: Readonly<Partial<Record<ResourceId, AttachableRecord>>>;
  /** A lazy import of the area's `admin/<area>.admin.ts`. */
  admin?: () => Promise<AdminPart>;
}
