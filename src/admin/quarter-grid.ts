import { localDate, quarterPeriod } from '../common/period.js';
import type { CommitteesService } from '../modules/committees/committees.service.js';
import type { ComplianceStatus } from '../modules/compliance/compliance-record.entity.js';
import type { ComplianceService } from '../modules/compliance/compliance.service.js';

/** One committee's quarter: its status and count, and the list of the activities that counted. */
export interface QuarterCell {
  status: ComplianceStatus;
  count: number;
  final: boolean;
  activitiesUrl: string;
}

export interface QuarterRow {
  committeeId: number;
  committee: string;
  /** Q1–Q4; null where the quarter has not been evaluated. */
  quarters: (QuarterCell | null)[];
}

export interface GridSources {
  rootPath: string;
  timeZone: string;
  compliance: ComplianceService;
  committees: CommitteesService;
}

/**
 * 季度达标: the year's committees × quarters within the current actor's committees (the
 * compliance API's permission and scope; a role without it gets its 403), for the home page and
 * the year grid alike.
 */
export async function quarterGrid(sources: GridSources, year: number): Promise<QuarterRow[]> {
  const { rootPath, timeZone } = sources;
  const records = await sources.compliance.forYear(year);
  const ids = [...new Set(records.map((record) => record.committeeId))];
  const committees = await sources.committees.inNameOrder(ids);
  return committees.map((committee) => ({
    committeeId: committee.id,
    committee: committee.name,
    quarters: [1, 2, 3, 4].map((quarter) => {
      const record = records.find(
        (r) => r.committeeId === committee.id && r.period.key === `${year}-Q${quarter}`,
      );
      if (!record) return null;
      const period = quarterPeriod(year, quarter, timeZone);
      const to = localDate(new Date(period.end.getTime() - 1), timeZone);
      return {
        status: record.status,
        count: record.count,
        final: record.final,
        activitiesUrl:
          `${rootPath}/resources/Activity?filters.committeeId=${committee.id}` +
          `&filters.startsAt~~from=${localDate(period.start, timeZone)}&filters.startsAt~~to=${to}`,
      };
    }),
  }));
}
