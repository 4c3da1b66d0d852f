import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { CountedOutcome } from '../../src/modules/projects/counted-outcome.entity.js';
import { CountedOutcomesService } from '../../src/modules/projects/counted-outcomes.service.js';
import type { CreateCountedOutcomeDto } from '../../src/modules/projects/dto/counted-outcome.dto.js';
import type { CreateKeyProjectDto } from '../../src/modules/projects/dto/key-project.dto.js';
import type { CreateProjectProgressDto } from '../../src/modules/projects/dto/project-progress.dto.js';
import type { KeyProject } from '../../src/modules/projects/key-project.entity.js';
import { KeyProjectsService } from '../../src/modules/projects/key-projects.service.js';
import type { ProjectProgress } from '../../src/modules/projects/project-progress.entity.js';
import { ProjectProgressService } from '../../src/modules/projects/project-progress.service.js';
import { uniqueName } from './unique.js';

export type KeyProjectOverrides = Partial<CreateKeyProjectDto> & { committeeId: number };

/**
 * A key project's fields as `POST /api/v1/key-projects` takes them: a unique name, 2019, 续建,
 * 10,000 万元 planned unless overridden.
 */
export function keyProjectInput(overrides: KeyProjectOverrides): CreateKeyProjectDto {
  return {
    name: uniqueName('重大项目'),
    year: 2019,
    stage: 'continuing',
    plannedInvestment: 10000,
    ...overrides,
  };
}

/** A key project written through KeyProjectsService as the system (validated and audited). */
export function createKeyProject(
  app: INestApplication,
  overrides: KeyProjectOverrides,
): Promise<KeyProject> {
  return runAsSystem('test', () => app.get(KeyProjectsService).create(keyProjectInput(overrides)));
}

/** A progress snapshot of `projectId` (default 2019-06-30, 5,000 万元 completed). */
export function createProjectProgress(
  app: INestApplication,
  overrides: Partial<CreateProjectProgressDto> & { projectId: number },
): Promise<ProjectProgress> {
  return runAsSystem('test', () =>
    app.get(ProjectProgressService).create({
      asOf: '2019-06-30',
      completedInvestment: 5000,
      ...overrides,
    }),
  );
}

export type CountedOutcomeOverrides = Partial<CreateCountedOutcomeDto> & { committeeId: number };

/** A counted outcome's fields as the API takes them: 2019, 12 家 清理"散乱污"企业, done. */
export function countedOutcomeInput(overrides: CountedOutcomeOverrides): CreateCountedOutcomeDto {
  return {
    year: 2019,
    name: '清理"散乱污"企业',
    value: 12,
    unit: '家',
    status: 'done',
    ...overrides,
  };
}

/** A counted outcome written through CountedOutcomesService as the system. */
export function createCountedOutcome(
  app: INestApplication,
  overrides: CountedOutcomeOverrides,
): Promise<CountedOutcome> {
  return runAsSystem('test', () =>
    app.get(CountedOutcomesService).create(countedOutcomeInput(overrides)),
  );
}
