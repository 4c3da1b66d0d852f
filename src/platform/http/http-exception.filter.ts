import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuditTrail } from '../audit/audit-trail.service.js';
import { isDatabaseUnavailable } from '../../database/database-errors.js';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { redactUrl } from '../../common/logger.js';

interface ErrorBody {
  code: string;
  message: string;
  details: unknown[];
}

const HTTP_MESSAGES: Partial<Record<number, { code: ErrorCode; zh: string; en: string }>> = {
  [HttpStatus.NOT_FOUND]: { code: ErrorCode.NotFound, zh: '找不到该地址', en: 'Not found' },
  [HttpStatus.BAD_REQUEST]: {
    code: ErrorCode.ValidationFailed,
    zh: '请求格式有误',
    en: 'Malformed request',
  },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    code: ErrorCode.PayloadTooLarge,
    zh: '请求内容过大',
    en: 'Payload too large',
  },
  [HttpStatus.UNAUTHORIZED]: { code: ErrorCode.Unauthorized, zh: '未认证', en: 'Unauthorized' },
  [HttpStatus.FORBIDDEN]: { code: ErrorCode.Forbidden, zh: '无权访问', en: 'Forbidden' },
};

/** Seconds a client is told to wait before retrying while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** One place that turns errors into `{ code, message, details }`; never a stack trace to clients. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  /** `audit` records every 403 (permission denial) in the audit trail. */
  constructor(private readonly audit?: AuditTrail) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const [status, body] = this.describe(exception, request);
    if (status === (HttpStatus.FORBIDDEN as number)) await this.auditDenial(request);
    if (response.headersSent) return;
    if (body.code === (ErrorCode.DatabaseUnavailable as string)) {
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    response.status(status).json(body);
  }

  private async auditDenial(request: Request): Promise<void> {
    try {
      await this.audit?.recordAlone({
        action: 'denied',
        outcome: 'denied',
        detail: { method: request.method, path: request.path },
      });
    } catch (error) {
      // The refusal stands either way; a lost audit row is logged, never turned into a 500.
      this.logger.error({ err: error }, 'could not audit a permission denial');
    }
  }

  private describe(exception: unknown, request: Request): [number, ErrorBody] {
    if (exception instanceof DomainError) {
      return [
        exception.status,
        {
          code: exception.code,
          message: exception.message,
          details: exception.details,
          ...(exception.existingId !== undefined && { existingId: exception.existingId }),
          ...(exception.allowed !== undefined && { allowed: exception.allowed }),
        },
      ];
    }
    if (exception instanceof HttpException) {
      const status: number = exception.getStatus();
      const known = HTTP_MESSAGES[status];
      if (known) {
        // A 400 that no validator raised is Express's body parser refusing the body.
        const details =
          status === (HttpStatus.BAD_REQUEST as number)
            ? [
                {
                  field: 'body',
                  problem:
                    '请求体不是有效的 JSON / the body is not valid JSON (Content-Type: application/json)',
                },
              ]
            : [];
        return [status, { code: known.code, message: `${known.zh} / ${known.en}`, details }];
      }
      if (status === (HttpStatus.SERVICE_UNAVAILABLE as number)) {
        return [
          status,
          {
            code: 'SERVICE_UNAVAILABLE',
            message: '服务暂不可用 / Service unavailable',
            details: [exception.getResponse()],
          },
        ];
      }
      if (status < 500) {
        return [status, { code: `HTTP_${status}`, message: exception.message, details: [] }];
      }
    }
    if (isDatabaseUnavailable(exception)) {
      // Expected while the database restarts: one line, no stack; the pool reconnects by itself.
      this.logger.warn(
        {
          method: request.method,
          url: redactUrl(request.originalUrl),
          cause: exception instanceof Error ? exception.message : String(exception),
        },
        'database unavailable',
      );
      return [
        HttpStatus.SERVICE_UNAVAILABLE,
        {
          code: ErrorCode.DatabaseUnavailable,
          message:
            '数据库暂时不可用，请稍后重试 / The database is temporarily unavailable; try again shortly',
          details: [],
        },
      ];
    }
    this.logger.error(
      { err: exception, method: request.method, url: redactUrl(request.originalUrl) },
      exception instanceof Error ? exception.stack : String(exception),
    );
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { code: ErrorCode.Internal, message: '服务器内部错误 / Internal server error', details: [] },
    ];
  }
}
