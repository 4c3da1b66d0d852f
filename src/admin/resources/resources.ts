import type { ResourceWithOptions } from 'adminjs';
import { IsInt, Min } from 'class-validator';
import { In, type DeepPartial } from 'typeorm';
import { scopedWhere } from '../../platform/access/record-scope.js';
import { Activity } from '../../modules/activities/activity.entity.js';
import { ActivitiesService } from '../../modules/activities/activities.service.js';
import { Attendance } from '../../modules/activities/attendance.entity.js';
import { AttendanceService } from '../../modules/activities/attendance.service.js';
import {
  AttendanceItemDto,
  CreateActivityDto,
  UpdateActivityDto,
} from '../../modules/activities/dto/activity.dto.js';
import { CommitteesService } from '../../modules/committees/committees.service.js';
import { Committee } from '../../modules/committees/committee.entity.js';
import { CommunitiesService } from '../../modules/committees/communities.service.js';
import { Community } from '../../modules/committees/community.entity.js';
import {
  CreateCommitteeDto,
  CreateCommunityDto,
  UpdateCommitteeDto,
  UpdateCommunityDto,
} from '../../modules/committees/dto/committee.dto.js';
import { DeputiesService } from '../../modules/deputies/deputies.service.js';
import { DeputyGroup } from '../../modules/deputies/deputy-group.entity.js';
import { DeputyGroupsService } from '../../modules/deputies/deputy-groups.service.js';
import { Deputy } from '../../modules/deputies/deputy.entity.js';
import {
  CreateDeputyGroupDto,
  UpdateDeputyGroupDto,
} from '../../modules/deputies/dto/deputy-group.dto.js';
import { CreateDeputyDto, UpdateDeputyDto } from '../../modules/deputies/dto/deputy.dto.js';
import { DEPUTY_PERSONAL_FIELDS } from '../../modules/deputies/deputy-export.js';
import { DictionariesService } from '../../modules/dictionaries/dictionaries.service.js';
import { Dictionary } from '../../modules/dictionaries/dictionary.entity.js';
import { DictionaryItem } from '../../modules/dictionaries/dictionary-item.entity.js';
import { DictionaryItemsService } from '../../modules/dictionaries/dictionary-items.service.js';
import {
  CreateDictionaryDto,
  CreateDictionaryItemDto,
  UpdateDictionaryDto,
  UpdateDictionaryItemDto,
} from '../../modules/dictionaries/dto/dictionary.dto.js';
import { CreateTermDto, UpdateTermDto } from '../../modules/terms/dto/term.dto.js';
import { Term } from '../../modules/terms/term.entity.js';
import { TermsService } from '../../modules/terms/terms.service.js';
import type { RecordService } from '../../platform/records/record.service.js';
import { ADMIN_USER_READ, securityResources, type SecurityServices } from './security-resources.js';
import { COMPONENTS } from '../components/components.js';
import { ONE_TIME_VALUE, showOneTimeValue } from '../one-time-values.js';
import { complianceResources, type ComplianceServices } from './compliance-resources.js';
import { availableValues, NAVIGATION, VALUE_LABELS } from '../locale/zh-CN.js';
import { exportAction, revealAction, withAccess } from '../admin-access.js';
import { ServiceResource, type ReadBinding, type WriteBinding } from '../service-resource.js';
import { withDateOnlyFields } from '../date-only-fields.js';
import { CHOICE_REFERENCES, referenceChoices } from '../reference-choices.js';

/** Attendance rows are seen through their activity's committee. */
const scopeByActivity: ReadBinding['scope'] = (actor, where) =>
  scopedWhere(
    where,
    { where: (ids) => ({ activity: { committeeId: In([...ids]) } }), field: 'activityId' },
    actor,
  );

/** The admin form for one attendance row names its activity; the API takes it from the path. */
export class AttendanceForm extends AttendanceItemDto {
  @IsInt()
  @Min(1)
  activityId: number;
}

export interface AdminServices extends SecurityServices, ComplianceServices {
  committees: CommitteesService;
  communities: CommunitiesService;
  terms: TermsService;
  deputyGroups: DeputyGroupsService;
  deputies: DeputiesService;
  dictionaries: DictionariesService;
  dictionaryItems: DictionaryItemsService;
  activities: ActivitiesService;
  attendance: AttendanceService;
  /** APP_TIMEZONE: the zone the staff pick dates in (date-only fields). */
  timeZone: string;
}

const bind = <T extends { id: number }>(
  service: RecordService<T>,
  createDto: WriteBinding['createDto'],
  updateDto: WriteBinding['updateDto'],
  personalFields: readonly string[] = [],
): WriteBinding & ReadBinding => ({
  scope: (actor, where) => service.scopeFor(actor, where),
  personalFields,
  reveal: (id) => service.reveal(id, personalFields),
  createDto,
  updateDto,
  create: (input) => service.create(input as DeepPartial<T>),
  update: (id, input) => service.update(id, input as DeepPartial<T>),
  remove: (id) => service.remove(id),
});

/**
 * A deputy's community and group must belong to the deputy's committee (DeputiesService): their
 * pickers offer only those of the committee chosen in the form.
 */
const ofTheDeputysCommittee = {
  components: { edit: COMPONENTS.DependentReferenceEdit },
  props: { dependsOn: 'committeeId', emptyHint: '请先选择所属人大工委' },
};

const TIMESTAMPS = {
  createdAt: { isVisible: { list: false, filter: true, show: true, edit: false } },
  updatedAt: { isVisible: { list: false, filter: false, show: true, edit: false } },
};

export function adminResources(services: AdminServices): ResourceWithOptions[] {
  const resources: ResourceWithOptions[] = [
    {
      resource: new ServiceResource(
        Committee,
        bind(services.committees, CreateCommitteeDto, UpdateCommitteeDto),
      ),
      options: {
        navigation: NAVIGATION.organisation,
        listProperties: ['id', 'name', 'kind', 'parentId'],
        filterProperties: ['name', 'kind', 'parentId'],
        properties: {
          ...TIMESTAMPS,
          kind: { availableValues: availableValues(VALUE_LABELS.committeeKind) },
          parentId: CHOICE_REFERENCES.districtCommittee,
        },
      },
    },
    {
      resource: new ServiceResource(
        Community,
        bind(services.communities, CreateCommunityDto, UpdateCommunityDto),
      ),
      options: {
        navigation: NAVIGATION.organisation,
        listProperties: ['id', 'name', 'kind', 'committeeId'],
        filterProperties: ['name', 'kind', 'committeeId'],
        properties: {
          ...TIMESTAMPS,
          kind: { availableValues: availableValues(VALUE_LABELS.communityKind) },
          committeeId: CHOICE_REFERENCES.subdistrictCommittee,
        },
      },
    },
    {
      resource: new ServiceResource(Term, bind(services.terms, CreateTermDto, UpdateTermDto)),
      options: {
        navigation: NAVIGATION.organisation,
        listProperties: ['id', 'name', 'level', 'ordinal', 'startsOn', 'endsOn'],
        properties: {
          ...TIMESTAMPS,
          level: { availableValues: availableValues(VALUE_LABELS.level) },
        },
      },
    },
    {
      resource: new ServiceResource(
        DeputyGroup,
        bind(services.deputyGroups, CreateDeputyGroupDto, UpdateDeputyGroupDto),
      ),
      options: {
        navigation: NAVIGATION.organisation,
        listProperties: ['id', 'name', 'committeeId'],
        properties: { ...TIMESTAMPS, note: { type: 'textarea' } },
      },
    },
    {
      resource: new ServiceResource(
        Deputy,
        bind(services.deputies, CreateDeputyDto, UpdateDeputyDto, DEPUTY_PERSONAL_FIELDS),
      ),
      options: {
        navigation: NAVIGATION.deputies,
        listProperties: [
          'id',
          'name',
          'gender',
          'level',
          'committeeId',
          'communityId',
          'groupId',
          'status',
        ],
        filterProperties: [
          'name',
          'level',
          'committeeId',
          'communityId',
          'groupId',
          'termId',
          'status',
        ],
        editProperties: [
          'name',
          'gender',
          'ethnicity',
          'birthDate',
          'party',
          'level',
          'constituency',
          'occupation',
          'workplace',
          'phone',
          'email',
          'committeeId',
          'communityId',
          'termId',
          'groupId',
          'status',
          'endedReason',
          'endedOn',
          'externalId',
        ],
        properties: {
          ...TIMESTAMPS,
          gender: { availableValues: availableValues(VALUE_LABELS.gender) },
          level: { availableValues: availableValues(VALUE_LABELS.level) },
          status: { availableValues: availableValues(VALUE_LABELS.deputyStatus) },
          phoneHash: { isVisible: false },
          communityId: ofTheDeputysCommittee,
          groupId: ofTheDeputysCommittee,
          [ONE_TIME_VALUE]: {
            type: 'string',
            isVisible: { list: false, filter: false, show: true, edit: false },
          },
        },
        actions: {
          show: { after: showOneTimeValue },
          reveal: revealAction('deputy', { phone: '电话', email: '电子邮箱' }),
          export: exportAction('deputy', COMPONENTS.ExportLink),
        },
      },
    },
    {
      resource: new ServiceResource(
        Activity,
        bind(services.activities, CreateActivityDto, UpdateActivityDto),
      ),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'title', 'kindId', 'committeeId', 'startsAt', 'status'],
        filterProperties: ['title', 'kindId', 'committeeId', 'startsAt', 'status'],
        sort: { sortBy: 'startsAt', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          title: { isTitle: true },
          kindId: CHOICE_REFERENCES.activityKind,
          status: { availableValues: availableValues(VALUE_LABELS.activityStatus) },
          summary: { type: 'textarea' },
        },
      },
    },
    {
      resource: new ServiceResource(Attendance, {
        scope: scopeByActivity,
        createDto: AttendanceForm,
        updateDto: AttendanceItemDto,
        create: (input) => {
          const { activityId, ...item } = input as AttendanceForm;
          return services.attendance.add(activityId, item);
        },
        update: (id, input) => services.attendance.updateById(id, input),
        remove: (id) => services.attendance.removeById(id),
      }),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'activityId', 'deputyId', 'status', 'note'],
        filterProperties: ['activityId', 'deputyId', 'status'],
        properties: {
          ...TIMESTAMPS,
          status: { availableValues: availableValues(VALUE_LABELS.attendanceStatus) },
        },
      },
    },
    {
      resource: new ServiceResource(
        Dictionary,
        bind(services.dictionaries, CreateDictionaryDto, UpdateDictionaryDto),
      ),
      options: {
        navigation: NAVIGATION.system,
        listProperties: ['id', 'code', 'name', 'description'],
        properties: { ...TIMESTAMPS, description: { type: 'textarea' } },
      },
    },
    {
      resource: new ServiceResource(
        DictionaryItem,
        bind(services.dictionaryItems, CreateDictionaryItemDto, UpdateDictionaryItemDto),
      ),
      options: {
        navigation: NAVIGATION.system,
        listProperties: ['id', 'dictionaryId', 'code', 'label', 'category', 'sortOrder', 'enabled'],
        filterProperties: ['dictionaryId', 'label', 'category', 'enabled'],
        sort: { sortBy: 'sortOrder', direction: 'asc' },
        properties: {
          ...TIMESTAMPS,
          label: { isTitle: true },
          category: { availableValues: availableValues(VALUE_LABELS.category) },
        },
      },
    },
    ...complianceResources(services),
    ...securityResources(services),
    ...referenceChoices({ ...services, adminUsers: ADMIN_USER_READ }),
  ];
  return resources.map((entry) => withAccess(withDateOnlyFields(entry, services.timeZone)));
}
