import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { MAX_AMOUNT } from '../projects.rules.js';

/** Report years, as `GET /reports/overview` takes them. */
export const MIN_REPORT_YEAR = 2000;
export const MAX_REPORT_YEAR = 2100;

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * An amount ≥ 0 with at most two decimals (万元, or a count): a JSON number, or its decimal text
 * (what the admin form sends). A negative amount is a 400 naming the field. Answers carry it
 * as two-place text (`'1200.50'`).
 */
export const AmountField = (description: string): PropertyDecorator =>
  applyDecorators(
    // No example: the answer's schema (common/openapi.ts) takes it, and answers are text.
    ApiProperty({ description, type: Number, minimum: 0, maximum: MAX_AMOUNT }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : value,
    ),
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(MAX_AMOUNT),
  );

/** A report year (2000–2100). */
export const YearField = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description, minimum: MIN_REPORT_YEAR, maximum: MAX_REPORT_YEAR, example: 2019 }),
    IsInt(),
    Min(MIN_REPORT_YEAR),
    Max(MAX_REPORT_YEAR),
  );

/** An optional `?year=` list filter. */
export const YearFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      description: '按年度 / by year',
      minimum: MIN_REPORT_YEAR,
      maximum: MAX_REPORT_YEAR,
    }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(MIN_REPORT_YEAR),
    Max(MAX_REPORT_YEAR),
  );
