import type { ActionContext, ActionRequest, ActionResponse, ResourceWithOptions } from 'adminjs';
import { IsNull } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/errors.js';
import { formatInstant } from '../../common/period.js';
import { can } from '../../platform/access/permissions.js';
import { CadenceRule } from '../../modules/compliance/cadence-rule.entity.js';
import { CadenceRulesService } from '../../modules/compliance/cadence-rules.service.js';
import { ComplianceRecord } from '../../modules/compliance/compliance-record.entity.js';
import { ComplianceService } from '../../modules/compliance/compliance.service.js';
import { UpdateCadenceRuleDto } from '../../modules/compliance/dto/cadence-rule.dto.js';
import { JobRun } from '../../modules/jobs/job-run.entity.js';
import { JobsScheduler } from '../../modules/jobs/jobs.scheduler.js';
import { ManualRunsService, type ManualRun } from '../../modules/compliance/manual-runs.service.js';
import { JOBS } from '../../modules/jobs/schedule.js';
import { Notification } from '../../modules/notifications/notification.entity.js';
import {
  actionsFor,
  allowed,
  scopeByColumn,
  scopeWholeSystemOnly,
  type AdminActions,
} from '../admin-access.js';
import type { AdminSessionUser } from '../admin-session-user.js';
import { availableValues, NAVIGATION } from '../locale/zh-CN.js';
import { ScopedResource, ServiceResource } from '../service-resource.js';
import { COMPONENTS } from '../components/components.js';

export interface ComplianceServices {
  cadenceRules: CadenceRulesService;
  manualRuns: ManualRunsService;
  scheduler: JobsScheduler;
  clock: Clock;
  compliance: ComplianceService;
}

/** Status labels with a colour mark, since a list cell has no colour of its own. */
const STATUS_LABELS = { met: '🟢 达标', missed: '🔴 未达标', inProgress: '🟡 进行中' };
const OUTCOME_LABELS = { running: '运行中', succeeded: '成功', failed: '失败' };
const PERIOD_LABELS = { week: '每周', month: '每月', quarter: '每季度', year: '每年' };
// Chinese only: AdminJS runs a label through startCase, which mangled the CLI name beside it
// ("期末结算（period Close）"); the CLI's help lists the names.
const JOB_LABELS = Object.fromEntries(Object.values(JOBS).map((job) => [job.name, job.label]));
const READ_ONLY = ['new', 'edit', 'delete', 'bulkDelete'] as const;

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

/** Notifications are each user's own: the in-app ones addressed to the person logged in. */
const ownNotifications = (actor: { id: number | null }, where: object) => ({
  ...where,
  recipientUserId: actor.id ?? -1,
  channel: 'inApp' as const,
});

export function complianceResources(services: ComplianceServices): ResourceWithOptions[] {
  const { cadenceRules, manualRuns, scheduler, clock, compliance } = services;
  const timeZone = compliance.timeZone;
  const recordActions: AdminActions = actionsFor('complianceRecord', READ_ONLY);
  const ruleActions: AdminActions = actionsFor('cadenceRule', ['new', 'delete', 'bulkDelete']);
  const notificationActions: AdminActions = actionsFor('notification', READ_ONLY);
  return [
    {
      resource: new ServiceResource(CadenceRule, {
        scope: (_actor, where) => where,
        createDto: UpdateCadenceRuleDto,
        updateDto: UpdateCadenceRuleDto,
        create: () => Promise.reject(new Error('rules for new subjects arrive with their modules')),
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
                notice: runNotice(range ? `往期检查 ${range.from}–${range.to} ` : '立即检查', run),
              };
            },
          },
        },
        listProperties: ['id', 'name', 'period', 'minCount', 'categories', 'enabled'],
        editProperties: [
          'name',
          'period',
          'minCount',
          'categories',
          'reminderDays',
          'countingRule',
          'enabled',
        ],
        properties: {
          period: { availableValues: availableValues(PERIOD_LABELS) },
          countingRule: { type: 'textarea' },
          subject: { isVisible: { list: false, filter: false, show: true, edit: false } },
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
          'periodKey',
          'status',
          'qualifyingCount',
          'evaluatedAt',
          'finalisedAt',
        ],
        filterProperties: ['committeeId', 'periodKey', 'status', 'ruleId'],
        properties: {
          status: { availableValues: availableValues(STATUS_LABELS) },
          qualifyingActivityIds: { type: 'textarea' },
          history: {
            type: 'textarea',
            isVisible: { list: false, filter: false, show: true, edit: false },
          },
          subjectType: { isVisible: false },
          subjectId: { isVisible: false },
        },
      },
    },
    {
      resource: new ScopedResource(JobRun, {
        scope: scopeWholeSystemOnly,
        derive: (params) => ({
          nextRunAt: scheduler.nextRun(String(params.job))?.toISOString() ?? null,
        }),
      }),
      options: {
        navigation: NAVIGATION.system,
        actions: actionsFor('jobRun', READ_ONLY),
        sort: { sortBy: 'id', direction: 'desc' },
        listProperties: [
          'job',
          'runKey',
          'startedAt',
          'finishedAt',
          'outcome',
          'attempts',
          'takenOverFrom',
          'counts',
          'nextRunAt',
        ],
        filterProperties: ['job', 'runKey', 'outcome', 'startedAt'],
        properties: {
          job: { availableValues: availableValues(JOB_LABELS) },
          outcome: { availableValues: availableValues(OUTCOME_LABELS) },
          nextRunAt: { type: 'datetime', isSortable: false },
          error: { type: 'textarea' },
        },
      },
    },
    {
      resource: new ScopedResource(Notification, {
        scope: ownNotifications,
        hiddenFields: ['dedupeKey', 'recipientAddress'],
      }),
      options: {
        navigation: NAVIGATION.compliance,
        actions: {
          ...notificationActions,
          // Opening a notification marks it read.
          show: {
            ...notificationActions.show,
            after: async (
              response: ActionResponse,
              _request: ActionRequest,
              context: ActionContext,
            ) => {
              const id = Number(context.record?.id());
              if (id) await Notification.update({ id, readAt: IsNull() }, { readAt: clock.now() });
              return response;
            },
          },
        },
        sort: { sortBy: 'id', direction: 'desc' },
        listProperties: ['createdAt', 'title', 'readAt'],
        showProperties: ['title', 'body', 'createdAt', 'readAt'],
        filterProperties: ['kind', 'readAt', 'createdAt'],
        properties: { body: { type: 'textarea' } },
      },
    },
  ];
}
