import type {
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindOptionsRelations,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
} from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from '../../database/database-errors.js';
import type { AuditTrail } from '../audit/audit-trail.service.js';
import { auditDiff, auditSnapshot } from '../audit/audit-trail.service.js';
import { can, type Action, type ResourceId } from '../access/permissions.js';
import {
  conflict,
  forbidden,
  invalidInput,
  notFound,
  referenceNotFound,
  type RecordName,
} from '../../common/errors.js';
import { pageRequest, toPage, type Page, type PageQueryDto } from '../../common/pagination.js';
import { COMMITTEE_RECORD_NAME } from './record-names.js';
import { scopedWhere, withinScope, type RecordScope } from '../access/record-scope.js';
import { currentActor, type Actor } from '../access/actor.js';

/**
 * Work that commits or fails with a record's own write (its child rows, say), run in the same
 * transaction after the record is saved and audited.
 */
export type WithinWrite<T> = (manager: EntityManager, saved: T) => Promise<void>;

/** The most rows one export may carry. */
export const MAX_EXPORT_ROWS = 50_000;

/**
 * The list/get/create/update/delete use cases every core record shares. Subclasses name the
 * record, its permission resource and committee scope, the sortable fields and filters, and add
 * their rules in `checkWrite`/`checkRemove`. Every use case checks the current actor's
 * permission (permissions.ts) and keeps to its committees; each write runs in one transaction
 * with its audit row, so a rule or audit failure changes nothing.
 */
export abstract class RecordService<T extends ObjectLiteral & { id: number }> {
  protected abstract readonly recordName: RecordName;
  protected abstract readonly resource: ResourceId;
  protected abstract readonly scope: RecordScope<T>;
  protected abstract readonly sortable: readonly string[];
  protected readonly defaultSort: string = 'id';
  /** Relations an export loads for its labels (committee name, …). */
  protected readonly exportRelations: FindOptionsRelations<T> = {};

  protected constructor(
    protected readonly repository: Repository<T>,
    protected readonly audit: AuditTrail,
  ) {}

  authorize(action: Action): Actor {
    return authorize(this.resource, this.recordName, action);
  }

  /** The scope clause for reads outside the generic use cases (admin panel, reports). */
  scopeFor(actor: Actor, where: FindOptionsWhere<T> | FindOptionsWhere<T>[] = {}) {
    return scopedWhere(where, this.scope, actor);
  }

  /** Filters a list query down to a where clause; the default lists everything. */
  protected where(_query: PageQueryDto): FindOptionsWhere<T> | FindOptionsWhere<T>[] {
    return {};
  }

  /** Reference and business-rule checks for the record as it will be after the write. */
  protected checkWrite(_manager: EntityManager, _next: T, _current?: T): Promise<void> {
    return Promise.resolve();
  }

  protected checkRemove(_manager: EntityManager, _current: T): Promise<void> {
    return Promise.resolve();
  }

  async list(query: PageQueryDto): Promise<Page<T>> {
    const actor = this.authorize('list');
    const request = pageRequest(query, this.sortable, this.defaultSort);
    const [items, total] = await this.repository.findAndCount({
      where: this.scopeFor(actor, this.where(query)),
      order: request.order as never,
      skip: request.skip,
      take: request.pageSize,
    });
    return toPage(items, total, request);
  }

  async get(id: number): Promise<T> {
    const actor = this.authorize('show');
    return this.load(this.repository.manager, id, actor);
  }

  /**
   * Every record a list query matches (no paging), for an export; audited with the filter and the
   * row count before anything leaves. More than MAX_EXPORT_ROWS → 422, narrow the filter.
   */
  async exportAll(query: PageQueryDto): Promise<T[]> {
    const actor = this.authorize('export');
    const request = pageRequest({ ...query, page: 1 }, this.sortable, this.defaultSort);
    const rows = await this.repository.find({
      where: this.scopeFor(actor, this.where(query)),
      relations: this.exportRelations,
      order: request.order as never,
      take: MAX_EXPORT_ROWS + 1,
    });
    if (rows.length > MAX_EXPORT_ROWS) {
      throw invalidInput([
        {
          field: 'filter',
          problem: `导出超过 ${MAX_EXPORT_ROWS} 行，请缩小筛选范围 / more than ${MAX_EXPORT_ROWS} rows, narrow the filter`,
        },
      ]);
    }
    const { page: _page, pageSize: _pageSize, ...filter } = query;
    await this.audit.recordAlone({
      action: 'export',
      objectType: this.resource,
      // The filter as the trail keeps any record: a phone searched for is masked.
      detail: { rows: rows.length, filter: auditSnapshot(filter) },
    });
    return rows;
  }

  /**
   * One record with its personal data unmasked, for a role with the reveal permission; the audit
   * row (which fields, whose record) is written before the data is returned.
   */
  async reveal(id: number, fields: readonly string[]): Promise<T> {
    const actor = this.authorize('reveal');
    return this.repository.manager.transaction(async (manager) => {
      const entity = await this.load(manager, id, actor);
      await this.audit.record(manager, {
        action: 'reveal',
        objectType: this.resource,
        objectId: id,
        detail: { fields },
      });
      return entity;
    });
  }

  async create(input: DeepPartial<T>, within?: WithinWrite<T>): Promise<T> {
    const actor = this.authorize('new');
    return this.repository.manager.transaction(async (manager) => {
      const entity = manager.create(this.target, input);
      await this.checkScope(manager, actor, entity);
      await this.checkWrite(manager, entity);
      const saved = await this.save(manager, entity);
      await this.audit.record(manager, {
        action: 'create',
        objectType: this.resource,
        objectId: saved.id,
        detail: auditSnapshot(saved),
      });
      await within?.(manager, saved);
      return this.withoutHiddenColumns(saved);
    });
  }

  async update(id: number, input: DeepPartial<T>, within?: WithinWrite<T>): Promise<T> {
    const actor = this.authorize('edit');
    return this.repository.manager.transaction(async (manager) => {
      const current = await this.load(manager, id, actor);
      const changes = this.definedChanges(input);
      const next = manager.merge(this.target, manager.create(this.target, { ...current }), changes);
      await this.checkScope(manager, actor, next);
      await this.checkWrite(manager, next, current);
      const saved = await this.save(manager, next);
      await this.audit.record(manager, {
        action: 'update',
        objectType: this.resource,
        objectId: id,
        detail: auditDiff(current, saved),
      });
      await within?.(manager, saved);
      return this.withoutHiddenColumns(saved);
    });
  }

  async remove(id: number): Promise<void> {
    const actor = this.authorize('delete');
    await this.repository.manager.transaction(async (manager) => {
      const current = await this.load(manager, id, actor);
      await this.checkRemove(manager, current);
      try {
        await manager.delete(this.target, { id });
        await this.audit.record(manager, {
          action: 'delete',
          objectType: this.resource,
          objectId: id,
          detail: auditSnapshot(current),
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw conflict({
            zh: `${this.recordName.zh}仍被其他记录引用，不能删除`,
            en: `${this.recordName.en} is still referenced by other records and cannot be deleted`,
          });
        }
        throw error;
      }
    });
  }

  protected get target(): EntityTarget<T> {
    return this.repository.target;
  }

  /** One record the actor may see; another committee's record is "not found", never shown. */
  protected async load(manager: EntityManager, id: number, actor: Actor): Promise<T> {
    const entity = await manager.findOneBy(
      this.target,
      this.scopeFor(actor, { id } as FindOptionsWhere<T>),
    );
    if (!entity) throw notFound(this.recordName, id);
    return entity;
  }

  /**
   * A saved entity as the use case returns it: columns never selected (`select: false`, such as
   * search hashes) are set by hooks during the save but must not leave the service, as a read
   * would not show them either.
   */
  private withoutHiddenColumns(entity: T): T {
    for (const column of this.repository.metadata.columns) {
      if (!column.isSelect) delete (entity as Record<string, unknown>)[column.propertyName];
    }
    return entity;
  }

  /** A write may not place a record in a committee outside the actor's subtree. */
  private async checkScope(manager: EntityManager, actor: Actor, next: T): Promise<void> {
    const { ok, owner } = await withinScope(manager, this.scope, actor, next);
    if (!ok) throw referenceNotFound(this.scope.field, COMMITTEE_RECORD_NAME, owner ?? '-');
  }

  /** Drops undefined (absent) fields; refuses null for a column that cannot be empty. */
  private definedChanges(input: DeepPartial<T>): DeepPartial<T> {
    const metadata = this.repository.metadata;
    const problems: { field: string; problem: string }[] = [];
    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(input)) {
      if (value === undefined) continue;
      if (value === null && metadata.findColumnWithPropertyName(field)?.isNullable === false) {
        problems.push({ field, problem: '不能为空 / must not be null' });
      }
      changes[field] = value;
    }
    if (problems.length > 0) throw invalidInput(problems);
    return changes as DeepPartial<T>;
  }

  private async save(manager: EntityManager, entity: T): Promise<T> {
    try {
      return await manager.save(this.target, entity);
    } catch (error) {
      if (isUniqueViolation(error)) {
        const existing = await this.duplicateOf(manager, entity);
        throw conflict(
          {
            zh: `${this.recordName.zh}已存在（与现有记录${existing ? ` ID ${existing}` : ''}重复）`,
            en: `${this.recordName.en} already exists (duplicate${existing ? ` of ${existing}` : ''})`,
          },
          undefined,
          existing,
        );
      }
      throw error;
    }
  }

  /**
   * The record a refused write duplicates, by the unique index it collides with, so that an
   * integrator can link to it. Both MariaDB and SQLite keep the transaction usable after a
   * duplicate-key error; the lookup stays within the actor's committee scope.
   */
  private async duplicateOf(manager: EntityManager, entity: T): Promise<number | undefined> {
    const values = entity as Record<string, unknown>;
    for (const index of this.repository.metadata.indices.filter((i) => i.isUnique)) {
      const where = Object.fromEntries(
        index.columns.map((column) => [column.propertyName, values[column.propertyName]]),
      );
      if (Object.values(where).some((value) => value === undefined || value === null)) continue;
      const found = await manager.findOne(this.target, {
        select: { id: true } as never,
        where: this.scopeFor(currentActor(), where as FindOptionsWhere<T>),
      });
      if (found && found.id !== values.id) return found.id;
    }
    return undefined;
  }
}

/** The current actor, if its role may do `action` to `resource`; 403 otherwise. */
export function authorize(resource: ResourceId, name: RecordName, action: Action): Actor {
  const actor = currentActor();
  if (actor.kind !== 'system' && !can(actor.role, resource, action)) {
    throw forbidden(name, action);
  }
  return actor;
}

/** Loads a referenced record or fails with 422 naming the field. */
export async function requireReference<R extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<R>,
  id: number,
  field: string,
  name: RecordName,
): Promise<R> {
  const found = await manager.findOneBy(target, { id } as unknown as FindOptionsWhere<R>);
  if (!found) throw referenceNotFound(field, name, id);
  return found;
}
