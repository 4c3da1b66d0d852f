import type { PageHandler } from 'adminjs';
import type { DataSource } from 'typeorm';
import type { Clock } from '../common/clock.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { localDate } from '../common/period.js';
import { currentActor } from '../platform/access/actor.js';
import type { ComplianceService } from '../modules/compliance/compliance.service.js';
import { COMPLIANCE_GRID_PATH } from './compliance-grid.page.js';
import { quarterGrid, unreadCount, type QuarterRow } from './quarter-grid.js';

export interface DashboardData {
  unread: number;
  notificationsUrl: string;
  year: number;
  gridUrl: string;
  /** Null when the role may not see compliance (the administrators). */
  grid: QuarterRow[] | null;
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
    const data: DashboardData = {
      unread: await unreadCount(deps.dataSource, actor.id ?? -1),
      notificationsUrl: `${deps.rootPath}/resources/Notification`,
      year,
      gridUrl: `${deps.rootPath}${COMPLIANCE_GRID_PATH}?year=${year}`,
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
