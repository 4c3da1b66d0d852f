import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CadenceRule } from './cadence-rule.entity.js';
import { CadenceRulesService } from './cadence-rules.service.js';
import { ComplianceController } from './compliance.controller.js';
import { ComplianceRepository } from './compliance.repository.js';
import { ComplianceService } from './compliance.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CadenceRule]), NotificationsModule],
  controllers: [ComplianceController],
  providers: [ComplianceRepository, ComplianceService, CadenceRulesService],
  exports: [ComplianceService, CadenceRulesService],
})
export class ComplianceModule {}
