import type { Area } from '../../platform/areas/area.js';
import { CountedOutcome } from './counted-outcome.entity.js';
import { COUNTED_OUTCOME_SCOPE } from './counted-outcomes.service.js';
import { KeyProject } from './key-project.entity.js';
import { ProjectProgress } from './project-progress.entity.js';
import { PROJECTS_LABELS } from './projects.labels.js';
import { ProjectsModule } from './projects.module.js';
import { ProjectsStatistics } from './projects.stats.js';

/** Key projects (重大项目), their progress (项目进度) and counted outcomes (工作成效). */
export const PROJECTS_AREA = {
  name: 'projects',
  module: ProjectsModule,
  entities: [KeyProject, ProjectProgress, CountedOutcome],
  labels: PROJECTS_LABELS,
  statistics: ProjectsStatistics,
  adminAccess: {
    KeyProject: { permission: 'keyProject' },
    ProjectProgress: { permission: 'projectProgress' },
    CountedOutcome: { permission: 'countedOutcome' },
  },
  attachable: {
    countedOutcome: {
      entity: CountedOutcome,
      resource: 'countedOutcome',
      scope: COUNTED_OUTCOME_SCOPE,
      purposes: ['evidence'],
    },
  },
  admin: () => import('./admin/projects.admin.js'),
} satisfies Area;
