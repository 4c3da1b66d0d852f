import { sendWorkbook } from '../common/spreadsheet.js';
import { validateInput } from '../common/validation.js';
import type { DeputiesService } from '../modules/deputies/deputies.service.js';
import { deputyRoster } from '../modules/deputies/deputy-export.js';
import { ListDeputiesQuery } from '../modules/deputies/dto/deputy.dto.js';
import { adminPage, type AdminPage } from './admin-page.js';

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
export function deputyExport(deps: { deputies: DeputiesService; timeZone: string }): AdminPage {
  return adminPage({
    method: 'get',
    path: '/exports/Deputy.xlsx',
    kind: 'page',
    access: { resource: 'deputy', action: 'export' },
    refusal: '当前角色无权导出代表名册 / Your role may not export the deputy roster',
    handle: async ({ req, res, now }) => {
      const plain = Object.fromEntries(
        DEPUTY_FILTERS.filter(
          (key) => typeof req.query[key] === 'string' && req.query[key] !== '',
        ).map((key) => [key, req.query[key]]),
      );
      const query = await validateInput(ListDeputiesQuery, plain);
      const rows = await deps.deputies.exportAll(query);
      const roster = await deputyRoster(rows, deps.timeZone, now);
      sendWorkbook(res, roster.fileName, roster.body);
    },
  });
}
