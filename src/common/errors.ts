import { HttpStatus } from '@nestjs/common';

/** Stable error codes of the API; the global filter maps each to an HTTP status. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  NotFound = 'NOT_FOUND',
  ReferenceNotFound = 'REFERENCE_NOT_FOUND',
  Conflict = 'CONFLICT',
  /** A generic update carried a field a workflow owns; it changes only through a transition. */
  WorkflowField = 'WORKFLOW_FIELD',
  /** A transition that may not start from the record's current state. */
  InvalidTransition = 'INVALID_TRANSITION',
  RuleViolation = 'RULE_VIOLATION',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** An upload whose content is of a type not accepted (attachments). */
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Internal = 'INTERNAL_ERROR',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  ShuttingDown = 'SHUTTING_DOWN',
}

export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ReferenceNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.WorkflowField]: HttpStatus.CONFLICT,
  [ErrorCode.InvalidTransition]: HttpStatus.CONFLICT,
  [ErrorCode.RuleViolation]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.Unauthorized]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCode.DatabaseUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.ShuttingDown]: HttpStatus.SERVICE_UNAVAILABLE,
};

export interface Message {
  zh: string;
  en: string;
}

export interface FieldProblem {
  field: string;
  problem: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: Message,
    readonly details: FieldProblem[] = [],
    /** On a duplicate (409), the id of the record that already exists. */
    readonly existingId?: number,
    /** On a workflow refusal (409), the transitions allowed from the record's current state. */
    readonly allowed?: readonly string[],
  ) {
    super(`${bilingual.zh} / ${bilingual.en}`);
    this.name = 'DomainError';
  }

  get status(): HttpStatus {
    return ERROR_STATUS[this.code];
  }
}

/** A record kind as it is named in messages. */
export interface RecordName {
  zh: string;
  en: string;
}

export const notFound = (what: RecordName, id: number | string): DomainError =>
  new DomainError(ErrorCode.NotFound, {
    zh: `${what.zh}（ID ${id}）不存在`,
    en: `${what.en} ${id} not found`,
  });

export const referenceNotFound = (
  field: string,
  what: RecordName,
  id: number | string,
): DomainError =>
  new DomainError(
    ErrorCode.ReferenceNotFound,
    { zh: `引用的${what.zh}（ID ${id}）不存在`, en: `Referenced ${what.en} ${id} does not exist` },
    [{ field, problem: `${what.zh}不存在 / ${what.en} does not exist` }],
  );

export const conflict = (message: Message, field?: string, existingId?: number): DomainError =>
  new DomainError(
    ErrorCode.Conflict,
    message,
    field ? [{ field, problem: `${message.zh} / ${message.en}` }] : [],
    existingId,
  );

export const ruleViolation = (message: Message, field?: string): DomainError =>
  new DomainError(
    ErrorCode.RuleViolation,
    message,
    field ? [{ field, problem: `${message.zh} / ${message.en}` }] : [],
  );

export const invalidInput = (details: FieldProblem[]): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, { zh: '输入有误', en: 'Invalid input' }, details);

/** 403 without any record data: the role may not do this to this kind of record. */
export const forbidden = (what: RecordName, action: string): DomainError =>
  new DomainError(ErrorCode.Forbidden, {
    zh: `当前角色无权对${what.zh}执行此操作（${action}）`,
    en: `Your role may not ${action} ${what.en} records`,
  });
