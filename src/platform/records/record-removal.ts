import type { ResourceId } from '../access/permissions.js';
import type { Write } from './write-use-case.js';

/**
 * What else goes when a record is removed, in the removal's own transaction: the port through
 * which `RecordService.remove` lets a module clean up rows that point at any record by type and
 * id (the attachments module deletes a record's attachments and unlinks their files after the
 * commit). The platform names it, a module provides it globally, so the platform imports no
 * module; without a provider (a bare test module) removal takes nothing along.
 */
export abstract class RecordRemoval {
  /**
   * Called inside the removal's transaction before the record's row is deleted: a refused delete
   * (a RESTRICT foreign key) or any later failure rolls this back too.
   */
  abstract removing(write: Write, resource: ResourceId, id: number): Promise<void>;
}
