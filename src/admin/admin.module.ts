import { AdminModule } from '@adminjs/nestjs';
import { Database, Resource } from '@adminjs/typeorm';
import { type DynamicModule, Module } from '@nestjs/common';
import AdminJS from 'adminjs';
import type { SessionOptions } from 'express-session';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app.config.js';
import { ADMIN_SESSION_OPTIONS } from '../modules/auth/admin-session.options.js';
import { CommitteesService } from '../modules/committees/committees.service.js';
import { ComplianceService } from '../modules/compliance/compliance.service.js';
import { NotificationsRepository } from '../modules/notifications/notifications.repository.js';
import { ReportsModule } from '../modules/reports/reports.module.js';
import { registerAdminAccess } from './admin-access.js';
import {
  adminInjections,
  loadAdminAreas,
  panelPages,
  panelResources,
  type PanelArea,
} from './admin-area.js';
import { AdminExpressLoader, type PanelOptions } from './admin-express.loader.js';
import type { AdminSessionUser } from './admin-session-user.js';
import { COMMANDS_BY_POST_SCRIPT } from './admin-guards.js';
import { PANEL_STYLESHEET } from './panel-stylesheet.js';
import { COMPONENTS, componentLoader } from './components/components.js';
import { dashboardHandler } from './dashboard.js';
import { zhCN } from './locale/zh-CN.js';

AdminJS.registerAdapter({ Database, Resource });

/**
 * The back office at /admin: AdminJS in Chinese, writing through the same services as the API.
 * Its resources, labels and access come from the areas (src/areas.ts): each area's admin part
 * (`src/modules/<area>/admin/`) names the services it needs, and they are injected here.
 */
@Module({})
export class AdminPanelModule {
  static async forRoot(config: AppConfig, areas: readonly PanelArea[]): Promise<DynamicModule> {
    registerAdminAccess(areas);
    const parts = await loadAdminAreas(areas);
    const translations = zhCN(areas);
    return {
      module: AdminPanelModule,
      imports: [
        AdminModule.createAdminAsync({
          // Every area's module: what the areas' parts and the loader (AdminExpressLoader) inject.
          imports: [...areas.map((area) => area.module), ReportsModule.forRoot(areas)],
          inject: [
            Clock,
            ComplianceService,
            CommitteesService,
            NotificationsRepository,
            ADMIN_SESSION_OPTIONS,
            ...adminInjections(parts),
          ],
          customLoader: AdminExpressLoader,
          useFactory: (
            clock: Clock,
            compliance: ComplianceService,
            committees: CommitteesService,
            notifications: NotificationsRepository,
            sessionOptions: SessionOptions,
            ...areaServices: unknown[]
          ): PanelOptions => ({
            areaPages: panelPages(parts, areaServices, {
              timeZone: config.timeZone,
              rootPath: '/admin',
            }),
            adminJsOptions: {
              rootPath: '/admin',
              loginPath: '/admin/login',
              logoutPath: '/admin/logout',
              resources: panelResources(areas, parts, areaServices, { timeZone: config.timeZone }),
              componentLoader,
              // Custom actions run by POST only (admin-guards.ts): the page's client sends them so.
              // The panel's own style rules (panel-stylesheet.ts).
              assets: {
                scripts: [`/admin${COMMANDS_BY_POST_SCRIPT}`],
                styles: [`/admin${PANEL_STYLESHEET}`],
              },
              dashboard: {
                component: COMPONENTS.Dashboard,
                handler: dashboardHandler({
                  rootPath: '/admin',
                  timeZone: config.timeZone,
                  clock,
                  compliance,
                  committees,
                  notifications,
                }),
              },
              branding: {
                companyName: '人大工委工作平台',
                withMadeWithLove: false,
                logo: false,
              },
              locale: {
                language: 'zh-CN',
                availableLanguages: ['zh-CN', 'en'],
                translations: { 'zh-CN': translations },
                localeDetection: false,
              },
            },
            auth: {
              cookieName: config.session.cookieName,
              cookiePassword: config.session.secret,
              // The login POST is answered by AdminExpressLoader's own route (lockout, login log,
              // session regeneration) before AdminJS's handler could call this.
              authenticate: (): Promise<AdminSessionUser | null> => Promise.resolve(null),
            },
            sessionOptions,
          }),
        }),
      ],
      providers: [],
    };
  }
}
