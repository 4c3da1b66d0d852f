import { Resource as TypeormResource } from '@adminjs/typeorm';
import { ValidationError, type ParamsType } from 'adminjs';
import type { ClassConstructor } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import type { BaseEntity } from 'typeorm';
import { DomainError } from '../common/errors.js';
import { validateInput } from '../common/validation.js';

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
export class ServiceResource extends TypeormResource {
  constructor(
    model: typeof BaseEntity,
    private readonly binding: WriteBinding,
  ) {
    super(model);
  }

  override async create(params: Record<string, unknown>): Promise<ParamsType> {
    const input = await this.toInput(params, this.binding.createDto);
    return this.translateErrors(() => this.binding.create(input));
  }

  override async update(
    id: string | number,
    params: Record<string, unknown> = {},
  ): Promise<ParamsType> {
    const input = await this.toInput(params, this.binding.updateDto);
    return this.translateErrors(() => this.binding.update(Number(id), input));
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
    const input: Record<string, unknown> = {};
    for (const field of fields) {
      if (!(field in params)) continue;
      // Judge emptiness on the raw form value: the adapter turns an empty reference into 0.
      const raw = params[field];
      let value = prepared[field];
      const type = this.property(field)?.type();
      if (raw === '' || raw === null || raw === undefined) value = null;
      else if (type === 'reference') value = Number(raw);
      else if (type === 'boolean') value = value === true || value === 'true';
      else if (type === 'date' && typeof value === 'string') value = value.slice(0, 10);
      else if (value instanceof Date) value = value.toISOString();
      input[field] = value;
    }
    return this.translateErrors(() => validateInput(dto, input));
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
