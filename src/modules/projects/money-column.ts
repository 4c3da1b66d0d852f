import { invalidInput } from '../../common/errors.js';
import type { ValueTransformer } from 'typeorm';
import { decimalText } from './projects.rules.js';

/**
 * DECIMAL(14,2) columns (万元, counts): read as the same two-place text on MariaDB (mysql2
 * answers a string) and SQLite (a number), written as given.
 */
export const DECIMAL_TEXT: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: number | string | null) => decimalText(value),
};

export const decimalColumn = { type: 'decimal', precision: 14, scale: 2 } as const;

/**
 * An amount as it is stored (two-place text), or a 400 naming `field` when there is none: the
 * DTOs require it, this keeps a write from another door from reaching the NOT NULL column.
 */
export function amountToStore(value: unknown, field: string): string {
  const text = typeof value === 'number' || typeof value === 'string' ? decimalText(value) : null;
  if (text === null) {
    throw invalidInput([{ field, problem: '必填，须为不小于 0 的数 / required, a number ≥ 0' }]);
  }
  return text;
}
