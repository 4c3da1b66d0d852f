import type {
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
} from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from '../database/database-errors.js';
import { conflict, invalidInput, notFound, referenceNotFound, type RecordName } from './errors.js';
import { pageRequest, toPage, type Page, type PageQueryDto } from './pagination.js';

/**
 * The list/get/create/update/delete use cases every core record shares. Subclasses name the
 * record, the sortable fields and filters, and add their rules in `checkWrite`/`checkRemove`;
 * each write runs in one transaction so a rule failure changes nothing.
 */
export abstract class RecordService<T extends ObjectLiteral & { id: number }> {
  protected abstract readonly recordName: RecordName;
  protected abstract readonly sortable: readonly string[];
  protected readonly defaultSort: string = 'id';

  protected constructor(protected readonly repository: Repository<T>) {}

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
    const request = pageRequest(query, this.sortable, this.defaultSort);
    const [items, total] = await this.repository.findAndCount({
      where: this.where(query),
      order: request.order as never,
      skip: request.skip,
      take: request.pageSize,
    });
    return toPage(items, total, request);
  }

  async get(id: number): Promise<T> {
    return this.load(this.repository.manager, id);
  }

  async create(input: DeepPartial<T>): Promise<T> {
    return this.repository.manager.transaction(async (manager) => {
      const entity = manager.create(this.target, input);
      await this.checkWrite(manager, entity);
      return this.save(manager, entity);
    });
  }

  async update(id: number, input: DeepPartial<T>): Promise<T> {
    return this.repository.manager.transaction(async (manager) => {
      const current = await this.load(manager, id);
      const changes = this.definedChanges(input);
      const next = manager.merge(this.target, manager.create(this.target, { ...current }), changes);
      await this.checkWrite(manager, next, current);
      return this.save(manager, next);
    });
  }

  async remove(id: number): Promise<void> {
    await this.repository.manager.transaction(async (manager) => {
      const current = await this.load(manager, id);
      await this.checkRemove(manager, current);
      try {
        await manager.delete(this.target, { id });
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

  protected async load(manager: EntityManager, id: number): Promise<T> {
    const entity = await manager.findOneBy(this.target, { id } as FindOptionsWhere<T>);
    if (!entity) throw notFound(this.recordName, id);
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
        throw conflict({
          zh: `${this.recordName.zh}已存在（与现有记录重复）`,
          en: `${this.recordName.en} already exists (duplicate)`,
        });
      }
      throw error;
    }
  }
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
