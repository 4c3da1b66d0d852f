import { type DynamicModule, Module } from '@nestjs/common';
import type { Area } from '../../platform/areas/area.js';
import { CommitteesModule } from '../committees/committees.module.js';
import { OVERVIEW_SECTIONS, OverviewService, type SectionSource } from './overview.service.js';
import { ReportsController } from './reports.controller.js';

/**
 * 统计: the overview over every area's `statistics` slot. Given the areas by the entry point
 * (app.module.ts), so this module imports no area but the committees it scopes by.
 */
@Module({})
export class ReportsModule {
  static forRoot(areas: readonly Area[]): DynamicModule {
    const sources: SectionSource[] = areas.flatMap((area) =>
      area.statistics ? [{ area: area.name, statistics: area.statistics }] : [],
    );
    return {
      module: ReportsModule,
      imports: [CommitteesModule],
      controllers: [ReportsController],
      providers: [{ provide: OVERVIEW_SECTIONS, useValue: sources }, OverviewService],
      exports: [OverviewService],
    };
  }
}
