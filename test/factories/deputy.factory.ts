import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { DeputiesService } from '../../src/modules/deputies/deputies.service.js';
import type { Deputy } from '../../src/modules/deputies/deputy.entity.js';
import type { CreateDeputyDto } from '../../src/modules/deputies/dto/deputy.dto.js';
import { uniqueName, uniquePhone } from './unique.js';

export type DeputyOverrides = Partial<CreateDeputyDto> & { committeeId: number };

/**
 * A deputy's fields as `POST /api/v1/deputies` takes them: a unique name and phone, a female
 * district-level deputy of `committeeId` unless overridden. For tests that write through the API.
 */
export function deputyInput(overrides: DeputyOverrides): CreateDeputyDto {
  return {
    name: uniqueName('代表'),
    gender: 'female',
    level: 'district',
    phone: uniquePhone(),
    ...overrides,
  };
}

/** A deputy written through DeputiesService as the system (validated and audited as any write). */
export function createDeputy(app: INestApplication, overrides: DeputyOverrides): Promise<Deputy> {
  return runAsSystem('test', () => app.get(DeputiesService).create(deputyInput(overrides)));
}

/** `count` deputies of one committee, each with its own unique name and phone. */
export async function createDeputies(
  app: INestApplication,
  count: number,
  overrides: DeputyOverrides,
): Promise<Deputy[]> {
  const deputies: Deputy[] = [];
  for (let index = 0; index < count; index += 1) {
    deputies.push(await createDeputy(app, overrides));
  }
  return deputies;
}
