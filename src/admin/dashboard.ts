import type { PageHandler } from 'adminjs';
import type { Clock } from '../common/clock.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { localDate } from '../common/period.js';
import { currentActor } from '../platform/access/actor.js';
import type { NotificationsRepository } from '../modules/notifications/notifications.repository.js';
import { COMPLIANCE_GRID_PATH } from './compliance-grid.page.js';
import { OVERVIEW_PATH } from './overview.page.js';
import { can } from '../platform/access/permissions.js';
import { quarterGrid, type GridSources, type QuarterRow } from './quarter-grid.js';

export interface DashboardData {
  unread: number;
  notificationsUrl: string;
  year: number;
  gridUrl: string;
  /** 年度统计总览; null when the role may not see the reports. */
  overviewUrl: string | null;
  /** Null when the role may not see compliance (the administrators). */
  grid: QuarterRow[] | null;
}

/** 首页 data: unread notifications and this year's quarters, within the user's committees. */
export function dashboardHandler(
  deps: GridSources & { clock: Clock; notifications: NotificationsRepository },
): PageHandler {
  return async () => {
    const actor = currentActor();
    const year = Number(localDate(deps.clock.now(), deps.timeZone).slice(0, 4));
    const data: DashboardData = {
      unread: await deps.notifications.unreadInAppCount(actor.id ?? -1),
      notificationsUrl: `${deps.rootPath}/resources/Notification`,
      year,
      gridUrl: `${deps.rootPath}${COMPLIANCE_GRID_PATH}?year=${year}`,
      overviewUrl: can(actor.role, 'report', 'show')
        ? `${deps.rootPath}${OVERVIEW_PATH}?year=${year}`
        : null,
      grid: null,
    };
    try {
      data.grid = await quarterGrid(deps, year);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.Forbidden)) throw error;
    }
    return data;
  };
}
