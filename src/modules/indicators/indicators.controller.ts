import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreateIndicatorDto,
  ListIndicatorsQuery,
  UpdateIndicatorDto,
} from './dto/indicator.dto.js';
import { Indicator } from './indicator.entity.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('经济指标 Indicators')
@Controller('indicators')
export class IndicatorsController extends RecordController<Indicator>({
  entity: Indicator,
  title: '经济指标 indicators',
  resource: 'indicator',
  create: CreateIndicatorDto,
  update: UpdateIndicatorDto,
  query: ListIndicatorsQuery,
}) {
  constructor(indicators: IndicatorsService) {
    super(indicators);
  }
}
