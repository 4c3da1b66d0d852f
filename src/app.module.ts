import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdminPanelModule } from './admin/admin.module.js';
import { CoreModule } from './common/core.module.js';
import type { AppConfig } from './config/app.config.js';
import { dataSourceOptions, ensureDatabaseExists } from './database/data-source-options.js';
import { takeTurnsOnSqlite } from './database/sqlite-transactions.js';
import { ActivitiesModule } from './modules/activities/activities.module.js';
import { AuditModule } from './platform/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CommitteesModule } from './modules/committees/committees.module.js';
import { DeputiesModule } from './modules/deputies/deputies.module.js';
import { DictionariesModule } from './modules/dictionaries/dictionaries.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ComplianceModule } from './modules/compliance/compliance.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { TermsModule } from './modules/terms/terms.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { admin?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabaseExists(config);
            return {
              ...dataSourceOptions(config),
              migrationsRun: config.migrationsRun,
              retryAttempts: 3,
              retryDelay: 2000,
            };
          },
          dataSourceFactory: (options) =>
            Promise.resolve(takeTurnsOnSqlite(new DataSource(options!))),
        }),
        AuditModule,
        AuthModule,
        CommitteesModule,
        TermsModule,
        // Before DeputiesModule: its `GET /deputies/performance` must be routed before `/deputies/:id`.
        ActivitiesModule,
        DeputiesModule,
        DictionariesModule,
        NotificationsModule,
        ComplianceModule,
        JobsModule,
        HealthModule,
        ...(options.admin === false ? [] : [AdminPanelModule.forRoot(config)]),
      ],
    };
  }
}
