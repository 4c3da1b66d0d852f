import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit-log.entity.js';
import { AuditTrail } from './audit-trail.service.js';

/** Global: every service that writes records also writes the audit trail. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog])],
  providers: [AuditTrail],
  exports: [AuditTrail],
})
export class AuditModule {}
