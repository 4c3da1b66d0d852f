import {
  type CallHandler,
  Controller,
  Delete,
  type ExecutionContext,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
  Body,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { IdPipe } from '../../common/id.pipe.js';
import { invalidInput } from '../../common/errors.js';
import { errorResponse, pageSchema, recordSchemaRef } from '../../common/openapi.js';
import type { Page } from '../../common/pagination.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { Attachment } from './attachment.entity.js';
import { sendAttachment } from './attachment-download.js';
import { ACCEPTED_EXTENSIONS } from './attachment-types.rules.js';
import { AttachmentsService, tooLarge } from './attachments.service.js';
import { ListAttachmentsQuery, UploadAttachmentDto } from './dto/attachment.dto.js';

/** What multer hands over for the part `file` (memory storage). */
interface MulterFile {
  originalname: string;
  buffer: Buffer;
}

/**
 * Multer's own refusals, said as the API says them: a file past the limit is a 413 naming
 * `file`, any other malformed multipart body a 400 naming `file`.
 */
@Injectable()
class UploadErrors implements NestInterceptor {
  constructor(private readonly attachments: AttachmentsService) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof HttpException) {
          if (error.getStatus() === (HttpStatus.PAYLOAD_TOO_LARGE as number)) {
            return throwError(() => tooLarge(this.attachments.maxBytes));
          }
          if (error.getStatus() === (HttpStatus.BAD_REQUEST as number)) {
            return throwError(() =>
              invalidInput([
                {
                  field: 'file',
                  problem: `上传的表单有误：${error.message} / malformed multipart body: ${error.message}`,
                },
              ]),
            );
          }
        }
        return throwError(() => error);
      }),
    );
  }
}

const UPLOAD_BODY = {
  type: 'object',
  required: ['recordType', 'recordId', 'file'],
  properties: {
    recordType: {
      type: 'string',
      maxLength: 40,
      example: 'activity',
      description: '所属记录类型（权限资源名）/ the record’s type (its permission resource)',
    },
    recordId: { type: 'integer', minimum: 1, example: 1, description: '所属记录编号 / record id' },
    purpose: {
      type: 'string',
      maxLength: 40,
      example: 'material',
      description: '用途，默认 file / what the file is for (default file)',
    },
    file: {
      type: 'string',
      format: 'binary',
      description: `文件，按内容判断类型（允许 ${ACCEPTED_EXTENSIONS.join(' ')}）/ the file; its type is judged by its content`,
    },
  },
};

const CONTENT_RESPONSE = {
  description:
    '文件内容（图片内联显示，其他以原文件名下载；记入审计）/ the file (images inline, others as a download under the original name; audited)',
  content: {
    'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
  },
};

@ApiTags('附件 Attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Permission('attachment', 'new')
  @RequireScope('records:write')
  @UseInterceptors(UploadErrors, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY })
  @ApiOperation({
    summary:
      '上传附件（需所属记录的编辑权限；按内容判断类型；过大 413，类型不允许 415）/ attach a file to a record (its edit permission; type by content; 413 too large, 415 type not accepted)',
  })
  @ApiCreatedResponse({ schema: recordSchemaRef('Attachment') })
  @ApiResponse({ status: 404, ...errorResponse('404') })
  @ApiResponse({
    status: 413,
    description: '文件过大，details 指出 file / the file is too large (details name file)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  })
  @ApiResponse({
    status: 415,
    description:
      '文件内容不是允许的类型或与扩展名不符，details 指出 file / the content is of no accepted type (details name file)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  })
  upload(
    @Body() body: UploadAttachmentDto,
    @UploadedFile() file: MulterFile | undefined,
  ): Promise<Attachment> {
    return this.attachments.upload(
      body,
      file && { originalName: file.originalname, bytes: file.buffer },
    );
  }

  @Get()
  @Permission('attachment', 'list')
  @RequireScope('records:read')
  @ApiOperation({
    summary:
      '附件列表（一条记录的，或可查看的全部）/ attachments of one record, or all the caller may see',
  })
  @ApiOkResponse({ schema: pageSchema('Attachment') })
  @ApiResponse({ status: 404, ...errorResponse('404') })
  list(@Query() query: ListAttachmentsQuery): Promise<Page<Attachment>> {
    return this.attachments.list(query);
  }

  @Get(':id')
  @Permission('attachment', 'show')
  @RequireScope('records:read')
  @ApiOperation({ summary: '附件信息 / an attachment’s metadata' })
  @ApiOkResponse({ schema: recordSchemaRef('Attachment') })
  get(@Param('id', IdPipe) id: number): Promise<Attachment> {
    return this.attachments.get(id);
  }

  @Get(':id/content')
  @Permission('attachment', 'show')
  @RequireScope('records:read')
  @ApiOperation({
    summary: '下载附件（记入审计）/ download the file (audited)',
  })
  @ApiResponse({ status: 200, ...CONTENT_RESPONSE })
  async content(@Param('id', IdPipe) id: number, @Res() response: Response): Promise<void> {
    const { attachment, content } = await this.attachments.download(id);
    sendAttachment(response, attachment, content);
  }

  @Delete(':id')
  @Permission('attachment', 'delete')
  @RequireScope('records:write')
  @HttpCode(204)
  @ApiOperation({ summary: '删除附件（需所属记录的编辑权限）/ remove an attachment' })
  @ApiNoContentResponse({ description: '已删除 / deleted' })
  async remove(@Param('id', IdPipe) id: number): Promise<void> {
    await this.attachments.remove(id);
  }
}
