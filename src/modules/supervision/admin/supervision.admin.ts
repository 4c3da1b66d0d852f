import type { ActionResponse, ResourceWithOptions } from 'adminjs';
import { IsInt, Min } from 'class-validator';
import { OPINION_UPDATE_SCOPE } from '../supervision.scopes.js';
import { Clock } from '../../../common/clock.js';
import { localDate } from '../../../common/period.js';
import { validateInput } from '../../../common/validation.js';
import { actionsFor } from '../../../admin/admin-access.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { TIMELINE_PROPERTY, timelineText, withTimeline } from '../../../admin/timeline.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { choices } from '../../../admin/reference-choices.js';
import { workflowStepAction } from '../../../admin/workflow-step-action.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { ownedByCommittee, scopedWhere } from '../../../platform/access/record-scope.js';
import { allowedActions } from '../../../platform/records/workflow.js';
import { Activity } from '../../activities/activity.entity.js';
import { DictionaryItem } from '../../dictionaries/dictionary-item.entity.js';
import {
  CreateOpinionDto,
  OpinionNoteDto,
  OpinionTransitionDto,
  UpdateOpinionDto,
} from '../dto/opinion.dto.js';
import {
  CreateSupervisionActivityDto,
  UpdateSupervisionActivityDto,
} from '../dto/supervision-activity.dto.js';
import { Opinion } from '../opinion.entity.js';
import { OpinionUpdate } from '../opinion-update.entity.js';
import { OpinionUpdatesService } from '../opinion-updates.service.js';
import {
  OPINION_STEP_LABELS,
  OPINION_WORKFLOW,
  overdue,
  type OpinionAction,
  type OpinionStatus,
} from '../opinion.rules.js';
import { OpinionsService } from '../opinions.service.js';
import {
  SUPERVISION_AREA_DICTIONARY,
  SUPERVISION_CATEGORY,
  SupervisionActivitiesService,
} from '../supervision-activities.service.js';
import { SupervisionActivity } from '../supervision-activity.entity.js';
import { SUPERVISION_LABELS } from '../supervision.labels.js';

const { values } = SUPERVISION_LABELS;
const UPDATE_ACTIONS: Record<string, string> = values.opinionUpdateAction;

/** Status badges: a list cell has no colour of its own. */
const STATUS_BADGES: Record<OpinionStatus, string> = {
  open: `⚪ ${values.opinionStatus.open}`,
  assigned: `🔵 ${values.opinionStatus.assigned}`,
  inProgress: `🟡 ${values.opinionStatus.inProgress}`,
  done: `🟢 ${values.opinionStatus.done}`,
  closed: `⚫ ${values.opinionStatus.closed}`,
};

/** The form of each workflow step: the fields it records (a note goes to the timeline). */
const NOTE = { name: 'note', label: '办理说明（记入办理进展）', type: 'textarea' };
const STEP_FORMS: Record<OpinionAction, { intro: string; fields: object[]; done: string }> = {
  assign: {
    intro: '交办：将意见建议交给责任单位办理，并确定办理期限（不早于提出日期）。',
    fields: [
      { name: 'responsibleUnit', label: '责任单位', type: 'text', required: true },
      { name: 'dueOn', label: '办理期限', type: 'date', required: true },
      NOTE,
    ],
    done: '已交办',
  },
  start: {
    intro: '开始办理：责任单位已着手办理。',
    fields: [NOTE],
    done: '已开始办理',
  },
  finish: {
    intro: '办结：填写办结日期（不早于提出日期，不晚于今天）。',
    fields: [{ name: 'completedOn', label: '办结日期', type: 'date', required: true }, NOTE],
    done: '已办结',
  },
  close: {
    intro: '关闭：未办结的意见建议不再办理时关闭，须说明原因。已办结的不能关闭。',
    fields: [{ name: 'reason', label: '关闭原因', type: 'textarea', required: true }, NOTE],
    done: '已关闭',
  },
};
const STEP_ICONS: Record<OpinionAction, string> = {
  assign: 'Send',
  start: 'Play',
  finish: 'CheckCircle',
  close: 'XCircle',
};

/** What the step's form sent: its fields, '' read as absent. */
function stepInput(payload: Record<string, unknown> = {}): Record<string, string> {
  const input: Record<string, string> = {};
  for (const field of ['responsibleUnit', 'dueOn', 'completedOn', 'reason', 'note']) {
    const value = payload[field];
    if (typeof value === 'string' && value.trim() !== '') input[field] = value.trim();
  }
  return input;
}

/**
 * One workflow step as a record action with a form (WorkflowStep): open from the states the step
 * may start from; sending it runs OpinionsService.transition — the same use case as the API.
 */
const stepAction = (opinions: OpinionsService, action: OpinionAction) =>
  workflowStepAction({
    resource: 'opinion',
    step: action,
    form: {
      ...STEP_FORMS[action],
      submitLabel: OPINION_STEP_LABELS[action],
      icon: STEP_ICONS[action],
    },
    isOpen: (params) => allowedActions(OPINION_WORKFLOW, params.status).includes(action),
    run: async (id, payload) => {
      const { action: _action, ...fields } = await validateInput(OpinionTransitionDto, {
        action,
        ...stepInput(payload),
      });
      await opinions.transition(id, action, fields);
    },
  });

/** The admin form of a timeline note names its opinion; the API takes it from the path. */
export class OpinionNoteForm extends OpinionNoteDto {
  @IsInt()
  @Min(1)
  opinionId: number;
}

/** 监督工作 › 监督活动, 意见建议 (with its workflow steps), 办理进展; and their pickers. */
export const adminArea = defineAdminArea({
  inject: {
    supervisionActivities: SupervisionActivitiesService,
    opinions: OpinionsService,
    updates: OpinionUpdatesService,
    clock: Clock,
  },
  resources: (
    { supervisionActivities, opinions, updates, clock },
    { timeZone },
  ): ResourceWithOptions[] => {
    const opinionActions = actionsFor('opinion');
    return [
      {
        resource: new ServiceResource(
          SupervisionActivity,
          bindRecordService(
            supervisionActivities,
            CreateSupervisionActivityDto,
            UpdateSupervisionActivityDto,
          ),
        ),
        options: {
          navigation: NAVIGATION.supervision,
          listProperties: ['id', 'activityId', 'areaId', 'subject'],
          filterProperties: ['activityId', 'areaId', 'subject'],
          sort: { sortBy: 'id', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            subject: { isTitle: true },
            activityId: { reference: 'SupervisionActivityChoice' },
            areaId: { reference: 'SupervisionArea' },
            findings: { type: 'textarea' },
          },
        },
      },
      {
        resource: new ServiceResource(Opinion, {
          ...bindRecordService(opinions, CreateOpinionDto, UpdateOpinionDto),
          derive: (params) => ({
            overdue: overdue(
              {
                status: params.status as OpinionStatus,
                dueOn: typeof params.dueOn === 'string' ? params.dueOn : null,
              },
              localDate(clock.now(), timeZone),
            )
              ? '⚠️ 已逾期'
              : '',
          }),
        }),
        options: {
          navigation: NAVIGATION.supervision,
          actions: {
            ...opinionActions,
            // The record's page shows its timeline (办理进展), oldest first.
            show: {
              ...opinionActions.show,
              after: (response: ActionResponse) =>
                withTimeline(response, async (id) =>
                  timelineText(await updates.list(id), {
                    timeZone,
                    labels: UPDATE_ACTIONS,
                    empty: '（尚无办理进展）',
                  }),
                ),
            },
            assign: stepAction(opinions, 'assign'),
            start: stepAction(opinions, 'start'),
            finish: stepAction(opinions, 'finish'),
            close: stepAction(opinions, 'close'),
          },
          listProperties: [
            'id',
            'content',
            'responsibleUnit',
            'raisedOn',
            'dueOn',
            'status',
            'overdue',
          ],
          filterProperties: ['supervisionActivityId', 'committeeId', 'status', 'dueOn', 'raisedOn'],
          editProperties: [
            'supervisionActivityId',
            'content',
            'responsibleUnit',
            'raisedOn',
            'dueOn',
          ],
          showProperties: [
            'id',
            'supervisionActivityId',
            'committeeId',
            'content',
            'responsibleUnit',
            'raisedOn',
            'dueOn',
            'status',
            'overdue',
            'completedOn',
            'closeReason',
            'timeline',
            'createdAt',
            'updatedAt',
          ],
          sort: { sortBy: 'raisedOn', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            content: { type: 'textarea', isTitle: true },
            status: { availableValues: availableValues(STATUS_BADGES) },
            overdue: { type: 'string', isSortable: false },
            timeline: TIMELINE_PROPERTY,
          },
        },
      },
      {
        resource: new ServiceResource(OpinionUpdate, {
          scope: (actor, where) => scopedWhere(where, OPINION_UPDATE_SCOPE, actor),
          createDto: OpinionNoteForm,
          updateDto: OpinionNoteDto,
          create: (input) => {
            const { opinionId, note } = input as OpinionNoteForm;
            return updates.addNote(opinionId, note);
          },
          update: (id, input) => updates.editNote(id, (input as OpinionNoteDto).note),
          remove: () => Promise.reject(new Error('timeline entries are kept')),
        }),
        options: {
          navigation: NAVIGATION.supervision,
          listProperties: ['id', 'opinionId', 'at', 'actorName', 'action', 'note'],
          filterProperties: ['opinionId', 'at', 'actorName', 'action'],
          editProperties: ['opinionId', 'note'],
          sort: { sortBy: 'at', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            action: { availableValues: availableValues(values.opinionUpdateAction) },
            note: { type: 'textarea' },
          },
        },
      },
      choices(
        'SupervisionActivityChoice',
        Activity,
        { scope: (actor, where) => scopedWhere(where, ownedByCommittee<Activity>(), actor) },
        { kind: { category: SUPERVISION_CATEGORY } },
        { property: 'title', sortBy: 'startsAt' },
      ),
      choices(
        'SupervisionArea',
        DictionaryItem,
        { scope: (_actor, where) => where },
        { dictionary: { code: SUPERVISION_AREA_DICTIONARY }, enabled: true },
        { property: 'label', sortBy: 'sortOrder' },
      ),
    ];
  },
});
