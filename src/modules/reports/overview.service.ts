import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Clock } from '../../common/clock.js';
import { DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { formatInstant, startOfLocalDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { CommitteeTree } from '../../platform/access/committee-tree.js';
import type {
  AreaStatistics,
  AreaStatisticsType,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { authorize } from '../../platform/records/record.service.js';
import { COMMITTEE_RECORD_NAME } from '../../platform/records/record-names.js';
import { CommitteesService } from '../committees/committees.service.js';

/** The areas' statistics, in the order of AREAS (given to ReportsModule.forRoot). */
export const OVERVIEW_SECTIONS = Symbol('OVERVIEW_SECTIONS');
export interface SectionSource {
  area: string;
  statistics: AreaStatisticsType;
}

export interface Overview {
  committeeId: number;
  committeeIds: number[];
  year: number;
  asOf: string;
  sections: OverviewSection[];
}

/**
 * 统计总览: each area's section for one committee-year, in the areas' order. The numbers are the
 * areas' own (their `statistics` providers); this service only fixes the scope they count in.
 */
@Injectable()
export class OverviewService implements OnModuleInit {
  private sections: { area: string; statistics: AreaStatistics }[] = [];

  constructor(
    @Inject(OVERVIEW_SECTIONS) private readonly sources: readonly SectionSource[],
    private readonly moduleRef: ModuleRef,
    private readonly committees: CommitteesService,
    private readonly tree: CommitteeTree,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sections = this.sources.map(({ area, statistics }) => ({
      area,
      statistics: this.moduleRef.get(statistics, { strict: false }),
    }));
  }

  async overview(committeeId: number, year: number): Promise<Overview> {
    const actor = authorize('report', { zh: '统计报表', en: 'report' }, 'show');
    const visible = !actor.committeeIds || actor.committeeIds.includes(committeeId);
    if (!visible || !(await this.committees.exists(committeeId))) {
      throw new DomainError(
        ErrorCode.NotFound,
        notFound(COMMITTEE_RECORD_NAME, committeeId).bilingual,
        [
          {
            field: 'committeeId',
            problem: '人大工委/常委会不存在或不在权限范围内 / no such committee within your scope',
          },
        ],
      );
    }
    const subtree = await this.tree.subtree(committeeId);
    const committeeIds = actor.committeeIds
      ? subtree.filter((id) => actor.committeeIds!.includes(id))
      : subtree;
    const scope = this.scopeOf(committeeId, committeeIds, year);
    const sections: OverviewSection[] = [];
    // One after the other: on the embedded database reads take turns anyway, and a section's
    // failure names its area.
    for (const { area, statistics } of this.sections) {
      sections.push({ area, ...(await statistics.overview(scope)) });
    }
    return {
      committeeId,
      committeeIds: [...committeeIds],
      year,
      asOf: formatInstant(scope.asOf, this.config.timeZone),
      sections,
    };
  }

  private scopeOf(committeeId: number, committeeIds: number[], year: number): OverviewScope {
    const timeZone = this.config.timeZone;
    return {
      committeeId,
      committeeIds,
      year,
      start: startOfLocalDate(`${year}-01-01`, timeZone),
      end: startOfLocalDate(`${year + 1}-01-01`, timeZone),
      firstDay: `${year}-01-01`,
      lastDay: `${year}-12-31`,
      asOf: this.clock.now(),
      timeZone,
    };
  }
}
