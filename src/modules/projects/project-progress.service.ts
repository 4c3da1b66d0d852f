import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { throughParent, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService, requireReference } from '../../platform/records/record.service.js';
import type {
  CreateProjectProgressDto,
  ListProjectProgressQuery,
  UpdateProjectProgressDto,
} from './dto/project-progress.dto.js';
import { KeyProject } from './key-project.entity.js';
import { ProjectProgress } from './project-progress.entity.js';
import { amountToStore } from './money-column.js';
import { PROJECTS_LABELS } from './projects.labels.js';
import { withinYear } from './projects.rules.js';

/** A snapshot is its project's committee's: seen and written only through the project. */
export const PROJECT_PROGRESS_SCOPE = throughParent<ProjectProgress, KeyProject>(
  'project',
  'projectId',
  KeyProject,
);

/** 项目进度: dated snapshots of a key project's completed investment in its year. */
@Injectable()
export class ProjectProgressService extends RecordService<ProjectProgress> {
  protected readonly recordName = PROJECTS_LABELS.records.projectProgress;
  protected readonly resource = 'projectProgress';
  protected readonly scope: RecordScope<ProjectProgress> = PROJECT_PROGRESS_SCOPE;
  protected readonly sortable = ['id', 'asOf', 'projectId'] as const;
  protected override readonly defaultSort = 'asOf';

  constructor(
    @InjectRepository(ProjectProgress) repository: Repository<ProjectProgress>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }

  override create(
    input: CreateProjectProgressDto | DeepPartial<ProjectProgress>,
  ): Promise<ProjectProgress> {
    return super.create(input as DeepPartial<ProjectProgress>);
  }

  override update(
    id: number,
    input: UpdateProjectProgressDto | DeepPartial<ProjectProgress>,
  ): Promise<ProjectProgress> {
    return super.update(id, input as DeepPartial<ProjectProgress>);
  }

  protected override where(query: ListProjectProgressQuery): FindOptionsWhere<ProjectProgress> {
    return { projectId: query.projectId };
  }

  protected override async checkWrite(
    manager: EntityManager,
    next: ProjectProgress,
  ): Promise<void> {
    const project = await requireReference(
      manager,
      KeyProject,
      next.projectId,
      'projectId',
      PROJECTS_LABELS.records.keyProject,
    );
    if (!withinYear(next.asOf, project.year)) {
      throw ruleViolation(
        {
          zh: `截至日期须在项目年度（${project.year} 年）内`,
          en: `The date must fall in the project's year ${project.year}`,
        },
        'asOf',
      );
    }
    next.completedInvestment = amountToStore(next.completedInvestment, 'completedInvestment');
  }
}
