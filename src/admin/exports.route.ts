import type { NextFunction, Request, Response, Router } from 'express';
import { DomainError, ErrorCode } from '../common/errors.js';
import { sendWorkbook } from '../common/spreadsheet.js';
import { validateInput } from '../common/validation.js';
import type { AuditTrail } from '../platform/audit/audit-trail.service.js';
import type { DeputiesService } from '../modules/deputies/deputies.service.js';
import { deputyRoster } from '../modules/deputies/deputy-export.js';
import { ListDeputiesQuery } from '../modules/deputies/dto/deputy.dto.js';
import type { Clock } from '../common/clock.js';

/** The list filters an export honours (AdminJS's filter names are the query's field names). */
const DEPUTY_FILTERS = [
  'name',
  'committeeId',
  'communityId',
  'groupId',
  'termId',
  'level',
  'status',
];

/**
 * GET /admin/exports/Deputy.xlsx?committeeId=…: the panel's 导出, through the same use case as
 * the API (permission, committee scope, masking, audit). Reached from the list's 导出 action.
 */
export function addExports(
  router: Router,
  deps: { deputies: DeputiesService; audit: AuditTrail; timeZone: string; clock: Clock },
): void {
  router.get('/exports/Deputy.xlsx', async (req: Request, res: Response, next: NextFunction) => {
    if (!req.session.adminUser) return res.redirect('/admin/login');
    try {
      const plain = Object.fromEntries(
        DEPUTY_FILTERS.filter(
          (key) => typeof req.query[key] === 'string' && req.query[key] !== '',
        ).map((key) => [key, req.query[key]]),
      );
      const query = await validateInput(ListDeputiesQuery, plain);
      const rows = await deps.deputies.exportAll(query);
      const roster = await deputyRoster(rows, deps.timeZone, deps.clock.now());
      sendWorkbook(res, roster.fileName, roster.body);
    } catch (error) {
      if (!(error instanceof DomainError)) return next(error);
      if (error.code === ErrorCode.Forbidden) {
        await deps.audit.recordAlone({
          action: 'denied',
          outcome: 'denied',
          objectType: 'deputy',
          detail: { action: 'export', path: req.path },
        });
      }
      res.status(error.status).type('text/plain; charset=utf-8').send(error.message);
    }
  });
}
