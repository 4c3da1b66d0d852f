import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { DomainError, ErrorCode, notFound, ruleViolation } from '../../common/errors.js';
import type { Page } from '../../common/pagination.js';
import { startOfLocalDate } from '../../common/period.js';
import { COMMITTEES_LABELS } from '../committees/committees.labels.js';
import { currentActor } from '../../platform/access/actor.js';
import { CommitteesService } from '../committees/committees.service.js';
import { DeputiesService } from '../deputies/deputies.service.js';
import type { CommitteePerformanceQuery } from '../deputies/dto/deputy.dto.js';
import { ActivitiesRepository, type DeputyAttendance } from './activities.repository.js';
import {
  groupByDeputy,
  summarisePerformance,
  type PerformanceSummary,
} from './performance.rules.js';

export interface PerformanceRecord extends PerformanceSummary {
  deputyId: number;
  deputyName: string;
  from: string;
  to: string;
  activities: Omit<DeputyAttendance, 'deputyId'>[];
}

/** The dates a record covers, inclusive, and the instants that bound them in the app's zone. */
interface Period {
  from: string;
  to: string;
  start: Date;
  endExclusive: Date;
}

/**
 * 履职档案: every held activity a deputy was recorded at in a period, with counts. It lives with
 * the activities (the attendance it reads is theirs) and reaches the deputies through their
 * service, so the deputies folder needs nothing from this one.
 */
@Injectable()
export class DeputyPerformanceService {
  constructor(
    private readonly activities: ActivitiesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deputies: DeputiesService,
    private readonly committees: CommitteesService,
  ) {}

  async forPeriod(deputyId: number, from: string, to: string): Promise<PerformanceRecord> {
    const period = this.period(from, to);
    // Permission and committee scope as for showing the deputy.
    const deputy = await this.deputies.get(deputyId);
    const [record] = await this.recordsOf([deputy], period);
    return record;
  }

  /**
   * The records of every deputy of one committee, a page of deputies at a time (as the deputy
   * list pages and sorts them): two queries for the page and one for all of its attendance,
   * however many deputies the page holds.
   */
  async forCommittee(query: CommitteePerformanceQuery): Promise<Page<PerformanceRecord>> {
    const period = this.period(query.from, query.to);
    this.deputies.authorize('list');
    await this.requireCommittee(query.committeeId);
    const { from: _from, to: _to, ...listQuery } = query;
    const page = await this.deputies.list(listQuery);
    return { ...page, items: await this.recordsOf(page.items, period) };
  }

  private period(from: string, to: string): Period {
    if (to < from) {
      throw ruleViolation({ zh: '截止日期早于起始日期', en: '"to" is before "from"' }, 'to');
    }
    const zone = this.config.timeZone;
    const start = startOfLocalDate(from, zone);
    const endExclusive = new Date(startOfLocalDate(to, zone).getTime() + 24 * 3600 * 1000);
    return { from, to, start, endExclusive };
  }

  /** A committee the actor may see; any other answers as one that does not exist. */
  private async requireCommittee(committeeId: number): Promise<void> {
    const { committeeIds } = currentActor();
    const visible = !committeeIds || committeeIds.includes(committeeId);
    if (!visible || !(await this.committees.exists(committeeId))) {
      throw new DomainError(
        ErrorCode.NotFound,
        notFound(COMMITTEES_LABELS.records.committee, committeeId).bilingual,
        [
          {
            field: 'committeeId',
            problem: '人大工委/常委会不存在或不在权限范围内 / no such committee within your scope',
          },
        ],
      );
    }
  }

  /** One query for all the deputies' attendance in the period, then a record per deputy. */
  private async recordsOf(
    deputies: readonly { id: number; name: string }[],
    period: Period,
  ): Promise<PerformanceRecord[]> {
    if (deputies.length === 0) return [];
    const rows = await this.activities.attendanceOfDeputies(
      deputies.map((deputy) => deputy.id),
      period.start,
      period.endExclusive,
    );
    const byDeputy = groupByDeputy(rows);
    return deputies.map((deputy) => {
      const activities = (byDeputy.get(deputy.id) ?? []).map(
        ({ deputyId: _deputyId, ...activity }) => activity,
      );
      return {
        deputyId: deputy.id,
        deputyName: deputy.name,
        from: period.from,
        to: period.to,
        ...summarisePerformance(
          activities.map((a) => ({ category: a.category, status: a.attendance })),
        ),
        activities,
      };
    });
  }
}
