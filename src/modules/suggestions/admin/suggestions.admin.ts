import type { ActionResponse, ResourceWithOptions } from 'adminjs';
import { validateInput } from '../../../common/validation.js';
import { actionsFor, revealAction, type AdminActions } from '../../../admin/admin-access.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { workflowStepAction } from '../../../admin/workflow-step-action.js';
import { TIMELINE_PROPERTY, timelineText, withTimeline } from '../../../admin/timeline.js';
import { availableValues } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { choices } from '../../../admin/reference-choices.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { scopedWhere } from '../../../platform/access/record-scope.js';
import { allowedActions } from '../../../platform/records/workflow.js';
import { DictionaryItem } from '../../dictionaries/dictionary-item.entity.js';
import { CreateHandlingUnitDto, UpdateHandlingUnitDto } from '../dto/handling-unit.dto.js';
import {
  CreateSuggestionDto,
  SuggestionTransitionDto,
  SuperviseSuggestionDto,
  UpdateSuggestionDto,
} from '../dto/suggestion.dto.js';
import { HandlingUnit } from '../handling-unit.entity.js';
import { HandlingUnitsService } from '../handling-units.service.js';
import { Suggestion } from '../suggestion.entity.js';
import { SuggestionUpdate } from '../suggestion-update.entity.js';
import {
  OPEN_STATUSES,
  SUGGESTION_STEP_LABELS,
  SUGGESTION_WORKFLOW,
  type SuggestionAction,
  type SuggestionStatus,
} from '../suggestion.rules.js';
import { SUGGESTIONS_LABELS } from '../suggestions.labels.js';
import { SuggestionsRepository } from '../suggestions.repository.js';
import { SUGGESTION_UPDATE_SCOPE } from '../suggestions.scopes.js';
import { SuggestionsService } from '../suggestions.service.js';

const { values } = SUGGESTIONS_LABELS;
const UPDATE_ACTIONS: Record<string, string> = values.suggestionUpdateAction;
/** 代表建议: its own group in the sidebar. */
const NAVIGATION_SUGGESTIONS = { name: '代表建议', icon: 'MessageSquare' };

/** The panel's form fields take text: the codes the API takes, from the Chinese staff type. */
const EVALUATION_CODES: Record<string, string> = {
  满意: 'satisfied',
  基本满意: 'basicallySatisfied',
  不满意: 'dissatisfied',
};

const NOTE = { name: 'note', label: '说明（记入办理过程）', type: 'textarea' };
type PanelStep = SuggestionAction | 'supervise';
const STEP_FORMS: Record<PanelStep, { intro: string; fields: object[]; done: string }> = {
  assign: {
    intro:
      '交办：指定主办单位（名称）及会办单位（多个以逗号分隔）。答复期限为交办日期后 3 个月（遇非工作日顺延），承办单位可在交办后 7 个工作日内退回。',
    fields: [
      { name: 'leadUnit', label: '主办单位（名称）', type: 'text', required: true },
      { name: 'coUnits', label: '会办单位（名称，逗号分隔）', type: 'text' },
      { name: 'assignedOn', label: '交办日期（默认今天）', type: 'date' },
      NOTE,
    ],
    done: '已交办',
  },
  return: {
    intro: '退回：承办单位认为不属于其职责范围，在退回期限内退回，须说明理由。',
    fields: [
      { name: 'reason', label: '退回理由', type: 'textarea', required: true },
      { name: 'returnedOn', label: '退回日期（默认今天）', type: 'date' },
      NOTE,
    ],
    done: '已退回',
  },
  extend: {
    intro: '申请延期：仅限一次，最长 3 个月，须经批准。',
    fields: [
      { name: 'dueOn', label: '新的答复期限', type: 'date', required: true },
      { name: 'reason', label: '延期理由', type: 'textarea', required: true },
      { name: 'approvedBy', label: '批准人', type: 'text', required: true },
      { name: 'approvedOn', label: '批准日期', type: 'date', required: true },
      NOTE,
    ],
    done: '已延期',
  },
  reply: {
    intro: '答复：填写答复内容与类别（A 已解决 / B 正在解决 / C 计划解决 / D 留作参考）。',
    fields: [
      { name: 'replyText', label: '答复内容', type: 'textarea', required: true },
      { name: 'replyClass', label: '答复类别（A/B/C/D）', type: 'text', required: true },
      { name: 'repliedOn', label: '答复日期（默认今天）', type: 'date' },
      NOTE,
    ],
    done: '已答复',
  },
  evaluate: {
    intro:
      '评价：领衔代表的评价（满意 / 基本满意 / 不满意）。不满意的重新办理（1 个月内答复）；满意或基本满意的，A、D 类办结，B、C 类跟踪落实。',
    fields: [
      { name: 'evaluation', label: '评价（满意/基本满意/不满意）', type: 'text', required: true },
      { name: 'evaluatedOn', label: '评价日期（默认今天）', type: 'date' },
      NOTE,
    ],
    done: '已评价',
  },
  solve: {
    intro: '办结：跟踪落实的建议所提问题已解决。',
    fields: [{ name: 'solvedOn', label: '解决日期（默认今天）', type: 'date' }, NOTE],
    done: '已办结',
  },
  supervise: {
    intro: '督办：记入办理过程，不改变办理状态。',
    fields: [
      { name: 'note', label: '督办意见', type: 'textarea', required: true },
      { name: 'supervisedOn', label: '督办日期（默认今天）', type: 'date' },
    ],
    done: '已督办',
  },
};
const STEP_ICONS: Record<PanelStep, string> = {
  assign: 'Send',
  return: 'CornerUpLeft',
  extend: 'Clock',
  reply: 'MessageSquare',
  evaluate: 'Star',
  solve: 'CheckCircle',
  supervise: 'Flag',
};

/** What a step's form sent: its fields, '' read as absent. */
function formInput(payload: Record<string, unknown> = {}): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [field, value] of Object.entries(payload)) {
    if (field !== 'step' && typeof value === 'string' && value.trim() !== '') {
      input[field] = value.trim();
    }
  }
  return input;
}

/**
 * One step as a record action with a form (WorkflowStep): shown only to a role with the step's
 * permission and from a state the step may start from; sending it runs the same use case as the
 * API (SuggestionsService.transition / supervise).
 */
function stepAction(
  suggestions: SuggestionsService,
  repository: SuggestionsRepository,
  action: PanelStep,
): AdminActions[string] {
  return workflowStepAction({
    resource: 'suggestion',
    step: action,
    form: {
      ...STEP_FORMS[action],
      submitLabel: action === 'supervise' ? '督办' : SUGGESTION_STEP_LABELS[action],
      icon: STEP_ICONS[action],
    },
    isOpen: ({ status }) =>
      action === 'supervise'
        ? OPEN_STATUSES.includes(status as SuggestionStatus)
        : allowedActions(SUGGESTION_WORKFLOW, status).includes(action),
    run: async (id, payload) => {
      const { leadUnit, coUnits, evaluation, supervisedOn, ...fields } = formInput(payload);
      if (action === 'supervise') {
        const input = await validateInput(SuperviseSuggestionDto, {
          note: fields.note ?? '',
          supervisedOn,
        });
        await suggestions.supervise(id, input.note, input.supervisedOn);
        return;
      }
      const unitNames = [
        ...(leadUnit ? [leadUnit] : []),
        ...(coUnits ?? '')
          .split(/[,，、]/)
          .map((name) => name.trim())
          .filter(Boolean),
      ];
      const units = await repository.unitsNamed(unitNames);
      const unitId = (name: string): number => units.find((u) => u.name === name)?.id ?? 0;
      const input = await validateInput(SuggestionTransitionDto, {
        action,
        ...fields,
        ...(evaluation && { evaluation: EVALUATION_CODES[evaluation] ?? evaluation }),
        ...(leadUnit && { leadUnitId: unitId(leadUnit) }),
        ...(action === 'assign' && { coUnitIds: unitNames.slice(1).map(unitId) }),
      });
      const { action: _action, ...step } = input;
      await suggestions.transition(id, action, step);
    },
  });
}

/** 代表建议 › 承办单位, 代表建议 (with its steps as actions), 办理过程; the category picker. */
export const adminArea = defineAdminArea({
  inject: {
    units: HandlingUnitsService,
    suggestions: SuggestionsService,
    repository: SuggestionsRepository,
  },
  resources: ({ units, suggestions, repository }, { timeZone }): ResourceWithOptions[] => {
    const suggestionActions = actionsFor('suggestion');
    return [
      {
        resource: new ServiceResource(
          HandlingUnit,
          bindRecordService(units, CreateHandlingUnitDto, UpdateHandlingUnitDto, ['contactPhone']),
        ),
        options: {
          navigation: NAVIGATION_SUGGESTIONS,
          actions: {
            ...actionsFor('handlingUnit'),
            reveal: revealAction('handlingUnit', { contactPhone: '联系电话' }),
          },
          listProperties: ['id', 'name', 'kind', 'contactName', 'contactPhone', 'enabled'],
          filterProperties: ['name', 'kind', 'enabled'],
          editProperties: [
            'name',
            'kind',
            'contactName',
            'contactPhone',
            'contactEmail',
            'remit',
            'enabled',
          ],
          sort: { sortBy: 'name', direction: 'asc' },
          properties: {
            ...TIMESTAMPS,
            name: { isTitle: true },
            remit: { type: 'textarea' },
            contactPhoneHash: { isVisible: false },
          },
        },
      },
      {
        resource: new ServiceResource(
          Suggestion,
          bindRecordService(suggestions, CreateSuggestionDto, UpdateSuggestionDto),
        ),
        options: {
          navigation: NAVIGATION_SUGGESTIONS,
          actions: {
            ...suggestionActions,
            // The record's page shows its timeline (办理过程), oldest first.
            show: {
              ...suggestionActions.show,
              after: (response: ActionResponse) =>
                withTimeline(response, async (id) =>
                  timelineText(await suggestions.timeline(id), {
                    timeZone,
                    labels: UPDATE_ACTIONS,
                    detail: (entry) => (entry.stepOn ? `（${entry.stepOn}）` : ''),
                    empty: '（尚无办理记录）',
                  }),
                ),
            },
            assign: stepAction(suggestions, repository, 'assign'),
            return: stepAction(suggestions, repository, 'return'),
            extend: stepAction(suggestions, repository, 'extend'),
            reply: stepAction(suggestions, repository, 'reply'),
            evaluate: stepAction(suggestions, repository, 'evaluate'),
            supervise: stepAction(suggestions, repository, 'supervise'),
            solve: stepAction(suggestions, repository, 'solve'),
          },
          listProperties: [
            'id',
            'number',
            'title',
            'leadDeputyId',
            'leadUnitId',
            'dueOn',
            'status',
          ],
          filterProperties: [
            'committeeId',
            'number',
            'title',
            'leadDeputyId',
            'leadUnitId',
            'plenarySessionId',
            'categoryId',
            'status',
            'dueOn',
          ],
          editProperties: [
            'number',
            'title',
            'content',
            'leadDeputyId',
            'plenarySessionId',
            'raisedOn',
            'registeredOn',
            'categoryId',
          ],
          showProperties: [
            'id',
            'committeeId',
            'number',
            'title',
            'content',
            'leadDeputyId',
            'plenarySessionId',
            'raisedOn',
            'registeredOn',
            'categoryId',
            'status',
            'round',
            'assignedOn',
            'leadUnitId',
            'dueOn',
            'returnDueOn',
            'returnedOn',
            'returnReason',
            'extensionReason',
            'extensionApprovedBy',
            'extensionApprovedOn',
            'repliedOn',
            'replyText',
            'replyClass',
            'evaluation',
            'evaluatedOn',
            'solvedOn',
            'closedOn',
            'timeline',
            'createdAt',
            'updatedAt',
          ],
          sort: { sortBy: 'raisedOn', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            title: { isTitle: true },
            content: { type: 'textarea' },
            replyText: { type: 'textarea' },
            leadDeputyId: { reference: 'Deputy' },
            leadUnitId: { reference: 'HandlingUnit' },
            plenarySessionId: { reference: 'PlenarySession' },
            categoryId: { reference: 'SuggestionCategory' },
            status: { availableValues: availableValues(values.suggestionStatus) },
            replyClass: { availableValues: availableValues(values.replyClass) },
            evaluation: { availableValues: availableValues(values.suggestionEvaluation) },
            timeline: TIMELINE_PROPERTY,
          },
        },
      },
      {
        resource: new ServiceResource(SuggestionUpdate, {
          scope: (actor, where) => scopedWhere(where, SUGGESTION_UPDATE_SCOPE, actor),
          createDto: SuperviseSuggestionDto,
          updateDto: SuperviseSuggestionDto,
          create: () => Promise.reject(new Error('timeline entries are written by the steps')),
          update: () => Promise.reject(new Error('timeline entries are kept as written')),
          remove: () => Promise.reject(new Error('timeline entries are kept')),
        }),
        options: {
          navigation: NAVIGATION_SUGGESTIONS,
          // History: written by the steps and 督办 only, never here.
          actions: {
            ...actionsFor('suggestionUpdate'),
            new: { isAccessible: false },
            edit: { isAccessible: false },
            delete: { isAccessible: false },
            bulkDelete: { isAccessible: false },
          },
          listProperties: ['id', 'suggestionId', 'at', 'actorName', 'action', 'stepOn', 'note'],
          filterProperties: ['suggestionId', 'at', 'actorName', 'action', 'handlingUnitId'],
          sort: { sortBy: 'at', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            suggestionId: { reference: 'Suggestion' },
            handlingUnitId: { reference: 'HandlingUnit' },
            action: { availableValues: availableValues(values.suggestionUpdateAction) },
            note: { type: 'textarea' },
          },
        },
      },
      choices(
        'SuggestionCategory',
        DictionaryItem,
        { scope: (_actor, where) => where },
        { dictionary: { code: 'issue_category' }, enabled: true },
        { property: 'label', sortBy: 'sortOrder' },
      ),
    ];
  },
});
