import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesModule } from '../committees/committees.module.js';
import { adminSessionOptionsProvider, ADMIN_SESSION_OPTIONS } from './admin-session.options.js';
import { AdminUser } from './admin-user.entity.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { ApiKey } from './api-key.entity.js';
import { AdminUsersService } from './admin-users.service.js';
import { AuthRepository } from './auth.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { LoginAttemptsService } from './login-attempts.service.js';
import { LoginService } from './login.service.js';
import { AdminSessionsService } from './admin-sessions.service.js';
import { UserAdministrationService } from './user-administration.service.js';
import { SecondFactorService } from './second-factor.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AdminUser, ApiKey, LoginAttempt]), CommitteesModule],
  providers: [
    AuthRepository,
    AdminUsersService,
    ApiKeysService,
    LoginAttemptsService,
    LoginService,
    UserAdministrationService,
    AdminSessionsService,
    SecondFactorService,
    adminSessionOptionsProvider,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [
    AdminUsersService,
    ApiKeysService,
    LoginService,
    UserAdministrationService,
    AdminSessionsService,
    SecondFactorService,
    ADMIN_SESSION_OPTIONS,
  ],
})
export class AuthModule {}
