import type { RecordName } from '../../common/errors.js';
import type { AttachableRecord, Area } from '../../platform/areas/area.js';
import { ATTACHMENTS_LABELS } from './attachments.labels.js';

/** The purpose of a file when the record names none. */
export const DEFAULT_PURPOSE = 'file';

/** One kind of record that takes files, as the attachments module uses it. */
export interface AttachableKind extends AttachableRecord {
  /** Its permission resource: the attachments' `recordType`. */
  recordType: string;
  /** How messages name it (its area's `records` label, or 记录). */
  name: RecordName;
  purposes: readonly string[];
}

/** The injection token of the attachable kinds, by record type. */
export const ATTACHABLE_KINDS = Symbol('ATTACHABLE_KINDS');
export type AttachableKinds = ReadonlyMap<string, AttachableKind>;

/** Every area's `attachable` slot, by record type; a type declared twice stops the start. */
export function attachableKinds(areas: readonly Area[]): AttachableKinds {
  const kinds = new Map<string, AttachableKind>();
  for (const area of areas) {
    for (const [recordType, record] of Object.entries(area.attachable ?? {})) {
      if (!record) continue;
      if (kinds.has(recordType)) throw new Error(`attachable ${recordType} is declared twice`);
      const labels = area.labels.records;
      kinds.set(recordType, {
        ...record,
        recordType,
        name: labels?.[record.resource] ?? ATTACHMENTS_LABELS.records.record,
        purposes: record.purposes?.length ? record.purposes : [DEFAULT_PURPOSE],
      });
    }
  }
  return kinds;
}
