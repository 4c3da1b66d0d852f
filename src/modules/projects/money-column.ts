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
