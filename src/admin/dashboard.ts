import type { PageHandler } from 'adminjs';
import { In, IsNull, type DataSource } from 'typeorm';
import type { Clock } from '../common/clock.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { localDate, quarterPeriod } from '../common/period.js';
import { currentActor } from '../common/request-context.js';
import { Committee } from '../modules/committees/committee.entity.js';
import type { ComplianceService } from '../modules/compliance/compliance.service.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { COMPLIANCE_GRID_PATH } from './compliance-grid.page.js';

export interface DashboardData {
  unread: number;
  notificationsUrl: string;
  year: number;
  gridUrl: string;
  /** Null when the role may not see compliance (the administrators). */
  grid:
    | {
        committeeId: number;
        committee: string;
        quarters: ({ status: string; count: number; activitiesUrl: string } | null)[];
      }[]
    | null;
}

/** 首页 data: unread notifications and this year's quarters, within the user's committees. */
export function dashboardHandler(deps: {
  rootPath: string;
  timeZone: string;
  clock: Clock;
  compliance: ComplianceService;
  dataSource: DataSource;
}): PageHandler {
  return async () => {
    const actor = currentActor();
    const year = Number(localDate(deps.clock.now(), deps.timeZone).slice(0, 4));
    const unread = await deps.dataSource.getRepository(Notification).countBy({
      recipientUserId: actor.id ?? -1,
      channel: 'inApp',
      readAt: IsNull(),
    });
    const data: DashboardData = {
      unread,
      notificationsUrl: `${deps.rootPath}/resources/Notification`,
      year,
      gridUrl: `${deps.rootPath}${COMPLIANCE_GRID_PATH}?year=${year}`,
      grid: null,
    };
    let records;
    try {
      records = await deps.compliance.forYear(year);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.Forbidden) return data;
      throw error;
    }
    const ids = [...new Set(records.map((record) => record.committeeId))];
    const committees = ids.length
      ? await deps.dataSource
          .getRepository(Committee)
          .find({ where: { id: In(ids) }, order: { name: 'ASC' } })
      : [];
    data.grid = committees.map((committee) => ({
      committeeId: committee.id,
      committee: committee.name,
      quarters: [1, 2, 3, 4].map((quarter) => {
        const record = records.find(
          (r) => r.committeeId === committee.id && r.periodKey === `${year}-Q${quarter}`,
        );
        if (!record) return null;
        const period = quarterPeriod(year, quarter, deps.timeZone);
        const to = localDate(new Date(period.end.getTime() - 1), deps.timeZone);
        return {
          status: record.status,
          count: record.qualifyingCount,
          activitiesUrl:
            `${deps.rootPath}/resources/Activity?filters.committeeId=${committee.id}` +
            `&filters.startsAt~~from=${localDate(period.start, deps.timeZone)}&filters.startsAt~~to=${to}`,
        };
      }),
    }));
    return data;
  };
}
