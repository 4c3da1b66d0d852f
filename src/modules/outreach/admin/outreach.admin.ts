import type { ActionContext, ActionRequest, ActionResponse, ResourceWithOptions } from 'adminjs';
import { type FindOptionsWhere, In } from 'typeorm';
import { validateInput } from '../../../common/validation.js';
import { actionsFor, revealAction } from '../../../admin/admin-access.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { TIMELINE_PROPERTY, timelineText, withTimeline } from '../../../admin/timeline.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { ONE_TIME_VALUE, showOneTimeValue } from '../../../admin/one-time-values.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { choices } from '../../../admin/reference-choices.js';
import { workflowStepAction } from '../../../admin/workflow-step-action.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { ownedByCommittee, scopedWhere } from '../../../platform/access/record-scope.js';
import { Activity } from '../../activities/activity.entity.js';
import { DictionaryItem } from '../../dictionaries/dictionary-item.entity.js';
import { HandlingUnit } from '../../suggestions/handling-unit.entity.js';
import { Suggestion } from '../../suggestions/suggestion.entity.js';
import { HANDLING_UNIT_SCOPE, SUGGESTION_SCOPE } from '../../suggestions/suggestions.scopes.js';
import {
  CreateOutreachActivityDto,
  UpdateOutreachActivityDto,
} from '../dto/outreach-activity.dto.js';
import {
  CreateVoterIssueDto,
  UpdateVoterIssueDto,
  VoterIssueTransitionDto,
} from '../dto/voter-issue.dto.js';
import { OUTREACH_CATEGORY, OutreachActivitiesService } from '../outreach-activities.service.js';
import { OutreachActivity } from '../outreach-activity.entity.js';
import { OUTREACH_LABELS } from '../outreach.labels.js';
import { VoterIssue } from '../voter-issue.entity.js';
import {
  openSteps,
  SATISFACTIONS,
  VOTER_ISSUE_STEP_LABELS,
  type VoterIssueStatus,
  type VoterIssueStep,
} from '../voter-issue.rules.js';
import {
  ISSUE_CATEGORY_DICTIONARY,
  VOTER_PERSONAL_FIELDS,
  VoterIssuesService,
} from '../voter-issues.service.js';

const { values } = OUTREACH_LABELS;
const UPDATE_ACTIONS: Record<string, string> = values.voterIssueUpdateAction;
const STATUS_LABELS: Record<string, string> = values.voterIssueStatus;

/** Status badges: a list cell has no colour of its own. */
const STATUS_BADGES: Record<VoterIssueStatus, string> = {
  registered: `⚪ ${values.voterIssueStatus.registered}`,
  answered: `🟢 ${values.voterIssueStatus.answered}`,
  referred: `🔵 ${values.voterIssueStatus.referred}`,
  resolved: `🟢 ${values.voterIssueStatus.resolved}`,
  escalated: `🟣 ${values.voterIssueStatus.escalated}`,
  declined: `⚫ ${values.voterIssueStatus.declined}`,
};

const DATE = { name: 'on', label: '办理日期（默认今天）', type: 'date' };
const NOTE = { name: 'note', label: '说明（记入办理记录）', type: 'textarea' };
const SATISFACTION_WORDS = SATISFACTIONS.map((s) => values.satisfaction[s]).join(' / ');

/** The form of each step: the fields it records. */
const STEP_FORMS: Record<VoterIssueStep, { intro: string; fields: object[]; done: string }> = {
  answer: {
    intro: '当场答复：代表或工作人员当场答复了选民，计为已解决。',
    fields: [
      { name: 'resolution', label: '答复内容', type: 'textarea', required: true },
      DATE,
      NOTE,
    ],
    done: '已当场答复',
  },
  refer: {
    intro: '转交办理：交给承办单位办理并确定办理期限；已转交的可再次转交（新的一轮提醒）。',
    fields: [
      {
        name: 'handlingUnitId',
        label: '承办单位编号（见“承办单位”列表）',
        type: 'text',
        required: true,
      },
      { name: 'dueOn', label: '办理期限', type: 'date', required: true },
      DATE,
      NOTE,
    ],
    done: '已转交办理',
  },
  resolve: {
    intro: '解决：问题已经解决，填写解决情况。',
    fields: [
      { name: 'resolution', label: '解决情况', type: 'textarea', required: true },
      DATE,
      NOTE,
    ],
    done: '已解决',
  },
  escalate: {
    intro:
      '转为代表建议：填写新建议的标题（内容默认为问题描述，领衔代表默认为收集代表），或填写已有代表建议的编号，二者选一。',
    fields: [
      { name: 'suggestionTitle', label: '新建代表建议标题', type: 'text' },
      { name: 'suggestionId', label: '或：已有代表建议编号', type: 'text' },
      DATE,
      NOTE,
    ],
    done: '已转为代表建议',
  },
  decline: {
    intro: '不予采纳：须说明理由（反馈选民时告知）。',
    fields: [
      { name: 'reason', label: '不予采纳理由', type: 'textarea', required: true },
      DATE,
      NOTE,
    ],
    done: '已不予采纳',
  },
  feedback: {
    intro: '反馈选民：将办理结果告知选民并记录其满意度（不改变办理结果，只能反馈一次）。',
    fields: [
      {
        name: 'satisfaction',
        label: `选民满意度（${SATISFACTION_WORDS}）`,
        type: 'text',
        required: true,
      },
      { ...DATE, label: '反馈日期（默认今天）' },
      { ...NOTE, label: '反馈说明' },
    ],
    done: '已反馈选民',
  },
};
const STEP_ICONS: Record<VoterIssueStep, string> = {
  answer: 'MessageSquare',
  refer: 'Send',
  resolve: 'CheckCircle',
  escalate: 'ArrowUpCircle',
  decline: 'XCircle',
  feedback: 'PhoneCall',
};

/** What a step's form sent, as the API's transition body: '' is absent, words become codes. */
function stepInput(step: VoterIssueStep, payload: Record<string, unknown> = {}): object {
  const text = (field: string): string | undefined => {
    const value = payload[field];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const id = (field: string) => {
    const value = text(field);
    return value === undefined ? undefined : Number(value);
  };
  const satisfaction = text('satisfaction');
  const code = SATISFACTIONS.find(
    (s) => s === satisfaction || values.satisfaction[s] === satisfaction,
  );
  const title = text('suggestionTitle');
  const input: Record<string, unknown> = {
    action: step,
    on: text('on'),
    note: text('note'),
    resolution: text('resolution'),
    handlingUnitId: id('handlingUnitId'),
    dueOn: text('dueOn'),
    suggestionId: id('suggestionId'),
    suggestion: title === undefined ? undefined : { title },
    reason: text('reason'),
    satisfaction: satisfaction === undefined ? undefined : (code ?? satisfaction),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/**
 * One step as a record action with a form: open from the states `openSteps` allows (feedback once
 * from a reached outcome); sending it validates with the API's DTO and runs
 * VoterIssuesService.transition — the API's use case.
 */
const stepAction = (issues: VoterIssuesService, step: VoterIssueStep) =>
  workflowStepAction({
    resource: 'voterIssue',
    step,
    form: {
      ...STEP_FORMS[step],
      submitLabel: VOTER_ISSUE_STEP_LABELS[step],
      icon: STEP_ICONS[step],
    },
    isOpen: (params) =>
      openSteps({
        status: params.status as VoterIssueStatus,
        feedbackOn:
          typeof params.feedbackOn === 'string' && params.feedbackOn ? params.feedbackOn : null,
      }).includes(step),
    run: async (id, payload) => {
      const { action: _action, ...fields } = await validateInput(
        VoterIssueTransitionDto,
        stepInput(step, payload),
      );
      await issues.transition(id, step, fields);
    },
  });

/** A picker of the actor's activities of the given categories (visits, forums, receptions). */
const activityChoices = (id: string, category: FindOptionsWhere<DictionaryItem>['category']) =>
  choices(
    id,
    Activity,
    { scope: (actor, where) => scopedWhere(where, ownedByCommittee<Activity>(), actor) },
    { kind: { category } },
    { property: 'title', sortBy: 'startsAt' },
  );

/** 联系选民 › 走访座谈, 选民意见 (with its steps and 查看完整信息); and their pickers. */
export const adminArea = defineAdminArea({
  inject: { outreachActivities: OutreachActivitiesService, issues: VoterIssuesService },
  resources: ({ outreachActivities, issues }, { timeZone }): ResourceWithOptions[] => {
    const issueActions = actionsFor('voterIssue');
    return [
      {
        resource: new ServiceResource(
          OutreachActivity,
          bindRecordService(
            outreachActivities,
            CreateOutreachActivityDto,
            UpdateOutreachActivityDto,
          ),
        ),
        options: {
          navigation: NAVIGATION.outreach,
          listProperties: ['id', 'activityId', 'votersReached', 'officialsCount', 'residentsCount'],
          filterProperties: ['activityId'],
          editProperties: [
            'activityId',
            'votersReached',
            'officialsCount',
            'residentsCount',
            'otherParticipantsNote',
            'notes',
          ],
          sort: { sortBy: 'id', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            activityId: { reference: 'OutreachActivityChoice', isTitle: true },
            notes: { type: 'textarea' },
          },
        },
      },
      {
        resource: new ServiceResource(
          VoterIssue,
          bindRecordService(
            issues,
            CreateVoterIssueDto,
            UpdateVoterIssueDto,
            VOTER_PERSONAL_FIELDS,
          ),
        ),
        options: {
          navigation: NAVIGATION.outreach,
          actions: {
            ...issueActions,
            // The record's page shows its timeline (办理记录), oldest first, and a one-time reveal.
            show: {
              ...issueActions.show,
              after: async (
                response: ActionResponse,
                request: ActionRequest,
                context: ActionContext,
              ) => {
                const shown = await showOneTimeValue(response, request, context);
                return withTimeline(shown, async (id) =>
                  timelineText(await issues.timeline(id), {
                    timeZone,
                    labels: UPDATE_ACTIONS,
                    detail: (entry) =>
                      `（${entry.fromStatus ? `${STATUS_LABELS[entry.fromStatus] ?? entry.fromStatus} → ` : ''}${STATUS_LABELS[entry.toStatus] ?? entry.toStatus}）`,
                    empty: '（尚无办理记录）',
                  }),
                );
              },
            },
            reveal: revealAction('voterIssue', {
              voterName: '选民姓名',
              voterPhone: '联系电话',
              voterAddress: '住址',
            }),
            answer: stepAction(issues, 'answer'),
            refer: stepAction(issues, 'refer'),
            resolve: stepAction(issues, 'resolve'),
            escalate: stepAction(issues, 'escalate'),
            decline: stepAction(issues, 'decline'),
            feedback: stepAction(issues, 'feedback'),
          },
          listProperties: [
            'id',
            'description',
            'source',
            'voterName',
            'voterPhone',
            'categoryId',
            'communityId',
            'receivedOn',
            'status',
            'feedbackOn',
          ],
          filterProperties: [
            'committeeId',
            'status',
            'source',
            'categoryId',
            'communityId',
            'deputyId',
            'receivedOn',
            'dueOn',
          ],
          editProperties: [
            'committeeId',
            'source',
            'activityId',
            'voterName',
            'voterPhone',
            'voterAddress',
            'communityId',
            'deputyId',
            'categoryId',
            'description',
            'receivedOn',
          ],
          showProperties: [
            'id',
            'committeeId',
            'source',
            'activityId',
            'voterName',
            'voterPhone',
            'voterAddress',
            'communityId',
            'deputyId',
            'categoryId',
            'description',
            'receivedOn',
            'status',
            'handlingUnitId',
            'referredOn',
            'dueOn',
            'referralCount',
            'resolution',
            'suggestionId',
            'declineReason',
            'closedOn',
            'feedbackOn',
            'satisfaction',
            'feedbackNote',
            ONE_TIME_VALUE,
            'timeline',
            'createdAt',
            'updatedAt',
          ],
          sort: { sortBy: 'receivedOn', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            description: { type: 'textarea', isTitle: true },
            status: { availableValues: availableValues(STATUS_BADGES) },
            source: { availableValues: availableValues(values.voterIssueSource) },
            satisfaction: { availableValues: availableValues(values.satisfaction) },
            activityId: { reference: 'VoterIssueActivityChoice' },
            categoryId: { reference: 'VoterIssueCategory' },
            handlingUnitId: { reference: 'VoterIssueHandlingUnit' },
            suggestionId: { reference: 'VoterIssueSuggestion' },
            voterPhoneHash: { isVisible: false },
            resolution: { type: 'textarea' },
            [ONE_TIME_VALUE]: {
              type: 'string',
              isVisible: { list: false, filter: false, show: true, edit: false },
            },
            timeline: TIMELINE_PROPERTY,
          },
        },
      },
      activityChoices('OutreachActivityChoice', OUTREACH_CATEGORY),
      activityChoices('VoterIssueActivityChoice', In([OUTREACH_CATEGORY, 'station'])),
      // The unit and the suggestion shown by name on an issue (the suggestions area's records).
      choices(
        'VoterIssueHandlingUnit',
        HandlingUnit,
        {
          scope: (actor, where) => scopedWhere(where, HANDLING_UNIT_SCOPE, actor),
          hiddenFields: ['contactPhone', 'contactPhoneHash'],
        },
        {},
        { property: 'name' },
      ),
      choices(
        'VoterIssueSuggestion',
        Suggestion,
        { scope: (actor, where) => scopedWhere(where, SUGGESTION_SCOPE, actor) },
        {},
        { property: 'title', sortBy: 'id' },
      ),
      choices(
        'VoterIssueCategory',
        DictionaryItem,
        { scope: (_actor, where) => where },
        { dictionary: { code: ISSUE_CATEGORY_DICTIONARY }, enabled: true },
        { property: 'label', sortBy: 'sortOrder' },
      ),
    ];
  },
});
