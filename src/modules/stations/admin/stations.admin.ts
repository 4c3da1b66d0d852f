import type { ResourceWithOptions } from 'adminjs';
import { OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { invalidInput } from '../../../common/errors.js';
import { revealAction } from '../../../admin/admin-access.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { choices } from '../../../admin/reference-choices.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { ownedByCommittee, scopedWhere } from '../../../platform/access/record-scope.js';
import { Activity } from '../../activities/activity.entity.js';
import { CreateReceptionDto, UpdateReceptionDto } from '../dto/reception.dto.js';
import {
  CreateStationAssessmentDto,
  CreateStationStandardItemDto,
  UpdateStationAssessmentDto,
  UpdateStationStandardItemDto,
} from '../dto/station-assessment.dto.js';
import { CreateStationDocumentDto, UpdateStationDocumentDto } from '../dto/station-document.dto.js';
import { CreateStationRoleDto, UpdateStationRoleDto } from '../dto/station-role.dto.js';
import { CreateStationDto } from '../dto/station.dto.js';
import { Reception } from '../reception.entity.js';
import { ReceptionsService, STATION_CATEGORY } from '../receptions.service.js';
import { StationAssessment } from '../station-assessment.entity.js';
import { StationAssessmentItem } from '../station-assessment-item.entity.js';
import { StationAssessmentsService } from '../station-assessments.service.js';
import { StationDocument } from '../station-document.entity.js';
import { StationDocumentsService } from '../station-documents.service.js';
import { StationRole } from '../station-role.entity.js';
import { StationRolesService } from '../station-roles.service.js';
import { StationStandardItem } from '../station-standard-item.entity.js';
import { StationStandardItemsService } from '../station-standard-items.service.js';
import { Station } from '../station.entity.js';
import { STATIONS_LABELS } from '../stations.labels.js';
import { scheduleText, type ReceptionSchedule } from '../stations.rules.js';
import { STATION_ASSESSMENT_ITEM_SCOPE, STATION_SCOPE } from '../stations.scopes.js';
import { STATION_PERSONAL_FIELDS, StationsService } from '../stations.service.js';

const NAVIGATION = { name: '代表联络站', icon: 'MapPin' };
const { values } = STATIONS_LABELS;
const SCHEDULE_KIND_LABELS = { weekly: '每周', monthly: '每月' };

/** The station form: the schedule as two plain fields (kind, and days as "3" or "1,15"). */
class StationForm extends OmitType(CreateStationDto, ['receptionSchedule'] as const) {
  @IsOptional()
  @IsIn(['weekly', 'monthly'])
  receptionScheduleKind?: 'weekly' | 'monthly' | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^\s*\d{1,2}(\s*[,，、]\s*\d{1,2})*\s*$/, {
    message: '如 3 或 1,15（星期几或几日，逗号分隔）/ e.g. 3 or 1,15',
  })
  receptionScheduleDays?: string | null;
}
class StationUpdateForm extends PartialType(StationForm) {}

/** The form's two schedule fields → the API's `receptionSchedule` (null when the kind is empty). */
function withSchedule(input: object): object {
  const {
    receptionScheduleKind: kind,
    receptionScheduleDays: days,
    ...fields
  } = input as StationForm;
  if (kind === undefined && days === undefined) return fields;
  if (!kind) return { ...fields, receptionSchedule: null };
  if (!days) {
    throw invalidInput([
      { field: 'receptionScheduleDays', problem: '请填写接待日 / days required' },
    ]);
  }
  const schedule: ReceptionSchedule = {
    kind,
    days: days.split(/[,，、]/).map((day) => Number(day.trim())),
  };
  return { ...fields, receptionSchedule: schedule };
}

/** The schedule as the panel shows it, from the record's (flattened) params. */
function scheduleOf(params: Readonly<Record<string, unknown>>): ReceptionSchedule | null {
  const nested = params.receptionSchedule as ReceptionSchedule | null | undefined;
  if (nested && typeof nested === 'object') return nested;
  const kind = params['receptionSchedule.kind'];
  if (kind !== 'weekly' && kind !== 'monthly') return null;
  const days = Object.entries(params)
    .filter(([key]) => key.startsWith('receptionSchedule.days.'))
    .map(([, value]) => Number(value));
  return { kind, days };
}

class AssessmentItemForm {
  @IsOptional()
  @IsBoolean()
  met?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  evidence?: string | null;
}

/** 代表联络站: stations, people, posted rules, receptions, the standard and assessments. */
export const adminArea = defineAdminArea({
  inject: {
    stations: StationsService,
    roles: StationRolesService,
    documents: StationDocumentsService,
    receptions: ReceptionsService,
    standard: StationStandardItemsService,
    assessments: StationAssessmentsService,
  },
  resources: ({
    stations,
    roles,
    documents,
    receptions,
    standard,
    assessments,
  }): ResourceWithOptions[] => {
    const stationBinding = bindRecordService(
      stations,
      StationForm,
      StationUpdateForm,
      STATION_PERSONAL_FIELDS,
    );
    return [
      {
        resource: new ServiceResource(Station, {
          ...stationBinding,
          create: (input) => stationBinding.create(withSchedule(input)),
          update: (id, input) => stationBinding.update(id, withSchedule(input)),
          derive: (params) => {
            const schedule = scheduleOf(params);
            return {
              receptionScheduleText: scheduleText(schedule) ?? '',
              receptionScheduleKind: schedule?.kind ?? '',
              receptionScheduleDays: schedule?.days.join(',') ?? '',
            };
          },
        }),
        options: {
          navigation: NAVIGATION,
          listProperties: [
            'id',
            'name',
            'committeeId',
            'communityId',
            'receptionScheduleText',
            'contactName',
          ],
          filterProperties: ['name', 'committeeId', 'communityId'],
          editProperties: [
            'committeeId',
            'communityId',
            'name',
            'address',
            'latitude',
            'longitude',
            'floorArea',
            'openingHours',
            'receptionScheduleKind',
            'receptionScheduleDays',
            'contactName',
            'contactPhone',
          ],
          properties: {
            ...TIMESTAMPS,
            name: { isTitle: true },
            receptionSchedule: { isVisible: false },
            receptionScheduleText: {
              type: 'string',
              isSortable: false,
              isVisible: { list: true, filter: false, show: true, edit: false },
            },
            receptionScheduleKind: {
              availableValues: availableValues(SCHEDULE_KIND_LABELS),
              isVisible: { list: false, filter: false, show: false, edit: true },
            },
            receptionScheduleDays: {
              type: 'string',
              isVisible: { list: false, filter: false, show: false, edit: true },
            },
          },
          actions: { reveal: revealAction('station', { contactPhone: '联系电话' }) },
        },
      },
      {
        resource: new ServiceResource(
          StationRole,
          bindRecordService(roles, CreateStationRoleDto, UpdateStationRoleDto),
        ),
        options: {
          navigation: NAVIGATION,
          listProperties: [
            'id',
            'stationId',
            'role',
            'deputyId',
            'personName',
            'startsOn',
            'endsOn',
          ],
          filterProperties: ['stationId', 'role', 'deputyId', 'startsOn'],
          properties: {
            ...TIMESTAMPS,
            stationId: { reference: 'StationChoice' },
            role: { availableValues: availableValues(values.stationRole) },
          },
        },
      },
      {
        resource: new ServiceResource(
          StationDocument,
          bindRecordService(documents, CreateStationDocumentDto, UpdateStationDocumentDto),
        ),
        options: {
          navigation: NAVIGATION,
          listProperties: ['id', 'stationId', 'kind', 'title', 'effectiveOn'],
          filterProperties: ['stationId', 'kind', 'title'],
          properties: {
            ...TIMESTAMPS,
            title: { isTitle: true },
            stationId: { reference: 'StationChoice' },
            kind: { availableValues: availableValues(values.stationDocumentKind) },
            content: { type: 'textarea' },
          },
        },
      },
      {
        resource: new ServiceResource(
          Reception,
          bindRecordService(receptions, CreateReceptionDto, UpdateReceptionDto),
        ),
        options: {
          navigation: NAVIGATION,
          listProperties: ['id', 'activityId', 'stationId', 'announcedOn', 'votersReceived'],
          filterProperties: ['stationId', 'activityId', 'announcedOn'],
          sort: { sortBy: 'id', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            activityId: { reference: 'ReceptionActivityChoice' },
            stationId: { reference: 'StationChoice' },
            notes: { type: 'textarea' },
          },
        },
      },
      {
        resource: new ServiceResource(
          StationStandardItem,
          bindRecordService(standard, CreateStationStandardItemDto, UpdateStationStandardItemDto),
        ),
        options: {
          navigation: NAVIGATION,
          listProperties: ['sortOrder', 'title', 'weight', 'evidenceRequired', 'enabled'],
          sort: { sortBy: 'sortOrder', direction: 'asc' },
          properties: {
            ...TIMESTAMPS,
            title: { isTitle: true },
            description: { type: 'textarea' },
          },
        },
      },
      {
        resource: new ServiceResource(StationAssessment, {
          ...bindRecordService(assessments, CreateStationAssessmentDto, UpdateStationAssessmentDto),
        }),
        options: {
          navigation: NAVIGATION,
          listProperties: ['id', 'stationId', 'year', 'totalScore', 'maxScore'],
          filterProperties: ['stationId', 'year'],
          editProperties: ['stationId', 'year', 'assessedOn', 'notes'],
          sort: { sortBy: 'year', direction: 'desc' },
          properties: {
            ...TIMESTAMPS,
            stationId: { reference: 'StationChoice' },
            notes: { type: 'textarea' },
          },
        },
      },
      {
        resource: new ServiceResource(StationAssessmentItem, {
          scope: (actor, where) => scopedWhere(where, STATION_ASSESSMENT_ITEM_SCOPE, actor),
          createDto: AssessmentItemForm,
          updateDto: AssessmentItemForm,
          create: () => Promise.reject(new Error('items are made with their assessment')),
          update: (id, input) => assessments.updateItem(id, input),
          remove: () => Promise.reject(new Error('items go with their assessment')),
        }),
        options: {
          navigation: NAVIGATION,
          listProperties: ['id', 'assessmentId', 'title', 'weight', 'met', 'score'],
          filterProperties: ['assessmentId', 'met'],
          editProperties: ['met', 'evidence'],
          properties: { ...TIMESTAMPS, title: { isTitle: true }, evidence: { type: 'textarea' } },
          actions: {
            new: { isAccessible: false },
            delete: { isAccessible: false },
            bulkDelete: { isAccessible: false },
          },
        },
      },
      choices(
        'StationChoice',
        Station,
        { scope: (actor, where) => scopedWhere(where, STATION_SCOPE, actor) },
        {},
        { property: 'name' },
      ),
      choices(
        'ReceptionActivityChoice',
        Activity,
        { scope: (actor, where) => scopedWhere(where, ownedByCommittee<Activity>(), actor) },
        { kind: { category: STATION_CATEGORY } },
        { property: 'title', sortBy: 'startsAt' },
      ),
    ];
  },
});
