import AdminJSExpress from '@adminjs/express';
import type { AdminModuleOptions } from '@adminjs/nestjs';
import { AbstractLoader } from '@adminjs/nestjs';
import { Inject, Injectable } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type AdminJS from 'adminjs';
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { AuditTrail } from '../platform/audit/audit-trail.service.js';
import { CommitteeTree } from '../platform/access/committee-tree.js';
import { AdminUsersService } from '../modules/auth/admin-users.service.js';
import { LoginService } from '../modules/auth/login.service.js';
import { CommitteesService } from '../modules/committees/committees.service.js';
import { NotificationsRepository } from '../modules/notifications/notifications.repository.js';
import { SecondFactorService } from '../modules/auth/second-factor.service.js';
import { ComplianceService } from '../modules/compliance/compliance.service.js';
import { DeputiesService } from '../modules/deputies/deputies.service.js';
import { AttachmentsService } from '../modules/attachments/attachments.service.js';
import { adminApiAccess } from './admin-api-access.js';
import { commandsByPost, formBodyInContext, sameOriginWrites } from './admin-guards.js';
import { addLoginRoutes, loginPage } from './admin-login.routes.js';
import { isAdminPageHandler, mountAdminPages, type AdminPage } from './admin-page.js';
import { adminSession, credentialsDue, startSession } from './admin-session.middleware.js';
import { CHANGE_PASSWORD_PATH, changePassword } from './change-password.routes.js';
import { complianceGrid } from './compliance-grid.page.js';
import { overviewReport } from './overview.page.js';
import { OverviewService } from '../modules/reports/overview.service.js';
import { ATTACHMENT_UPLOAD_PATH, attachmentPages } from './attachments.page.js';
import { fitForPolicy } from './content-policy.middleware.js';
import { deputyExport } from './exports.route.js';
import {
  addSecondFactorLogin,
  SECOND_FACTOR_PATH,
  SECOND_FACTOR_SETUP_PATH,
  secondFactorSetup,
} from './second-factor.routes.js';
import { panelStylesheet } from './panel-stylesheet.js';
import { selfHostedFonts } from './self-hosted-fonts.js';

interface RouterLayer {
  name: string;
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
}

/** A route the panel answers before AdminJS, and whether adminPage() wraps it. */
export interface PanelRoute {
  method: string;
  path: string;
  adminPage: boolean;
}

/**
 * Moves the admin router just before Nest's body parsers (which AdminJS's formidable must not
 * follow) but behind our global middlewares (request log, helmet, shared session): the stock
 * loader moves it to the top of the stack, past them.
 */
function mountBeforeBodyParsers(app: Application, rootPath: string, router: express.Router) {
  app.use(rootPath, function admin(req: Request, res: Response, next: NextFunction) {
    return router(req, res, next);
  });
  const stack = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
  const adminIndex = stack.findIndex((layer) => layer.name === 'admin');
  const parserIndex = stack.findIndex(
    (layer) => layer.name === 'jsonParser' || layer.name === 'urlencodedParser',
  );
  if (adminIndex >= 0 && parserIndex >= 0 && parserIndex < adminIndex) {
    const [adminLayer] = stack.splice(adminIndex, 1);
    stack.splice(parserIndex, 0, adminLayer);
  }
}

/** The admin module's options with the areas' custom pages (AdminArea.pages), for the loader. */
export type PanelOptions = AdminModuleOptions & { areaPages: readonly AdminPage[] };

/**
 * Mounts AdminJS like @adminjs/nestjs's ExpressLoader, in front of it, in this order: the
 * page policy (fonts, nonces), the request guards (same origin, form bodies), the login
 * (admin-login.routes, second-factor code), the session check, the credentials due (password,
 * second factor), the custom pages (each an adminPage()), and the permission guard of
 * AdminJS's own API. This file only composes them.
 */
@Injectable()
export class AdminExpressLoader extends AbstractLoader {
  /** The registered panel (its resources and actions), once mounted. */
  admin!: AdminJS;
  /** The custom pages, as mounted. */
  pages: readonly AdminPage[] = [];
  /** The routes this loader mounts before AdminJS adds its own to the same router. */
  private ownLayers: RouterLayer[] = [];

  constructor(
    private readonly users: AdminUsersService,
    private readonly logins: LoginService,
    private readonly secondFactor: SecondFactorService,
    private readonly compliance: ComplianceService,
    private readonly committees: CommitteesService,
    private readonly notifications: NotificationsRepository,
    private readonly deputies: DeputiesService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly committeeTree: CommitteeTree,
    private readonly overviews: OverviewService,
    private readonly attachments: AttachmentsService,
  ) {
    super();
  }

  register(
    admin: AdminJS,
    httpAdapter: AbstractHttpAdapter,
    options: AdminModuleOptions,
  ): Promise<void> {
    this.admin = admin;
    const { rootPath, loginPath } = admin.options;
    const { audit, clock, config, logins } = this;
    // Case-sensitive like the guards that read req.path: `/API/…` must not reach AdminJS's `/api/…`.
    const predefined = express.Router({ caseSensitive: true });
    predefined.use(selfHostedFonts());
    predefined.use(fitForPolicy(rootPath));
    predefined.use(sameOriginWrites);
    predefined.use(commandsByPost());
    predefined.use(panelStylesheet());
    predefined.use(
      formBodyInContext({
        openPaths: ['/login', SECOND_FACTOR_PATH],
        maxBytes: config.adminUploads.maxBytes,
        uploadDir: config.adminUploads.dir,
        // The attachment form's file plus its few fields.
        largeUploads: { [ATTACHMENT_UPLOAD_PATH]: config.attachments.maxBytes + 64 * 1024 },
      }),
    );
    addLoginRoutes(predefined, { admin, logins, audit, clock, config });
    predefined.use(
      adminSession({ users: this.users, clock, config, committees: this.committeeTree, loginPath }),
    );
    addSecondFactorLogin(predefined, {
      rootPath,
      logins,
      clock,
      startSession: (req, res, result) => startSession(req, res, result, clock, rootPath),
      refuseLogin: (res, status, message) => loginPage(admin, res, status, message),
    });
    predefined.use(
      credentialsDue({
        rootPath,
        changePasswordPath: CHANGE_PASSWORD_PATH,
        secondFactorSetupPath: SECOND_FACTOR_SETUP_PATH,
      }),
    );
    this.pages = [
      ...changePassword({ rootPath, logins }),
      ...secondFactorSetup({ rootPath, loginPath, logins, secondFactor: this.secondFactor }),
      complianceGrid({
        rootPath,
        timeZone: config.timeZone,
        compliance: this.compliance,
        committees: this.committees,
        notifications: this.notifications,
      }),
      deputyExport({ deputies: this.deputies, timeZone: config.timeZone }),
      overviewReport({
        rootPath,
        timeZone: config.timeZone,
        overviews: this.overviews,
        committees: this.committees,
      }),
      ...(options as PanelOptions).areaPages,
      ...attachmentPages({ rootPath, attachments: this.attachments }),
    ];
    mountAdminPages(predefined, this.pages, { loginPath, audit, clock });
    predefined.use(adminApiAccess(admin, audit));
    this.ownLayers = [...(predefined as unknown as { stack: RouterLayer[] }).stack];
    const router = options.auth
      ? AdminJSExpress.buildAuthenticatedRouter(
          admin,
          options.auth,
          predefined,
          options.sessionOptions,
          options.formidableOptions,
        )
      : AdminJSExpress.buildRouter(admin, predefined, options.formidableOptions);
    mountBeforeBodyParsers(httpAdapter.getInstance<Application>(), rootPath, router);
    return Promise.resolve();
  }

  /**
   * Every route answered before AdminJS, and whether adminPage() wraps it: all but the login's
   * own (login, logout, the second-factor code) must be (admin-page e2e checks it).
   */
  panelRoutes(): PanelRoute[] {
    return this.ownLayers.flatMap(({ route }) =>
      route
        ? Object.keys(route.methods).map((method) => ({
            method,
            path: route.path,
            adminPage: route.stack.every((layer) => isAdminPageHandler(layer.handle)),
          }))
        : [],
    );
  }
}
