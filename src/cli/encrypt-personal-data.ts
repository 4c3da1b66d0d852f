import type { DataSource } from 'typeorm';
import { personalDataHash } from '../common/personal-data.js';
import { SystemClock } from '../common/clock.js';
import { AuditTrail } from '../platform/audit/audit-trail.service.js';
import { RecordWrites, useCase } from '../platform/records/write-use-case.js';
import { runAsSystem } from '../platform/access/actor.js';
import { Deputy } from '../modules/deputies/deputy.entity.js';
import { DEPUTIES_LABELS } from '../modules/deputies/deputies.labels.js';

/**
 * Encrypts phones written before personal data was encrypted at rest (plain text, no `v1:`
 * prefix) and fills their search hash; rows already encrypted are left alone. One transaction,
 * as the system (`cli`): the command runs on the bare DataSource, outside any request.
 */
export async function encryptPlainPersonalData(
  dataSource: DataSource,
  audit = new AuditTrail(dataSource, new SystemClock()),
): Promise<number> {
  const writes = new RecordWrites(dataSource, audit);
  const edit = useCase('deputy', DEPUTIES_LABELS.records.deputy, 'edit');
  return runAsSystem('cli', () =>
    writes.run(edit, async (write) => {
      const { manager } = write;
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
      // Every CLI write is audited, in the transaction of the change (issue 10 #9c).
      await write.audit({
        action: 'update',
        detail: { field: 'phone', encryptedPhones: rows.length },
      });
      return rows.length;
    }),
  );
}
