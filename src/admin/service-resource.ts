import { Resource as TypeormResource } from '@adminjs/typeorm';
import { ValidationError, type BaseRecord, type Filter, type ParamsType } from 'adminjs';
import type { ClassConstructor } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import {
  FindOperator,
  type BaseEntity,
  type FindManyOptions,
  type FindOptionsWhere,
} from 'typeorm';
import { calendarDate, calendarDateOfDate } from '../common/date-only.rules.js';
import { DomainError } from '../common/errors.js';
import { maskPersonal } from '../common/masking.js';
import { currentActor, type Actor } from '../platform/access/actor.js';
import { validateInput } from '../common/validation.js';

/** How the panel reads a kind of record: which rows the actor sees, which fields are masked. */
export interface ReadBinding {
  /** ANDs the actor's committee scope into a where clause. */
  scope(
    actor: Actor,
    where: FindOptionsWhere<object>,
  ): FindOptionsWhere<object> | FindOptionsWhere<object>[];
  /** Personal data shown masked everywhere in the panel (reveal is a separate, audited action). */
  personalFields?: readonly string[];
  /** The record with its personal data unmasked; checks the permission and audits. */
  reveal?(id: number): Promise<object>;
  /** Columns that never leave the server (hashes, raw session data), not even in JSON. */
  hiddenFields?: readonly string[];
  /** Display-only values computed from a row (e.g. who holds a session, its shown id). */
  derive?(params: Readonly<Record<string, unknown>>): Record<string, unknown>;
  /** The stored id of a record the panel shows under another id (derive's `id`), or null. */
  storedId?(shownId: string): Promise<string | null>;
  /**
   * Narrows lists and searches (find, count) further: a reference picker's valid targets
   * (reference-choices.ts). Records are still found by id, so a reference made before a target
   * stopped being valid (a disabled activity kind) still shows.
   */
  choices?: FindOptionsWhere<object>;
}

/** `where` (one condition or several ORed) with `extra` ANDed into each. */
function andWhere(
  where: FindOptionsWhere<object> | FindOptionsWhere<object>[],
  extra: FindOptionsWhere<object> | undefined,
): FindOptionsWhere<object> | FindOptionsWhere<object>[] {
  if (!extra) return where;
  const and = (one: FindOptionsWhere<object>): FindOptionsWhere<object> => ({ ...one, ...extra });
  return Array.isArray(where) ? where.map(and) : and(where);
}

type Model = typeof BaseEntity;

/** A bound of a date filter as @adminjs/typeorm makes it (a Date, or its ISO text) → YYYY-MM-DD. */
function filterDay(bound: unknown): unknown {
  if (bound instanceof Date) return Number.isNaN(bound.getTime()) ? bound : isoDay(bound);
  return typeof bound === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(bound)
    ? bound.slice(0, 10)
    : bound;
}
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * A panel filter on date-only columns compares calendar days: @adminjs/typeorm turns the day
 * `2026-11-01` into a Date (UTC midnight), which SQLite compares as `2026-11-01 00:00:00.000`
 * text (after the stored `2026-11-01`, so the first day fell out) and MariaDB as a datetime.
 */
function dateOnlyWhere(
  where: FindOptionsWhere<object> | FindOptionsWhere<object>[] | undefined,
  fields: readonly string[],
): FindOptionsWhere<object> | FindOptionsWhere<object>[] | undefined {
  if (!where || fields.length === 0) return where;
  if (Array.isArray(where)) {
    return where.map((one: FindOptionsWhere<object>) => dateOnlyWhere(one, fields) as object);
  }
  const days: Record<string, unknown> = { ...where };
  for (const field of fields) {
    const value = days[field];
    if (!(value instanceof FindOperator)) continue;
    const operand: unknown = value.value;
    days[field] = new FindOperator(
      value.type,
      Array.isArray(operand) ? operand.map(filterDay) : filterDay(operand),
      value.useParameter,
      value.multipleParameters,
    );
  }
  return days;
}

/**
 * The entity class as @adminjs/typeorm sees it, with every read it makes (find, count, findOneBy,
 * findBy) narrowed to the current actor's committees: lists, searches, show, edit, delete, bulk
 * actions and reference pickers all go through these four.
 */
function scopedModel(model: Model, binding: ReadBinding): Model {
  let dateOnly: string[] | undefined;
  const dateOnlyFields = () =>
    (dateOnly ??= model
      .getRepository()
      .metadata.columns.filter((column) => column.type === 'date')
      .map((column) => column.propertyName));
  const scoped = (where: unknown) =>
    binding.scope(
      currentActor(),
      dateOnlyWhere(where as FindOptionsWhere<object> | undefined, dateOnlyFields()) ?? {},
    );
  return new Proxy(model, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      switch (property) {
        case 'find':
        case 'count':
          return (options: FindManyOptions<object> = {}) =>
            (value as (o: FindManyOptions<object>) => unknown).call(target, {
              ...options,
              where: andWhere(scoped(options.where), binding.choices),
            });
        case 'findOneBy':
        case 'findBy':
          return (where: unknown) => (value as (w: unknown) => unknown).call(target, scoped(where));
        default:
          // BaseEntity's statics find their repository through `this`: keep it the real class.
          return (value as (...args: unknown[]) => unknown).bind(target);
      }
    },
  });
}

/** An AdminJS resource whose reads keep to the actor's data scope and mask personal data. */
export class ScopedResource extends TypeormResource {
  constructor(
    model: Model,
    private readonly readBinding: ReadBinding,
  ) {
    super(scopedModel(model, readBinding));
  }

  override async find(
    filter: Filter,
    params: Parameters<TypeormResource['find']>[1],
  ): Promise<BaseRecord[]> {
    return (await super.find(filter, params)).map((record) => this.mask(record));
  }

  override async findOne(id: string | number): Promise<BaseRecord | null> {
    const stored = await this.storedId(id);
    const record = stored === null ? null : await super.findOne(stored);
    return record ? this.mask(record) : null;
  }

  override async findMany(ids: (string | number)[]): Promise<BaseRecord[]> {
    const stored = (await Promise.all(ids.map((id) => this.storedId(id)))).filter(
      (id): id is string | number => id !== null,
    );
    return (await super.findMany(stored)).map((record) => this.mask(record));
  }

  private async storedId(id: string | number): Promise<string | number | null> {
    return this.readBinding.storedId ? this.readBinding.storedId(String(id)) : id;
  }

  /** Date-only columns (TypeORM `date`): calendar dates end to end, never instants. */
  dateOnlyFields(): string[] {
    return this.properties()
      .filter((property) => (property as { column?: { type?: unknown } }).column?.type === 'date')
      .map((property) => property.path());
  }

  /** Whether a field never leaves the server (not even to filter, search or sort by). */
  isHidden(field: string): boolean {
    return (this.readBinding.hiddenFields ?? []).includes(field);
  }

  /** One record's personal data in the clear (the audited reveal use case). */
  async reveal(id: string | number): Promise<object> {
    if (!this.readBinding.reveal) throw new Error('this resource has no personal data to reveal');
    return this.readBinding.reveal(Number(id));
  }

  protected isMasked(field: string, value: unknown): boolean {
    return (
      (this.readBinding.personalFields ?? []).includes(field) &&
      typeof value === 'string' &&
      value.includes('*')
    );
  }

  private mask(record: BaseRecord): BaseRecord {
    record.params = this.visible(record.params);
    return record;
  }

  /** What the panel may see of a row: derived values added, personal data masked, secrets gone. */
  protected visible(row: object): Record<string, unknown> {
    const params = row as Record<string, unknown>;
    const { personalFields = [], hiddenFields = [], derive } = this.readBinding;
    const shown: Record<string, unknown> = { ...params, ...derive?.(params) };
    for (const field of personalFields) {
      const value = shown[field];
      if (typeof value === 'string') shown[field] = maskPersonal(field, value);
    }
    for (const field of hiddenFields) delete shown[field];
    return shown;
  }
}

/** The use cases an admin resource writes through: the same services the REST API calls. */
export interface WriteBinding {
  createDto: ClassConstructor<object>;
  updateDto: ClassConstructor<object>;
  create(input: object): Promise<object>;
  update(id: number, input: object): Promise<object>;
  remove(id: number): Promise<void>;
}

function dtoFields(dto: ClassConstructor<object>): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
}

/**
 * An AdminJS resource that reads through @adminjs/typeorm but writes through our services, so
 * admin writes get the API's validation, rules and transactions (STACK.md pitfall 5).
 * Errors come back as AdminJS ValidationErrors, shown next to the fields in Chinese.
 */
export class ServiceResource extends ScopedResource {
  /** The zone a date-only form value sent as an instant is read in (withDateOnlyFields). */
  private dateZone: string | null = null;

  constructor(
    model: Model,
    private readonly binding: WriteBinding & ReadBinding,
  ) {
    super(model, binding);
  }

  /** Reads date-only values sent as instants as their calendar day in `timeZone`. */
  readDatesIn(timeZone: string): void {
    this.dateZone = timeZone;
  }

  override async create(params: Record<string, unknown>): Promise<ParamsType> {
    const input = await this.toInput(params, this.binding.createDto);
    return this.visible(await this.translateErrors(() => this.binding.create(input)));
  }

  override async update(
    id: string | number,
    params: Record<string, unknown> = {},
  ): Promise<ParamsType> {
    const input = await this.toInput(params, this.binding.updateDto);
    return this.visible(await this.translateErrors(() => this.binding.update(Number(id), input)));
  }

  override async delete(id: string | number): Promise<void> {
    await this.translateErrors(() => this.binding.remove(Number(id)));
  }

  /** AdminJS form values (strings, '' for empty) → the DTO's shape, then the DTO's validation. */
  private async toInput(
    params: Record<string, unknown>,
    dto: ClassConstructor<object>,
  ): Promise<object> {
    // @adminjs/typeorm's own string → number/reference conversion (declared private in its types).
    const adapter = this as unknown as {
      prepareParams(p: Record<string, unknown>): Record<string, unknown>;
    };
    // Our DTOs are flat, so AdminJS's flattened keys are already the DTO's field names.
    const prepared = adapter.prepareParams(params);
    const fields = dtoFields(dto);
    const dateOnly = new Set(this.dateOnlyFields());
    const input: Record<string, unknown> = {};
    for (const field of fields) {
      if (!(field in params)) continue;
      // Judge emptiness on the raw form value: the adapter turns an empty reference into 0.
      const raw = params[field];
      // A masked value sent back untouched means "keep": the form never held the real one.
      if (this.isMasked(field, raw)) continue;
      let value = prepared[field];
      const type = this.property(field)?.type();
      if (raw === '' || raw === null || raw === undefined) value = null;
      else if (type === 'reference') value = Number(raw);
      else if (type === 'boolean') value = value === true || value === 'true';
      else if (dateOnly.has(field) && this.dateZone) value = this.calendarDate(raw, this.dateZone);
      else if (value instanceof Date) value = value.toISOString();
      input[field] = value;
    }
    return this.translateErrors(() => validateInput(dto, input));
  }

  /** A date-only value as the calendar day meant (AdminJS hands them over as Dates). */
  private calendarDate(raw: unknown, timeZone: string): unknown {
    if (raw instanceof Date) return calendarDateOfDate(raw, timeZone);
    return typeof raw === 'string' ? calendarDate(raw, timeZone) : raw;
  }

  private async translateErrors<R>(work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) {
        const fields = Object.fromEntries(
          error.details.map((detail) => [
            detail.field,
            { message: detail.problem, type: error.code },
          ]),
        );
        throw new ValidationError(fields, { message: error.message, type: error.code });
      }
      throw error;
    }
  }
}
