import type { DataSource } from 'typeorm';
import { personalDataHash } from '../common/personal-data.js';
import { Deputy } from '../modules/deputies/deputy.entity.js';

/**
 * Encrypts phones written before personal data was encrypted at rest (plain text, no `v1:`
 * prefix) and fills their search hash; rows already encrypted are left alone. One transaction.
 */
export async function encryptPlainPersonalData(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const rows: { id: number; phone: string }[] = await manager
      .createQueryBuilder(Deputy, 'deputy')
      .select(['deputy.id AS id', 'deputy.phone AS phone'])
      .where(`deputy.phone IS NOT NULL AND deputy.phone NOT LIKE 'v1:%'`)
      .getRawMany();
    for (const row of rows) {
      await manager.update(
        Deputy,
        { id: row.id },
        { phone: row.phone, phoneHash: personalDataHash(row.phone) },
      );
    }
    return rows.length;
  });
}
