import { defineAdminArea } from '../../../admin/admin-area.js';
import { COMPONENTS } from '../../../admin/components/components.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { CountedOutcome } from '../counted-outcome.entity.js';
import { CountedOutcomesService } from '../counted-outcomes.service.js';
import { CreateCountedOutcomeDto, UpdateCountedOutcomeDto } from '../dto/counted-outcome.dto.js';
import { CreateKeyProjectDto, UpdateKeyProjectDto } from '../dto/key-project.dto.js';
import { CreateProjectProgressDto, UpdateProjectProgressDto } from '../dto/project-progress.dto.js';
import { KeyProject } from '../key-project.entity.js';
import { KeyProjectsService } from '../key-projects.service.js';
import { ProjectProgress } from '../project-progress.entity.js';
import { ProjectProgressService } from '../project-progress.service.js';
import { PROJECTS_LABELS } from '../projects.labels.js';

const { values } = PROJECTS_LABELS;

/**
 * An outcome's community and source activity must belong to its committee
 * (CountedOutcomesService): their pickers offer only those of the committee chosen.
 */
const ofTheCommittee = {
  components: { edit: COMPONENTS.DependentReferenceEdit },
  props: { dependsOn: 'committeeId', emptyHint: '请先选择人大工委' },
};

/** 监督工作 › 重大项目, 项目进度, 工作成效. */
export const adminArea = defineAdminArea({
  inject: {
    keyProjects: KeyProjectsService,
    progress: ProjectProgressService,
    outcomes: CountedOutcomesService,
  },
  resources: ({ keyProjects, progress, outcomes }) => [
    {
      resource: new ServiceResource(
        KeyProject,
        bindRecordService(keyProjects, CreateKeyProjectDto, UpdateKeyProjectDto),
      ),
      options: {
        navigation: NAVIGATION.supervision,
        listProperties: ['id', 'name', 'year', 'stage', 'plannedInvestment', 'committeeId'],
        filterProperties: ['name', 'year', 'stage', 'committeeId'],
        editProperties: [
          'committeeId',
          'name',
          'year',
          'stage',
          'plannedInvestment',
          'owner',
          'note',
        ],
        sort: { sortBy: 'year', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          name: { isTitle: true },
          stage: { availableValues: availableValues(values.projectStage) },
          note: { type: 'textarea' },
        },
      },
    },
    {
      resource: new ServiceResource(
        ProjectProgress,
        bindRecordService(progress, CreateProjectProgressDto, UpdateProjectProgressDto),
      ),
      options: {
        navigation: NAVIGATION.supervision,
        listProperties: ['id', 'projectId', 'asOf', 'completedInvestment', 'note'],
        filterProperties: ['projectId', 'asOf'],
        editProperties: ['projectId', 'asOf', 'completedInvestment', 'note'],
        sort: { sortBy: 'asOf', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          note: { type: 'textarea' },
        },
      },
    },
    {
      resource: new ServiceResource(
        CountedOutcome,
        bindRecordService(outcomes, CreateCountedOutcomeDto, UpdateCountedOutcomeDto),
      ),
      options: {
        navigation: NAVIGATION.supervision,
        listProperties: ['id', 'name', 'value', 'unit', 'year', 'status', 'committeeId'],
        filterProperties: ['name', 'year', 'status', 'committeeId', 'communityId', 'activityId'],
        editProperties: [
          'committeeId',
          'year',
          'name',
          'value',
          'unit',
          'communityId',
          'activityId',
          'status',
          'note',
        ],
        sort: { sortBy: 'year', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          name: { isTitle: true },
          status: { availableValues: availableValues(values.outcomeStatus) },
          communityId: ofTheCommittee,
          activityId: ofTheCommittee,
          note: { type: 'textarea' },
        },
      },
    },
  ],
});
