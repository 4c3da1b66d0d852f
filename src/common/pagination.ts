import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { invalidInput } from './errors.js';

export const MAX_PAGE_SIZE = 200;
/** Past any real table: a bigger page (page=1e21) would overflow the database's OFFSET. */
export const MAX_PAGE = 1_000_000;

/** An optional `?xId=` list filter: a positive integer id from the query string. */
export const IdFilter = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
  );

export class PageQueryDto {
  @ApiPropertyOptional({
    description: '页码，从 1 开始 / page number',
    default: 1,
    minimum: 1,
    maximum: MAX_PAGE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({
    description: '每页条数 / page size',
    default: 20,
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({
    description: '排序字段，前加 - 表示倒序，如 -startsAt / sort field, prefix - for descending',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sort?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  page: number;
  pageSize: number;
  skip: number;
  order: Record<string, 'ASC' | 'DESC'>;
}

/**
 * Turns page/pageSize/sort into a query plan. `sortable` is the allow-list: only these
 * properties may be sorted on, anything else is a 400 naming the `sort` field.
 */
export function pageRequest(
  query: PageQueryDto,
  sortable: readonly string[],
  defaultSort: string,
): PageRequest {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const sort = query.sort ?? defaultSort;
  const descending = sort.startsWith('-');
  const property = descending ? sort.slice(1) : sort;
  if (!sortable.includes(property)) {
    throw invalidInput([
      {
        field: 'sort',
        problem: `只能按 ${sortable.join(', ')} 排序 / sort must be one of ${sortable.join(', ')}`,
      },
    ]);
  }
  const order: Record<string, 'ASC' | 'DESC'> = { [property]: descending ? 'DESC' : 'ASC' };
  if (property !== 'id') order.id = 'ASC';
  return { page, pageSize, skip: (page - 1) * pageSize, order };
}

export function toPage<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return { items, total, page: request.page, pageSize: request.pageSize };
}

/** A complete, unpaginated list in the same `{ items, total, page, pageSize }` shape as pages. */
export function wholePage<T>(items: T[]): Page<T> {
  return { items, total: items.length, page: 1, pageSize: items.length };
}
