import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { setActor } from '../../platform/access/actor.js';
import { actorFor } from '../../platform/access/actors.js';
import { CommitteeTree } from '../../platform/access/committee-tree.js';
import type { ApiKey } from './api-key.entity.js';
import {
  PERMISSION_KEY,
  PERMISSION_RESOURCE_KEY,
  PUBLIC_KEY,
  SCOPE_KEY,
  type PermissionNeed,
} from '../../platform/access/auth.decorators.js';
import { ApiKeysService, bearerKey } from './api-keys.service.js';
import { can, ROLE_LABELS, type ResourceId } from '../../platform/access/permissions.js';
import type { ApiScope } from '../../platform/access/api-scopes.js';

export interface ApiRequest extends Request {
  /** The verified key, once identifyApiKey (before the rate limit) or the guard has checked it. */
  apiKey?: ApiKey | null;
}

/**
 * Verifies the request's key before the rate limit, so the limit counts per genuine key and
 * anything else (no key, a malformed header, a wrong key) per address. The guard then uses the
 * result instead of verifying again.
 */
export function identifyApiKey(apiKeys: ApiKeysService) {
  return async (req: ApiRequest, _res: Response, next: NextFunction): Promise<void> => {
    try {
      const key = bearerKey(req.headers.authorization);
      req.apiKey = key ? await apiKeys.verify(key) : null;
      next();
    } catch (error) {
      next(error);
    }
  };
}

const unauthorized = (zh: string, en: string): DomainError =>
  new DomainError(ErrorCode.Unauthorized, { zh, en });

const denied = (zh: string, en: string): DomainError =>
  new DomainError(ErrorCode.Forbidden, { zh, en });

/**
 * Every Nest route needs an API key in `Authorization: Bearer rw_…`, unless marked @Public().
 * The key must hold the scope its route handler declares (RequireScope: records:read,
 * personal:reveal, …) and its role the route's permission (permissions.ts); the key's committee
 * bounds the data. A route that declares no scope or permission is refused: new endpoints are
 * closed until declared.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly committees: CommitteeTree,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    if ('api_key' in request.query || 'apiKey' in request.query || 'key' in request.query) {
      throw unauthorized(
        'API 密钥只能放在 Authorization 请求头中，不能放在网址里',
        'Send the API key in the Authorization header, never in the URL',
      );
    }
    const key = bearerKey(request.headers.authorization);
    if (!key) {
      throw unauthorized(
        '缺少 API 密钥或格式不对（须为 Authorization: Bearer rw_…）',
        'Missing or malformed API key (Authorization: Bearer rw_…)',
      );
    }
    const apiKey = request.apiKey === undefined ? await this.apiKeys.verify(key) : request.apiKey;
    if (!apiKey) {
      throw unauthorized('API 密钥无效、已过期或已吊销', 'API key invalid, expired or revoked');
    }
    request.apiKey = apiKey;
    setActor(
      await actorFor(this.committees, {
        kind: 'apiKey',
        id: apiKey.id,
        name: apiKey.name,
        role: apiKey.role,
        committeeId: apiKey.committeeId,
      }),
    );

    const needed = this.reflector.get<ApiScope | undefined>(SCOPE_KEY, context.getHandler());
    if (!needed || !ApiKeysService.scopesOf(apiKey).includes(needed)) {
      throw denied(
        `该 API 密钥没有所需权限 ${needed ?? '（未声明）'}`,
        `This API key lacks the scope ${needed ?? '(undeclared)'}`,
      );
    }
    const need = this.reflector.get<PermissionNeed | undefined>(
      PERMISSION_KEY,
      context.getHandler(),
    );
    const resource =
      need?.resource ??
      this.reflector.get<ResourceId | undefined>(PERMISSION_RESOURCE_KEY, context.getClass());
    if (!need || !resource || !can(apiKey.role, resource, need.action)) {
      throw denied(
        `该 API 密钥的角色（${ROLE_LABELS[apiKey.role]}）无权执行此操作`,
        `This API key's role (${apiKey.role}) may not do "${need?.action ?? '(undeclared)'}" on ${resource ?? 'this resource'}`,
      );
    }
    return true;
  }
}
