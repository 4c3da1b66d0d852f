import {
  Controller,
  Get,
  HttpCode,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
  Post,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { errorResponse } from '../../common/openapi.js';
import { sendWorkbook } from '../../common/spreadsheet.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreateIndicatorValueDto,
  ImportTemplateQuery,
  ImportValuesQuery,
  ListIndicatorValuesQuery,
  UpdateIndicatorValueDto,
} from './dto/indicator.dto.js';
import { IMPORT_RESULT_SCHEMA } from './dto/indicator.response.js';
import { IndicatorImportService, type ImportResult } from './indicator-import.service.js';
import type { UploadedSheet } from './indicator-sheet.js';
import { MAX_IMPORT_ROWS } from './indicator-sheet.js';
import { IndicatorValue } from './indicator-value.entity.js';
import { IndicatorValuesService } from './indicator-values.service.js';
import { XlsxUploadInterceptor } from './xlsx-upload.interceptor.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('经济指标 Indicators')
@Controller('indicator-values')
export class IndicatorValuesController extends RecordController<IndicatorValue>({
  entity: IndicatorValue,
  title: '指标数值 indicator values',
  resource: 'indicatorValue',
  create: CreateIndicatorValueDto,
  update: UpdateIndicatorValueDto,
  query: ListIndicatorValuesQuery,
}) {
  constructor(
    values: IndicatorValuesService,
    private readonly imports: IndicatorImportService,
  ) {
    super(values);
  }

  @Get('import-template')
  @Permission('indicatorValue', 'list')
  @RequireScope('records:read')
  @ApiProduces(XLSX)
  @ApiOperation({
    summary:
      '下载指标数值导入模板（Excel，含本工委启用的指标代码）/ download the import template (.xlsx with the committee’s indicator codes)',
  })
  @ApiResponse({
    status: 200,
    description: 'Excel 模板 / the .xlsx template',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({ status: 404, ...errorResponse('404') })
  async template(@Query() query: ImportTemplateQuery, @Res() response: Response): Promise<void> {
    const template = await this.imports.template(query.committeeId);
    sendWorkbook(response, template.fileName, template.body);
  }

  @Post('import')
  @Permission('indicatorValue', 'new')
  @RequireScope('records:write')
  @HttpCode(200)
  @UseInterceptors(XlsxUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `Excel 文件（.xlsx，不超过 2 MB、${MAX_IMPORT_ROWS} 行；列见模板）/ the .xlsx (≤ 2 MB, ≤ ${MAX_IMPORT_ROWS} rows)`,
        },
      },
    },
  })
  @ApiOperation({
    summary:
      '导入指标数值（Excel）：dryRun=true 试导入，列出每个有问题的行（行、列、问题），不写入；dryRun=false 全部写入或全不写入，已有的同一指标/年份/期间/类型数值被更新 / import values: a dry run lists every bad row; a commit writes all rows or none, re-imported keys update',
  })
  @ApiOkResponse({ schema: IMPORT_RESULT_SCHEMA })
  @ApiResponse({ status: 404, ...errorResponse('404') })
  @ApiResponse({
    status: 413,
    description: '文件超过 2 MB / the file exceeds 2 MB',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  })
  @ApiResponse({
    status: 422,
    ...errorResponse('422'),
    description:
      '有问题的行（details 每项含 row、column）；未写入任何数据 / bad rows (each detail has row and column); nothing written',
  })
  importValues(
    @Query() query: ImportValuesQuery,
    @UploadedFile() file: UploadedSheet | undefined,
  ): Promise<ImportResult> {
    return this.imports.import(query.committeeId, file, query.dryRun ?? true);
  }
}
