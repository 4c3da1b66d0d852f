import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit-log.entity.js';
import { RecordWrites } from '../records/write-use-case.js';
import { AuditTrail } from './audit-trail.service.js';

/**
 * Global: every service that writes records also writes the audit trail, through the one
 * use-case helper (RecordWrites) that holds the write's transaction and its audit rows.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog])],
  providers: [AuditTrail, RecordWrites],
  exports: [AuditTrail, RecordWrites],
})
export class AuditModule {}
