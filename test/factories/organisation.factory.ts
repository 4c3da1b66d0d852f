import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { CommitteesService } from '../../src/modules/committees/committees.service.js';

/** A district standing committee with one subdistrict committee, written as the system would. */
export async function createOrganisation(
  app: INestApplication,
  names: { district?: string; subdistrict?: string } = {},
): Promise<{ districtId: number; subdistrictId: number }> {
  const committees = app.get(CommitteesService);
  return runAsSystem('test', async () => {
    const district = await committees.create({
      name: names.district ?? '测试区人大常委会',
      kind: 'district',
    });
    const subdistrict = await committees.create({
      name: names.subdistrict ?? '测试街道人大工委',
      kind: 'subdistrict',
      parentId: district.id,
    });
    return { districtId: district.id, subdistrictId: subdistrict.id };
  });
}
