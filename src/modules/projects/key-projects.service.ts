import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { ruleViolation } from '../../common/errors.js';
import { localDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { requireCommittee } from '../committees/committee-references.js';
import type {
  CreateKeyProjectDto,
  KeyProjectCompletion,
  ListKeyProjectsQuery,
  UpdateKeyProjectDto,
} from './dto/key-project.dto.js';
import { KeyProject } from './key-project.entity.js';
import { amountToStore } from './money-column.js';
import { PROJECTS_LABELS } from './projects.labels.js';
import { ProjectsRepository } from './projects.repository.js';
import { completionAsOf, decimalText, reportingDate } from './projects.rules.js';

/** 重大项目: a committee's key projects of a year, with their stage and planned investment. */
@Injectable()
export class KeyProjectsService extends RecordService<KeyProject> {
  protected readonly recordName = PROJECTS_LABELS.records.keyProject;
  protected readonly resource = 'keyProject';
  protected readonly scope: RecordScope<KeyProject> = ownedByCommittee<KeyProject>();
  protected readonly sortable = ['id', 'name', 'year', 'stage', 'committeeId'] as const;

  constructor(
    @InjectRepository(KeyProject) repository: Repository<KeyProject>,
    audit: AuditTrail,
    private readonly projects: ProjectsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  override create(input: CreateKeyProjectDto | DeepPartial<KeyProject>): Promise<KeyProject> {
    return super.create(input as DeepPartial<KeyProject>);
  }

  override update(
    id: number,
    input: UpdateKeyProjectDto | DeepPartial<KeyProject>,
  ): Promise<KeyProject> {
    return super.update(id, input as DeepPartial<KeyProject>);
  }

  protected override where(query: ListKeyProjectsQuery): FindOptionsWhere<KeyProject> {
    return { committeeId: query.committeeId, year: query.year, stage: query.stage };
  }

  protected override async checkWrite(
    manager: EntityManager,
    next: KeyProject,
    current?: KeyProject,
  ): Promise<void> {
    await requireCommittee(manager, next.committeeId);
    next.plannedInvestment = amountToStore(next.plannedInvestment, 'plannedInvestment');
    if (
      current &&
      current.year !== next.year &&
      (await this.projects.hasSnapshotOutsideYear(manager, next.id, next.year))
    ) {
      throw ruleViolation(
        {
          zh: '项目已有其他年度的进度记录，不能改为该年度',
          en: 'The project has progress snapshots outside that year',
        },
        'year',
      );
    }
  }

  /**
   * 投资完成率 of one project as of `asOf` (default today), never past its year's end: the
   * latest snapshot on or before the date ÷ the planned investment (projects.rules.ts).
   */
  async completion(id: number, asOf?: string): Promise<KeyProjectCompletion> {
    const project = await this.get(id);
    const date = reportingDate(
      project.year,
      asOf ?? localDate(this.clock.now(), this.config.timeZone),
    );
    const planned = Number(project.plannedInvestment);
    const result = completionAsOf(planned, await this.projects.snapshotsOf(id), date);
    return {
      projectId: project.id,
      year: project.year,
      asOf: date,
      plannedInvestment: project.plannedInvestment,
      completedInvestment: decimalText(result.completedInvestment)!,
      snapshotId: result.snapshotId,
      snapshotAsOf: result.snapshotAsOf,
      percentage: result.percentage,
    };
  }
}
