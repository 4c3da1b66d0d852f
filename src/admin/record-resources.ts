import type { DeepPartial } from 'typeorm';
import type { RecordService } from '../platform/records/record.service.js';
import type { ReadBinding, WriteBinding } from './service-resource.js';

/** A RecordService as a ServiceResource's binding: its scope, personal fields and writes. */
export const bindRecordService = <T extends { id: number }>(
  service: RecordService<T>,
  createDto: WriteBinding['createDto'],
  updateDto: WriteBinding['updateDto'],
  personalFields: readonly string[] = [],
): WriteBinding & ReadBinding => ({
  scope: (actor, where) => service.scopeFor(actor, where),
  personalFields,
  reveal: (id) => service.reveal(id, personalFields),
  createDto,
  updateDto,
  create: (input) => service.create(input as DeepPartial<T>),
  update: (id, input) => service.update(id, input as DeepPartial<T>),
  remove: (id) => service.remove(id),
});

/** Created / updated: shown on the record's page, the creation time also in the filter. */
export const TIMESTAMPS = {
  createdAt: { isVisible: { list: false, filter: true, show: true, edit: false } },
  updatedAt: { isVisible: { list: false, filter: false, show: true, edit: false } },
};
