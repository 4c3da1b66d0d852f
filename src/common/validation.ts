import { ValidationPipe, type ArgumentMetadata, type ValidationPipeOptions } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import {
  registerDecorator,
  validate,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';
import { DateTime } from 'luxon';
import { invalidInput, type FieldProblem } from './errors.js';

/** Chinese wording of class-validator's constraints; the English default message follows it. */
const PROBLEM_ZH: Record<string, string> = {
  whitelistValidation: '不允许的字段',
  isDefined: '必填',
  isNotEmpty: '不能为空',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isEmail: '必须是有效的电子邮箱',
  isArray: '必须是数组',
  arrayMinSize: '数组元素太少',
  arrayMaxSize: '数组元素太多',
  maxLength: '太长',
  minLength: '太短',
  min: '太小',
  max: '太大',
  matches: '格式不正确',
  isInstant: '必须是带时区偏移的 ISO 8601 时间（1900–2199 年），如 2020-03-31T23:30:00+08:00',
  isLocalDate: '必须是有效日期 YYYY-MM-DD（1900–2199 年）',
  isPhone: '必须是有效的手机号（如 13812345678）或固定电话（如 010-12345678）',
  nestedValidation: '必须是对象',
};

export function validationDetails(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, en]) => ({
      field,
      problem: `${PROBLEM_ZH[name] ?? '无效'} / ${en}`,
    }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

/**
 * Control characters have no place in any text this app keeps: C0 controls except tab, line feed
 * and carriage return (a browser's textarea sends CR LF), DEL and the C1 controls. Refused up
 * front, so they never reach a column, an export or the audit trail (where JSON escaping grows
 * each one sixfold).
 */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      (code >= 0x7f && code <= 0x9f)
    ) {
      return true;
    }
  }
  return false;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Every text value (nested in objects and arrays) with a control character, by field path. */
export function controlCharacterProblems(value: unknown, path = '', depth = 0): FieldProblem[] {
  if (typeof value === 'string') {
    return hasControlCharacter(value)
      ? [
          {
            field: path || 'value',
            problem: '含有不允许的控制字符 / must not contain control characters',
          },
        ]
      : [];
  }
  // Deeper than any DTO of ours: left to the validator, which refuses unknown shapes.
  if (depth >= 8) return [];
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => controlCharacterProblems(item, at(index), depth + 1));
  }
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      controlCharacterProblems(item, at(key), depth + 1),
    );
  }
  return [];
}

/** Deeper than any request shape of ours; class-transformer recurses once per level. */
export const MAX_INPUT_DEPTH = 16;

/** How deeply objects and arrays nest in `value`, counted without recursion (up to `limit` + 1). */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The checks before a DTO is validated: a JSON body must be an object (not null, a number or an
 * array), nest no deeper than MAX_INPUT_DEPTH, and carry no control characters.
 */
export class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const field = metadata.type === 'body' ? 'body' : 'query';
      const dto = metadata.metatype !== undefined && this.toValidate(metadata);
      if (dto && metadata.type === 'body' && !isPlainObject(value)) {
        throw invalidInput([
          {
            field,
            problem:
              '请求体必须是 JSON 对象（Content-Type: application/json）/ the body must be a JSON object sent as application/json',
          },
        ]);
      }
      if (nestingDepth(value, MAX_INPUT_DEPTH) > MAX_INPUT_DEPTH) {
        throw invalidInput([
          {
            field,
            problem: `嵌套超过 ${MAX_INPUT_DEPTH} 层 / nested deeper than ${MAX_INPUT_DEPTH} levels`,
          },
        ]);
      }
      const problems = controlCharacterProblems(value);
      if (problems.length > 0) throw invalidInput(problems);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

export const VALIDATION_PIPE_OPTIONS: ValidationPipeOptions = {
  ...VALIDATOR_OPTIONS,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors: ValidationError[]) => invalidInput(validationDetails(errors)),
};

export const createValidationPipe = (): ValidationPipe =>
  new InputValidationPipe(VALIDATION_PIPE_OPTIONS);

/**
 * Validates a plain object against a DTO class exactly as the API's pipe does; the admin panel
 * calls this so that both doors apply the same rules (STACK.md pitfall 5).
 */
export async function validateInput<T extends object>(
  dto: ClassConstructor<T>,
  plain: unknown,
  options: { allowUnknown?: boolean } = {},
): Promise<T> {
  const control = controlCharacterProblems(plain);
  if (control.length > 0) throw invalidInput(control);
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, {
    ...VALIDATOR_OPTIONS,
    forbidNonWhitelisted: !options.allowUnknown,
  });
  if (errors.length > 0) throw invalidInput(validationDetails(errors));
  return instance;
}

/** Records of this committee's work fall within these years; MariaDB's DATETIME starts at 1000. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An instant: ISO 8601 with an explicit offset, so no one has to guess the zone. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be an ISO 8601 instant with an offset, in the years ${MIN_YEAR}–${MAX_YEAR}`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !INSTANT.test(value)) return false;
          const instant = DateTime.fromISO(value);
          return instant.isValid && instant.year >= MIN_YEAR && instant.year <= MAX_YEAR;
        },
      },
    });
}

/** Mainland mobile numbers: 1[3-9] + 9 digits, optionally with +86 / 86 in front. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
/** Landlines: a 3–4 digit area code starting with 0, 7–8 digits, an optional extension. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/** A mainland China mobile or landline number; spaces and a hyphen after +86 are ignored. */
export function isPhoneNumber(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 30) return false;
  const compact = value.replace(/[\s]/g, '').replace(/^(\+?86)-/, '$1');
  return MOBILE.test(compact.replace(/-/g, '')) || LANDLINE.test(compact);
}

export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPhone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message:
          '$property must be a mainland mobile (13812345678) or landline (010-12345678) number',
        ...options,
      },
      validator: { validate: isPhoneNumber },
    });
}

/** A calendar date YYYY-MM-DD that exists (no 2021-02-29). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a valid date YYYY-MM-DD in the years ${MIN_YEAR}–${MAX_YEAR}`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !LOCAL_DATE.test(value)) return false;
          const date = DateTime.fromISO(value);
          return date.isValid && date.year >= MIN_YEAR && date.year <= MAX_YEAR;
        },
      },
    });
}
