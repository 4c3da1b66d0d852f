import type { ActionResponse, ResourceWithOptions } from 'adminjs';
import { DomainError } from '../../../common/errors.js';
import { formatInstant } from '../../../common/period.js';
import { can } from '../../../platform/access/permissions.js';
import { Clock } from '../../../common/clock.js';
import {
  actionsFor,
  allowed,
  scopeByColumn,
  type AdminActions,
  NO_GENERIC_WRITES,
} from '../../../admin/admin-access.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import type { AdminSessionUser } from '../../../admin/admin-session-user.js';
import { COMPONENTS } from '../../../admin/components/components.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { ScopedResource, ServiceResource } from '../../../admin/service-resource.js';
import { ManualRunsService, type ManualRun } from '../manual-runs.service.js';
import { CadenceRule } from '../cadence-rule.entity.js';
import { CadenceRulesService } from '../cadence-rules.service.js';
import { ComplianceRecord } from '../compliance-record.entity.js';
import { ComplianceService } from '../compliance.service.js';
import { UpdateCadenceRuleDto } from '../dto/cadence-rule.dto.js';

/** Status labels with a colour mark, since a list cell has no colour of its own. */
const STATUS_LABELS = { met: '🟢 达标', missed: '🔴 未达标', inProgress: '🟡 进行中' };
const PERIOD_LABELS = { week: '每周', month: '每月', quarter: '每季度', year: '每年' };
/** Whom a rule judges (CADENCE_SUBJECTS), as the rule's page shows it. */
const SUBJECT_LABELS = { subdistrictCommittee: '街道人大工委', station: '代表联络站' };
/** What a rule counts (CADENCE_MEASURES). */
const MEASURE_LABELS = {
  activities: '已举行的代表活动',
  receptions: '已举行的接待日',
  noticedReceptions: '按时公告的接待日',
  deputiesOnDuty: '进站接待的驻站代表（须全部进站）',
};

/** What the form of 立即检查 / 往期检查 asked for: a year, a range, or (neither) a check now. */
function requestedRange(
  payload: Record<string, unknown> = {},
): { from: string; to: string } | null {
  const text = (field: string): string => {
    const value = payload[field];
    return typeof value === 'string' ? value.trim() : '';
  };
  const year = text('year');
  if (year) return { from: year, to: year };
  if (text('from') || text('to')) return { from: text('from'), to: text('to') };
  return null;
}

/** The notice for a finished manual run, in the words of the job monitor. */
function runNotice(what: string, run: ManualRun): { message: string; type: 'success' | 'error' } {
  const { result } = run;
  if (result.status !== 'ran') {
    return {
      message: `${what}未完成：${result.status === 'failed' ? result.error : '已在运行'}`,
      type: 'error',
    };
  }
  const c = result.counts;
  const detail =
    'periods' in c
      ? `评定 ${c.periods} 个期间、${c.subjects ?? 0} 条记录（达标 ${c.met ?? 0}，未达标 ${c.missed ?? 0}，结果变化 ${c.changed ?? 0}），通知 ${c.notifications ?? 0} 条`
      : `结算 ${c.closed} 个期间，重新统计当前期间 ${c.current} 个工委`;
  return { message: `${what}完成：${detail}（运行记录 #${result.runId}）`, type: 'success' };
}

const HISTORY_LABELS = { met: '达标', missed: '未达标', inProgress: '进行中' };

/** 履职督促 › 活动频次规则 (with 立即检查 / 往期检查) and 达标记录 (with its evaluations). */
export const adminArea = defineAdminArea({
  inject: {
    cadenceRules: CadenceRulesService,
    manualRuns: ManualRunsService,
    clock: Clock,
    compliance: ComplianceService,
  },
  resources: ({ cadenceRules, manualRuns, clock, compliance }): ResourceWithOptions[] => {
    const timeZone = compliance.timeZone;
    const recordActions: AdminActions = actionsFor('complianceRecord', NO_GENERIC_WRITES);
    const ruleActions: AdminActions = actionsFor('cadenceRule', ['new', 'delete', 'bulkDelete']);
    return [
      {
        resource: new ServiceResource(CadenceRule, {
          scope: (_actor, where) => where,
          createDto: UpdateCadenceRuleDto,
          updateDto: UpdateCadenceRuleDto,
          create: () =>
            Promise.reject(new Error('rules for new subjects arrive with their modules')),
          update: (id, input) => cadenceRules.update(id, input),
          remove: () => Promise.reject(new Error('rules are disabled, not deleted')),
        }),
        options: {
          navigation: NAVIGATION.compliance,
          actions: {
            ...ruleActions,
            // 立即检查 / 往期检查: a form (year, or from/to quarters); empty = check now.
            runCheck: {
              actionType: 'resource',
              component: COMPONENTS.ComplianceCheck,
              icon: 'RefreshCw',
              isAccessible: allowed('cadenceRule', 'runCheck'),
              handler: async (request, response: { status(code: number): unknown }, context) => {
                const admin = context.currentAdmin as AdminSessionUser | undefined;
                const runner = `admin:${admin?.email ?? '-'}`;
                const range = requestedRange(request.payload);
                let run: ManualRun;
                try {
                  run = range
                    ? await manualRuns.evaluateRange(range, clock.now(), runner)
                    : await manualRuns.checkNow(clock.now(), runner);
                } catch (error) {
                  if (!(error instanceof DomainError)) throw error;
                  response.status(error.status);
                  const problems = error.details.map((d) => `${d.field}：${d.problem}`).join('；');
                  return { notice: { message: `${error.message}：${problems}`, type: 'error' } };
                }
                // Land in the job monitor on this run (its row shows what was done), or on the
                // rules for a role that may not read the monitor; never on a page it may not see.
                const seesRuns = can(admin?.role ?? null, 'jobRun', 'show');
                return {
                  redirectUrl: seesRuns
                    ? context.h.recordActionUrl({
                        resourceId: 'JobRun',
                        recordId: String(run.result.runId),
                        actionName: 'show',
                      })
                    : context.h.resourceUrl({ resourceId: 'CadenceRule' }),
                  notice: runNotice(
                    range ? `往期检查 ${range.from}–${range.to} ` : '立即检查',
                    run,
                  ),
                };
              },
            },
          },
          listProperties: ['id', 'name', 'subject', 'period', 'minCount', 'categories', 'enabled'],
          editProperties: [
            'name',
            'period',
            'minCount',
            'categories',
            'measure',
            'noticeDays',
            'reminderDays',
            'countingRule',
            'enabled',
          ],
          properties: {
            period: { availableValues: availableValues(PERIOD_LABELS) },
            countingRule: { type: 'textarea' },
            subject: {
              availableValues: availableValues(SUBJECT_LABELS),
              isVisible: { list: true, filter: true, show: true, edit: false },
            },
            measure: {
              availableValues: availableValues(MEASURE_LABELS),
              description: '须与对象相符：街道人大工委计活动，代表联络站计接待日或驻站代表',
            },
            noticeDays: { description: '“按时公告的接待日”：接待日前至少提前几天公告' },
            categories: {
              description: '逗号分隔的活动类别（如 meeting,training）；留空表示任何类别都计入',
            },
            reminderDays: { description: '到期前几天提醒，逗号分隔，如 30,14,7,1' },
          },
        },
      },
      {
        resource: new ScopedResource(ComplianceRecord, { scope: scopeByColumn('committeeId') }),
        options: {
          navigation: NAVIGATION.compliance,
          actions: {
            ...recordActions,
            // The show page lists the record's final evaluations, the earlier outcomes kept.
            show: {
              ...recordActions.show,
              after: async (response: ActionResponse) => {
                const params = (response.record as { params?: Record<string, unknown> } | undefined)
                  ?.params;
                if (!params) return response;
                const evaluations = await compliance.history({
                  ruleId: Number(params.ruleId),
                  subjectId: Number(params.subjectId ?? params.committeeId),
                  periodKey: String(params.periodKey),
                });
                params.history =
                  evaluations
                    .map(
                      (row) =>
                        `${formatInstant(row.evaluatedAt, timeZone).slice(0, 16).replace('T', ' ')} ` +
                        `${HISTORY_LABELS[row.status]}（${row.qualifyingCount} 次）` +
                        (row.previousStatus
                          ? `，原为${HISTORY_LABELS[row.previousStatus]}`
                          : '，首次评定') +
                        (row.notified ? '，已通知' : '') +
                        (row.runId ? `，运行记录 #${row.runId}` : ''),
                    )
                    .join('\n') || '（尚无结算评定）';
                return response;
              },
            },
          },
          sort: { sortBy: 'periodKey', direction: 'desc' },
          listProperties: [
            'committeeId',
            'ruleId',
            'subjectType',
            'subjectId',
            'periodKey',
            'status',
            'qualifyingCount',
            'evaluatedAt',
            'finalisedAt',
          ],
          filterProperties: ['committeeId', 'periodKey', 'status', 'ruleId', 'subjectType'],
          properties: {
            status: { availableValues: availableValues(STATUS_LABELS) },
            qualifyingActivityIds: { type: 'textarea' },
            history: {
              type: 'textarea',
              isVisible: { list: false, filter: false, show: true, edit: false },
            },
            // [M2] a record judges a committee or (station rules) a station: its id is subjectId.
            subjectType: { availableValues: availableValues(SUBJECT_LABELS) },
          },
        },
      },
    ];
  },
});
