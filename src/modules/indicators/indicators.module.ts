import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesModule } from '../committees/committees.module.js';
import { IndicatorImportService } from './indicator-import.service.js';
import { IndicatorValue } from './indicator-value.entity.js';
import { IndicatorValuesController } from './indicator-values.controller.js';
import { IndicatorValuesService } from './indicator-values.service.js';
import { Indicator } from './indicator.entity.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsRepository } from './indicators.repository.js';
import { IndicatorsService } from './indicators.service.js';
import { IndicatorsStatistics } from './indicators.stats.js';
import { XlsxUploadInterceptor } from './xlsx-upload.interceptor.js';

@Module({
  imports: [TypeOrmModule.forFeature([Indicator, IndicatorValue]), CommitteesModule],
  controllers: [IndicatorsController, IndicatorValuesController],
  providers: [
    IndicatorsRepository,
    IndicatorsService,
    IndicatorValuesService,
    IndicatorImportService,
    IndicatorsStatistics,
    XlsxUploadInterceptor,
  ],
  exports: [
    IndicatorsRepository,
    IndicatorsService,
    IndicatorValuesService,
    IndicatorImportService,
    IndicatorsStatistics,
  ],
})
export class IndicatorsModule {}
