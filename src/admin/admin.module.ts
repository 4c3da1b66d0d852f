import { AdminModule } from '@adminjs/nestjs';
import { Database, Resource } from '@adminjs/typeorm';
import { type DynamicModule, Module } from '@nestjs/common';
import AdminJS from 'adminjs';
import type { SessionOptions } from 'express-session';
import type { AppConfig } from '../config/app.config.js';
import { ActivitiesModule } from '../modules/activities/activities.module.js';
import { ActivitiesService } from '../modules/activities/activities.service.js';
import { AttendanceService } from '../modules/activities/attendance.service.js';
import { AdminUsersService } from '../modules/auth/admin-users.service.js';
import { ADMIN_SESSION_OPTIONS } from '../modules/auth/admin-session.options.js';
import { AuthModule } from '../modules/auth/auth.module.js';
import { CommitteesModule } from '../modules/committees/committees.module.js';
import { CommitteesService } from '../modules/committees/committees.service.js';
import { NotificationsModule } from '../modules/notifications/notifications.module.js';
import { NotificationsRepository } from '../modules/notifications/notifications.repository.js';
import { CommunitiesService } from '../modules/committees/communities.service.js';
import { DeputiesModule } from '../modules/deputies/deputies.module.js';
import { DeputiesService } from '../modules/deputies/deputies.service.js';
import { DeputyGroupsService } from '../modules/deputies/deputy-groups.service.js';
import { DictionariesModule } from '../modules/dictionaries/dictionaries.module.js';
import { DictionariesService } from '../modules/dictionaries/dictionaries.service.js';
import { DictionaryItemsService } from '../modules/dictionaries/dictionary-items.service.js';
import { TermsModule } from '../modules/terms/terms.module.js';
import { TermsService } from '../modules/terms/terms.service.js';
import { AdminExpressLoader } from './admin-express.loader.js';
import type { AdminSessionUser } from './admin-session-user.js';
import { COMMANDS_BY_POST_SCRIPT } from './admin-guards.js';
import { ZH_CN } from './locale/zh-CN.js';
import { adminResources } from './resources/resources.js';
import { ComplianceService } from '../modules/compliance/compliance.service.js';
import { COMPONENTS, componentLoader } from './components/components.js';
import { dashboardHandler } from './dashboard.js';
import { Clock } from '../common/clock.js';
import { CadenceRulesService } from '../modules/compliance/cadence-rules.service.js';
import { JobsScheduler } from '../modules/jobs/jobs.scheduler.js';
import { ManualRunsService } from '../modules/compliance/manual-runs.service.js';
import { ComplianceModule } from '../modules/compliance/compliance.module.js';
import { JobsModule } from '../modules/jobs/jobs.module.js';
import { AdminSessionsService } from '../modules/auth/admin-sessions.service.js';
import { ApiKeysService } from '../modules/auth/api-keys.service.js';
import { UserAdministrationService } from '../modules/auth/user-administration.service.js';

AdminJS.registerAdapter({ Database, Resource });

/** The back office at /admin: AdminJS in Chinese, writing through the same services as the API. */
@Module({})
export class AdminPanelModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AdminPanelModule,
      imports: [
        AdminModule.createAdminAsync({
          imports: [
            AuthModule,
            CommitteesModule,
            TermsModule,
            DeputiesModule,
            DictionariesModule,
            ActivitiesModule,
            ComplianceModule,
            JobsModule,
            NotificationsModule,
          ],
          inject: [
            AdminUsersService,
            CommitteesService,
            CommunitiesService,
            TermsService,
            DeputyGroupsService,
            DeputiesService,
            DictionariesService,
            DictionaryItemsService,
            ActivitiesService,
            AttendanceService,
            UserAdministrationService,
            ApiKeysService,
            AdminSessionsService,
            CadenceRulesService,
            ManualRunsService,
            JobsScheduler,
            Clock,
            ComplianceService,
            NotificationsRepository,
            ADMIN_SESSION_OPTIONS,
          ],
          customLoader: AdminExpressLoader,
          useFactory: (
            users: AdminUsersService,
            committees: CommitteesService,
            communities: CommunitiesService,
            terms: TermsService,
            deputyGroups: DeputyGroupsService,
            deputies: DeputiesService,
            dictionaries: DictionariesService,
            dictionaryItems: DictionaryItemsService,
            activities: ActivitiesService,
            attendance: AttendanceService,
            userAdministration: UserAdministrationService,
            apiKeys: ApiKeysService,
            adminSessions: AdminSessionsService,
            cadenceRules: CadenceRulesService,
            manualRuns: ManualRunsService,
            scheduler: JobsScheduler,
            clock: Clock,
            compliance: ComplianceService,
            notifications: NotificationsRepository,
            sessionOptions: SessionOptions,
          ) => ({
            adminJsOptions: {
              rootPath: '/admin',
              loginPath: '/admin/login',
              logoutPath: '/admin/logout',
              resources: adminResources({
                committees,
                communities,
                terms,
                deputyGroups,
                deputies,
                dictionaries,
                dictionaryItems,
                activities,
                attendance,
                userAdministration,
                apiKeys,
                adminSessions,
                cadenceRules,
                manualRuns,
                scheduler,
                clock,
                timeZone: config.timeZone,
                compliance,
              }),
              componentLoader,
              // Custom actions run by POST only (admin-guards.ts): the page's client sends them so.
              assets: { scripts: [`/admin${COMMANDS_BY_POST_SCRIPT}`] },
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
                translations: { 'zh-CN': ZH_CN },
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
