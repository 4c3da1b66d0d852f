import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The longest external id; the column is VARCHAR(64) on every dialect. */
export const EXTERNAL_ID_MAX_LENGTH = 64;

/**
 * Printable characters only: letters, digits, punctuation, symbols and spaces. No controls,
 * format characters or combining marks, so the length the validator counts is the number of
 * code points the column stores.
 */
const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]+$/u;

const trimmed = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value,
);

const externalIdRules = (): PropertyDecorator[] => [
  trimmed,
  IsString(),
  IsNotEmpty(),
  MaxLength(EXTERNAL_ID_MAX_LENGTH),
  Matches(PRINTABLE, {
    message: '$property must contain printable characters only',
  }),
];

/**
 * 外部编号: the id a record has in an integrator's own system, unique per committee and record
 * type. An import re-run first looks the record up by `?externalId=` and updates it (PATCH)
 * instead of creating a duplicate; a create with a taken id answers 409 with `existingId`.
 */
export const ExternalIdField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: EXTERNAL_ID_MAX_LENGTH,
      example: 'HR-2020-0042',
      description:
        '外部编号：对接系统中的记录编号，同一人大工委内同类记录唯一（可空）；重复导入时先用 ?externalId= 查到记录再 PATCH 修改，新建重复编号返回 409 并给出 existingId / ' +
        'the id in your own system, unique per committee and record type (optional); ' +
        'to re-run an import without duplicating, look the record up with ?externalId= and PATCH it — ' +
        'creating a second record with the same externalId answers 409 with existingId',
    }),
    IsOptional(),
    ...externalIdRules(),
  );

/** The `?externalId=` list filter: an exact match, trimmed like the stored value. */
export const ExternalIdFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      description: '按外部编号（完全匹配）/ by external id, exact match',
      maxLength: EXTERNAL_ID_MAX_LENGTH,
    }),
    IsOptional(),
    ...externalIdRules(),
  );
