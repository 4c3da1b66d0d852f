import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AREAS } from './areas.js';
import { CoreModule } from './common/core.module.js';
import type { AppConfig } from './config/app.config.js';
import { dataSourceOptions, ensureDatabaseExists } from './database/data-source-options.js';
import { takeTurnsOnSqlite } from './database/sqlite-transactions.js';
import { AttachmentsModule } from './modules/attachments/attachments.module.js';
import { DeadlinesModule } from './modules/deadlines/deadlines.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { AuditModule } from './platform/audit/audit.module.js';

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
        ...AREAS.map((area) => area.module),
        ReportsModule.forRoot(AREAS),
        AttachmentsModule.forRoot(AREAS),
        DeadlinesModule.forRoot(AREAS),
        // Imported only when served, so the CLI (admin: false) never loads AdminJS.
        ...(options.admin === false
          ? []
          : [
              import('./admin/admin.module.js').then(({ AdminPanelModule }) =>
                AdminPanelModule.forRoot(config, AREAS),
              ),
            ]),
      ],
    };
  }
}
