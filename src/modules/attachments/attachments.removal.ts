import { Injectable } from '@nestjs/common';
import type { ResourceId } from '../../platform/access/permissions.js';
import { RecordRemoval } from '../../platform/records/record-removal.js';
import type { Write } from '../../platform/records/write-use-case.js';
import { AttachmentsService } from './attachments.service.js';

/**
 * The platform's RecordRemoval port: a removed record's attachments go in the removal's
 * transaction, their files after its commit (no orphan file, and none lost to a rollback).
 */
@Injectable()
export class AttachmentsRemoval extends RecordRemoval {
  constructor(private readonly attachments: AttachmentsService) {
    super();
  }

  removing(write: Write, resource: ResourceId, id: number): Promise<void> {
    return this.attachments.removeAllOf(write, resource, id);
  }
}
