import { exportAction, revealAction } from '../../../admin/admin-access.js';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { COMPONENTS } from '../../../admin/components/components.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { ONE_TIME_VALUE, showOneTimeValue } from '../../../admin/one-time-values.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { TERMS_LABELS } from '../../terms/terms.labels.js';
import { DeputiesService } from '../deputies.service.js';
import { DEPUTIES_LABELS } from '../deputies.labels.js';
import { DEPUTY_PERSONAL_FIELDS } from '../deputy-export.js';
import { DeputyGroup } from '../deputy-group.entity.js';
import { DeputyGroupsService } from '../deputy-groups.service.js';
import { Deputy } from '../deputy.entity.js';
import { CreateDeputyGroupDto, UpdateDeputyGroupDto } from '../dto/deputy-group.dto.js';
import { CreateDeputyDto, UpdateDeputyDto } from '../dto/deputy.dto.js';

const { values } = DEPUTIES_LABELS;

/**
 * A deputy's community and group must belong to the deputy's committee (DeputiesService): their
 * pickers offer only those of the committee chosen in the form.
 */
const ofTheDeputysCommittee = {
  components: { edit: COMPONENTS.DependentReferenceEdit },
  props: { dependsOn: 'committeeId', emptyHint: '请先选择所属人大工委' },
};

/** 代表小组 (组织机构) and 代表管理 › 代表, with 查看完整信息 and 导出. */
export const adminArea = defineAdminArea({
  inject: { deputyGroups: DeputyGroupsService, deputies: DeputiesService },
  resources: ({ deputyGroups, deputies }) => [
    {
      resource: new ServiceResource(
        DeputyGroup,
        bindRecordService(deputyGroups, CreateDeputyGroupDto, UpdateDeputyGroupDto),
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
        bindRecordService(deputies, CreateDeputyDto, UpdateDeputyDto, DEPUTY_PERSONAL_FIELDS),
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
          gender: { availableValues: availableValues(values.gender) },
          level: { availableValues: availableValues(TERMS_LABELS.values.level) },
          status: { availableValues: availableValues(values.deputyStatus) },
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
  ],
});
