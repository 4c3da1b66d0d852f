import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PERSONAL_DATA_SCHEMA, SPREADSHEET_RESPONSE } from './dto/deputy.response.js';
import type { Response } from 'express';
import { sendWorkbook } from '../../common/spreadsheet.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { DEPUTY_PERSONAL_FIELDS, deputyRoster } from './deputy-export.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { maskEmail, maskPhone } from '../../common/masking.js';
import { IdPipe } from '../../common/id.pipe.js';
import { RecordController } from '../../platform/records/record.controller.js';
import { DeputiesService } from './deputies.service.js';
import { Deputy } from './deputy.entity.js';
import {
  CreateDeputyDto,
  DeputyPersonalData,
  ListDeputiesQuery,
  UpdateDeputyDto,
} from './dto/deputy.dto.js';
import { Clock } from '../../common/clock.js';

@ApiTags('代表 Deputies')
@Controller('deputies')
export class DeputiesController extends RecordController<Deputy>({
  entity: Deputy,
  title: '代表 deputies',
  resource: 'deputy',
  create: CreateDeputyDto,
  update: UpdateDeputyDto,
  query: ListDeputiesQuery,
}) {
  constructor(
    private readonly deputies: DeputiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super(deputies);
  }

  /** Phones and emails are personal information: API answers carry them masked (PIPL). */
  protected override present(deputy: Deputy): Deputy {
    return { ...deputy, phone: maskPhone(deputy.phone), email: maskEmail(deputy.email) } as Deputy;
  }

  @Get('export')
  @Permission('deputy', 'export')
  @RequireScope('records:export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    summary:
      '导出代表名册（Excel，电话脱敏，记入审计；需 records:export）/ export as .xlsx, phones masked, audited (records:export)',
  })
  @ApiResponse({ status: 200, ...SPREADSHEET_RESPONSE })
  async export(@Query() query: ListDeputiesQuery, @Res() response: Response): Promise<void> {
    const rows = await this.deputies.exportAll(query);
    const roster = await deputyRoster(rows, this.config.timeZone, this.clock.now());
    sendWorkbook(response, roster.fileName, roster.body);
  }

  @Post(':id/reveal')
  @Permission('deputy', 'reveal')
  @RequireScope('personal:reveal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '查看完整个人信息（记入审计；需 personal:reveal）/ reveal unmasked personal data (audited; personal:reveal)',
  })
  @ApiOkResponse({ schema: PERSONAL_DATA_SCHEMA })
  async reveal(@Param('id', IdPipe) id: number): Promise<DeputyPersonalData> {
    const deputy = await this.deputies.reveal(id, DEPUTY_PERSONAL_FIELDS);
    return { id: deputy.id, phone: deputy.phone, email: deputy.email };
  }
}
