import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { CHOICE_REFERENCES, choices, scopeOf } from '../../../admin/reference-choices.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { Committee } from '../committee.entity.js';
import { COMMITTEES_LABELS } from '../committees.labels.js';
import { CommitteesService } from '../committees.service.js';
import { CommunitiesService } from '../communities.service.js';
import { Community } from '../community.entity.js';
import {
  CreateCommitteeDto,
  CreateCommunityDto,
  UpdateCommitteeDto,
  UpdateCommunityDto,
} from '../dto/committee.dto.js';

const { values } = COMMITTEES_LABELS;

/** 组织机构: committees and communities, and the pickers of district / subdistrict committees. */
export const adminArea = defineAdminArea({
  inject: { committees: CommitteesService, communities: CommunitiesService },
  resources: ({ committees, communities }) => [
    {
      resource: new ServiceResource(
        Committee,
        bindRecordService(committees, CreateCommitteeDto, UpdateCommitteeDto),
      ),
      options: {
        navigation: NAVIGATION.organisation,
        listProperties: ['id', 'name', 'kind', 'parentId'],
        filterProperties: ['name', 'kind', 'parentId'],
        properties: {
          ...TIMESTAMPS,
          kind: { availableValues: availableValues(values.committeeKind) },
          parentId: CHOICE_REFERENCES.districtCommittee,
        },
      },
    },
    {
      resource: new ServiceResource(
        Community,
        bindRecordService(communities, CreateCommunityDto, UpdateCommunityDto),
      ),
      options: {
        navigation: NAVIGATION.organisation,
        listProperties: ['id', 'name', 'kind', 'committeeId'],
        filterProperties: ['name', 'kind', 'committeeId'],
        properties: {
          ...TIMESTAMPS,
          kind: { availableValues: availableValues(values.communityKind) },
          committeeId: CHOICE_REFERENCES.subdistrictCommittee,
        },
      },
    },
    choices(
      CHOICE_REFERENCES.districtCommittee.reference,
      Committee,
      { scope: scopeOf(committees) },
      { kind: 'district' },
      { property: 'name' },
    ),
    choices(
      CHOICE_REFERENCES.subdistrictCommittee.reference,
      Committee,
      { scope: scopeOf(committees) },
      { kind: 'subdistrict' },
      { property: 'name' },
    ),
  ],
});
