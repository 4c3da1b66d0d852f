import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { Committee } from '../../src/modules/committees/committee.entity.js';
import { CommitteesService } from '../../src/modules/committees/committees.service.js';
import { CommunitiesService } from '../../src/modules/committees/communities.service.js';
import type { Community, CommunityKind } from '../../src/modules/committees/community.entity.js';
import { uniqueName } from './unique.js';

// Committees are kept by the system administrator (the API has no write for them): the factories
// write through the services as the system, as the panel's actions do.

/** A district standing committee (区人大常委会), the root of a committee tree. */
export function createDistrict(
  app: INestApplication,
  overrides: { name?: string } = {},
): Promise<Committee> {
  return runAsSystem('test', () =>
    app.get(CommitteesService).create({
      name: overrides.name ?? uniqueName('测试区人大常委会'),
      kind: 'district',
    }),
  );
}

/** A subdistrict working committee (街道人大工委) under `parentId`. */
export function createSubdistrict(
  app: INestApplication,
  overrides: { parentId: number; name?: string },
): Promise<Committee> {
  return runAsSystem('test', () =>
    app.get(CommitteesService).create({
      name: overrides.name ?? uniqueName('测试街道人大工委'),
      kind: 'subdistrict',
      parentId: overrides.parentId,
    }),
  );
}

/** A community or village (社区/村) of a subdistrict committee. */
export function createCommunity(
  app: INestApplication,
  overrides: {
    committeeId: number;
    name?: string;
    kind?: CommunityKind;
    externalId?: string | null;
  },
): Promise<Community> {
  return runAsSystem('test', () =>
    app.get(CommunitiesService).create({
      name: overrides.name ?? uniqueName('测试社区'),
      kind: overrides.kind ?? 'community',
      committeeId: overrides.committeeId,
      externalId: overrides.externalId ?? null,
    }),
  );
}

/** A district standing committee with one subdistrict committee, unique names unless given. */
export async function createOrganisation(
  app: INestApplication,
  names: { district?: string; subdistrict?: string } = {},
): Promise<{ districtId: number; subdistrictId: number }> {
  const district = await createDistrict(app, { name: names.district });
  const subdistrict = await createSubdistrict(app, {
    parentId: district.id,
    name: names.subdistrict,
  });
  return { districtId: district.id, subdistrictId: subdistrict.id };
}
