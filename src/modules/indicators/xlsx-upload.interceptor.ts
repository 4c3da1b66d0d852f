import {
  HttpException,
  HttpStatus,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DomainError, ErrorCode, invalidInput } from '../../common/errors.js';
import { MAX_IMPORT_BYTES } from './indicator-sheet.js';

const MultipartFile = FileInterceptor('file', {
  limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 },
});

/**
 * The one `file` of a multipart upload, in memory, at most MAX_IMPORT_BYTES: multer's refusals
 * (too large, another field name, a broken multipart body) become answers naming `file` — 413
 * or 400 — instead of multer's bare messages or a 500. A body that is not multipart at all
 * passes through without a file (the service then answers 400 naming `file`).
 */
@Injectable()
export class XlsxUploadInterceptor implements NestInterceptor {
  private readonly multipart = new MultipartFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof HttpException && error.getStatus() === 413) {
        throw new DomainError(
          ErrorCode.PayloadTooLarge,
          { zh: '上传文件过大', en: 'The upload is too large' },
          [{ field: 'file', problem: `文件不能超过 2 MB / at most ${MAX_IMPORT_BYTES} bytes` }],
        );
      }
      const status = error instanceof HttpException ? error.getStatus() : HttpStatus.BAD_REQUEST;
      if (status >= 500) throw error;
      throw invalidInput([
        {
          field: 'file',
          problem:
            '请以 multipart/form-data 上传一个名为 file 的 Excel 文件 / send one .xlsx as the multipart field `file`',
        },
      ]);
    }
  }
}
