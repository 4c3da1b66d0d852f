import type { ActionContext, ActionRequest, ActionResponse, ResourceWithOptions } from 'adminjs';
import { IsNull } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { CadenceRule } from '../../modules/compliance/cadence-rule.entity.js';
import { CadenceRulesService } from '../../modules/compliance/cadence-rules.service.js';
import { ComplianceRecord } from '../../modules/compliance/compliance-record.entity.js';
import { UpdateCadenceRuleDto } from '../../modules/compliance/dto/cadence-rule.dto.js';
import { JobRun } from '../../modules/jobs/job-run.entity.js';
import { JobsScheduler } from '../../modules/jobs/jobs.scheduler.js';
import { JobsService } from '../../modules/jobs/jobs.service.js';
import { JOBS } from '../../modules/jobs/schedule.js';
import { Notification } from '../../modules/notifications/notification.entity.js';
import {
  actionsFor,
  allowed,
  scopeByColumn,
  scopeWholeSystemOnly,
  type AdminActions,
} from '../admin-access.js';
import type { AdminSessionUser } from '../admin-express.loader.js';
import { availableValues, NAVIGATION } from '../locale/zh-CN.js';
import { ScopedResource, ServiceResource } from '../service-resource.js';

export interface ComplianceServices {
  cadenceRules: CadenceRulesService;
  jobs: JobsService;
  scheduler: JobsScheduler;
  clock: Clock;
}

/** Status labels with a colour mark, since a list cell has no colour of its own. */
const STATUS_LABELS = { met: '🟢 达标', missed: '🔴 未达标', inProgress: '🟡 进行中' };
const OUTCOME_LABELS = { running: '运行中', succeeded: '成功', failed: '失败' };
const PERIOD_LABELS = { week: '每周', month: '每月', quarter: '每季度', year: '每年' };
const JOB_LABELS = Object.fromEntries(
  Object.values(JOBS).map((job) => [job.name, `${job.label}（${job.name}）`]),
);
const READ_ONLY = ['new', 'edit', 'delete', 'bulkDelete'] as const;

/** Notifications are each user's own: the in-app ones addressed to the person logged in. */
const ownNotifications = (actor: { id: number | null }, where: object) => ({
  ...where,
  recipientUserId: actor.id ?? -1,
  channel: 'inApp' as const,
});

export function complianceResources(services: ComplianceServices): ResourceWithOptions[] {
  const { cadenceRules, jobs, scheduler, clock } = services;
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
          runCheck: {
            actionType: 'record',
            component: false,
            icon: 'RefreshCw',
            guard: '立即结算已结束的期间并重新统计当前期间？',
            isAccessible: allowed('cadenceRule', 'runCheck'),
            handler: async (_request, _response, context) => {
              const admin = context.currentAdmin as AdminSessionUser | undefined;
              const result = await jobs.checkNow(clock.now(), `admin:${admin?.email ?? '-'}`);
              return {
                record: context.record?.toJSON(context.currentAdmin),
                redirectUrl: context.h.resourceUrl({ resourceId: 'ComplianceRecord' }),
                notice: {
                  message: `已检查：结算 ${result.closed} 个期间，重新统计当前期间 ${result.current} 个工委`,
                  type: 'success',
                },
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
        actions: actionsFor('complianceRecord', READ_ONLY),
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
