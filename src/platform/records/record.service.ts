import { Inject, Optional } from '@nestjs/common';
import type {
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindOptionsRelations,
  FindOptionsSelect,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
} from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from '../../database/database-errors.js';
import type { AuditTrail } from '../audit/audit-trail.service.js';
import { auditDiff, auditSnapshot } from '../audit/audit-trail.service.js';
import type { Action, ResourceId } from '../access/permissions.js';
import { conflict, invalidInput, referenceNotFound, type RecordName } from '../../common/errors.js';
import { pageRequest, toPage, type Page, type PageQueryDto } from '../../common/pagination.js';
import { scopedWhere, type RecordScope } from '../access/record-scope.js';
import { currentActor, type Actor } from '../access/actor.js';
import {
  loadInScope,
  permit,
  RecordWrites,
  useCase,
  type UseCase,
  type Write,
} from './write-use-case.js';
import { RecordRemoval } from './record-removal.js';
import {
  invalidTransition,
  transitionTarget,
  workflowFieldRefusal,
  type Workflow,
} from './workflow.js';

/**
 * Work that commits or fails with a record's own write (its child rows, say), run in the same
 * transaction after the record is saved and audited; a child use case joins it (`within`).
 */
export type WithinWrite<T> = (write: Write, saved: T) => Promise<void>;

/**
 * A transition planned on the record as its write loaded it: the workflow action to take and the
 * fields the step records. It may refuse (throw) and nothing is written.
 */
export type TransitionPlanner<T> = (
  write: Write,
  current: T,
) => Promise<{ action: string; input: object }>;

/** The most rows one export may carry. */
export const MAX_EXPORT_ROWS = 50_000;

/**
 * The list/get/create/update/delete use cases every core record shares. Subclasses name the
 * record, its permission resource and committee scope, the sortable fields and filters, and add
 * their rules in `checkWrite`/`checkRemove`. Every use case checks the current actor's
 * permission (permissions.ts) and keeps to its committees; each write runs through the use-case
 * helper (write-use-case.ts) in one transaction with its audit row, so a rule or audit failure
 * changes nothing. A record with a `workflow` changes the field it owns only by `transition`.
 */
export abstract class RecordService<T extends ObjectLiteral & { id: number }> {
  protected abstract readonly recordName: RecordName;
  protected abstract readonly resource: ResourceId;
  protected abstract readonly scope: RecordScope<T>;
  protected abstract readonly sortable: readonly string[];
  protected readonly defaultSort: string = 'id';
  /** Relations an export loads for its labels (committee name, …). */
  protected readonly exportRelations: FindOptionsRelations<T> = {};
  /** The workflow that owns a field (`status`) of the record, if it has one. */
  protected readonly workflow?: Workflow;
  protected readonly writes: RecordWrites;
  /**
   * What a removal takes along in its transaction (the record's attachments), when a module
   * provides the port; injected by property so that no subclass's constructor changes.
   */
  @Optional()
  @Inject(RecordRemoval)
  private readonly removal?: RecordRemoval;

  protected constructor(
    protected readonly repository: Repository<T>,
    audit: AuditTrail,
  ) {
    this.writes = new RecordWrites(repository.manager.connection, audit);
  }

  authorize(action: Action): Actor {
    return permit(this.useCaseFor(action));
  }

  protected useCaseFor(action: Action): UseCase<Action> {
    return useCase(this.resource, this.recordName, action);
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

  /**
   * Child rows a removal deletes along with the record (an opinion's timeline): a subclass
   * deletes them here through `removeAlong`, so that what hangs on them by type and id (their
   * attachments) goes too, in the same transaction.
   */
  protected removeChildren(_write: Write, _current: T): Promise<void> {
    return Promise.resolve();
  }

  /** Takes along what points at these child records (RecordRemoval), in the write's transaction. */
  protected async removeAlong(
    write: Write,
    resource: ResourceId,
    ids: readonly number[],
  ): Promise<void> {
    for (const id of ids) await this.removal?.removing(write, resource, id);
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
    return loadInScope(
      this.repository.manager,
      this.target,
      id,
      this.scope,
      actor,
      this.recordName,
    );
  }

  /**
   * Every record a list query matches (no paging), for an export; audited with the filter and the
   * row count before anything leaves. More than MAX_EXPORT_ROWS → 422, narrow the filter.
   */
  async exportAll(query: PageQueryDto): Promise<T[]> {
    const request = pageRequest({ ...query, page: 1 }, this.sortable, this.defaultSort);
    return this.writes.run(this.useCaseFor('export'), async (write) => {
      const rows = await write.manager.find(this.target, {
        where: this.scopeFor(write.actor, this.where(query)),
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
      await write.audit({
        action: 'export',
        // The filter as the trail keeps any record: a phone searched for is masked.
        detail: { rows: rows.length, filter: auditSnapshot(filter) },
      });
      return rows;
    });
  }

  /**
   * One record with its personal data unmasked, for a role with the reveal permission; the audit
   * row (which fields, whose record) is written before the data is returned.
   */
  async reveal(id: number, fields: readonly string[]): Promise<T> {
    return this.writes.run(this.useCaseFor('reveal'), async (write) => {
      const entity = await this.load(write, id);
      await write.audit({ action: 'reveal', objectId: id, detail: { fields } });
      return entity;
    });
  }

  async create(input: DeepPartial<T>, within?: WithinWrite<T>): Promise<T> {
    return this.writes.run(this.useCaseFor('new'), async (write) => {
      const entity = write.manager.create(this.target, input);
      await write.keepInScope(this.scope, entity);
      await this.checkWrite(write.manager, entity);
      const saved = await this.save(write.manager, entity);
      await write.audit({ action: 'create', objectId: saved.id, detail: auditSnapshot(saved) });
      await within?.(write, saved);
      return this.withoutHiddenColumns(saved);
    });
  }

  /**
   * Changes the sent fields. A field the record's workflow owns answers 409 `WORKFLOW_FIELD`
   * with the transitions allowed now, unless it is sent back unchanged (a form's echo).
   */
  async update(id: number, input: DeepPartial<T>, within?: WithinWrite<T>): Promise<T> {
    return this.writes.run(this.useCaseFor('edit'), async (write) => {
      const current = await this.load(write, id);
      const changes = this.definedChanges(input);
      this.refuseWorkflowField(current, changes);
      return this.writeChanges(write, current, changes, { action: 'update', within });
    });
  }

  /**
   * 流转: moves the record by one of its workflow's actions, with any other fields the step
   * records (a reply, a reason). An action that may not start from the current state answers
   * 409 `INVALID_TRANSITION` listing the allowed ones. Audited with the action, from and to.
   * `within` writes what the step adds (a timeline entry) in the same transaction.
   */
  async transition(
    id: number,
    action: string,
    input: object = {},
    within?: WithinWrite<T>,
  ): Promise<T> {
    return this.transitionBy(id, () => Promise.resolve({ action, input }), within, false);
  }

  /**
   * A transition whose action and fields depend on the record (a rule reading its dates, a step
   * allowed once): `plan` runs in the write's transaction on the row the write loads, so that
   * the check and the write see the same record. On a server database the row is locked first
   * (SELECT … FOR UPDATE), so a concurrent step on it waits and then plans on what this one
   * wrote; the embedded database runs one write at a time already.
   */
  protected transitionPlanned(
    id: number,
    plan: TransitionPlanner<T>,
    within?: WithinWrite<T>,
  ): Promise<T> {
    return this.transitionBy(id, plan, within, true);
  }

  private async transitionBy(
    id: number,
    plan: TransitionPlanner<T>,
    within: WithinWrite<T> | undefined,
    lock: boolean,
  ): Promise<T> {
    const workflow = this.workflow;
    if (!workflow) throw new Error(`${this.recordName.en} has no workflow`);
    return this.writes.run(this.useCaseFor('edit'), async (write) => {
      if (lock && write.manager.connection.options.type !== 'better-sqlite3') {
        await write.manager.findOne(this.target, {
          select: { id: true } as FindOptionsSelect<T>,
          where: { id } as FindOptionsWhere<T>,
          lock: { mode: 'pessimistic_write' },
        });
      }
      const current = await this.load(write, id);
      const { action, input } = await plan(write, current);
      const changes = this.definedChanges(input as DeepPartial<T>);
      this.refuseWorkflowField(current, changes);
      const from = (current as Record<string, unknown>)[workflow.field];
      const to = transitionTarget(workflow, from, action);
      if (to === null) throw invalidTransition(this.recordName, workflow, from, action);
      const moved = { ...changes, [workflow.field]: to } as DeepPartial<T>;
      return this.writeChanges(write, current, moved, {
        action: 'transition',
        transition: { action, from, to },
        within,
      });
    });
  }

  async remove(id: number): Promise<void> {
    await this.writes.run(this.useCaseFor('delete'), async (write) => {
      const { manager } = write;
      const current = await this.load(write, id);
      await this.checkRemove(manager, current);
      try {
        await this.removeChildren(write, current);
        await this.removal?.removing(write, this.resource, id);
        await manager.delete(this.target, { id });
        await write.audit({ action: 'delete', objectId: id, detail: auditSnapshot(current) });
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
  protected load(write: Write, id: number): Promise<T> {
    return write.load(this.target, id, this.scope, this.recordName);
  }

  /** An update's or a transition's write: checks, save, its audit row, the child writes. */
  private async writeChanges(
    write: Write,
    current: T,
    changes: DeepPartial<T>,
    audit: {
      action: 'update' | 'transition';
      transition?: { action: string; from: unknown; to: unknown };
      within?: WithinWrite<T>;
    },
  ): Promise<T> {
    const { manager } = write;
    const next = manager.merge(this.target, manager.create(this.target, { ...current }), changes);
    await write.keepInScope(this.scope, next);
    await this.checkWrite(manager, next, current);
    const saved = await this.save(manager, next);
    const diff = auditDiff(current, saved);
    await write.audit({
      action: audit.action,
      objectId: current.id,
      detail: audit.transition ? { ...audit.transition, changes: diff } : diff,
    });
    await audit.within?.(write, saved);
    return this.withoutHiddenColumns(saved);
  }

  /** 409 when a generic update would change the field the workflow owns. */
  private refuseWorkflowField(current: object, changes: object): void {
    const workflow = this.workflow;
    if (!workflow) return;
    const sent = (changes as Record<string, unknown>)[workflow.field];
    const state = (current as Record<string, unknown>)[workflow.field];
    if (sent === undefined || sent === state) return;
    throw workflowFieldRefusal(this.recordName, workflow, state);
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

/** The current actor, if its role may do `action` to `resource`; 403 otherwise (reads). */
export function authorize(resource: ResourceId, name: RecordName, action: Action): Actor {
  return permit({ resource, name, action });
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

/**
 * A referenced record that must belong to `committeeId` (an issue's community, a station's
 * deputy): another committee's answers exactly like one that does not exist (422 naming the
 * field), so a reference never tells whether an id exists elsewhere.
 */
export async function requireReferenceOfCommittee<
  R extends ObjectLiteral & { committeeId: number },
>(
  manager: EntityManager,
  target: EntityTarget<R>,
  id: number,
  field: string,
  name: RecordName,
  committeeId: number,
): Promise<R> {
  const found = await manager.findOneBy(target, { id } as unknown as FindOptionsWhere<R>);
  if (!found || found.committeeId !== committeeId) throw referenceNotFound(field, name, id);
  return found;
}
