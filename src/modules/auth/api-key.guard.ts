import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { setActor } from '../../common/request-context.js';
import { actorFor } from './actors.js';
import type { ApiKey } from './api-key.entity.js';
import {
  PERMISSION_KEY,
  PERMISSION_RESOURCE_KEY,
  PUBLIC_KEY,
  SCOPE_AREA_KEY,
  type PermissionNeed,
  type ScopeArea,
} from './auth.decorators.js';
import { ApiKeysService } from './api-keys.service.js';
import { can, type ResourceId } from './permissions.js';

export interface ApiRequest extends Request {
  apiKey?: ApiKey;
}

const unauthorized = (zh: string, en: string): DomainError =>
  new DomainError(ErrorCode.Unauthorized, { zh, en });

const denied = (zh: string, en: string): DomainError =>
  new DomainError(ErrorCode.Forbidden, { zh, en });

/**
 * Every Nest route needs an API key in `Authorization: Bearer`, unless marked @Public(). The key
 * must hold the route's scope family (records:read, …) and its role the route's permission
 * (permissions.ts); the key's committee bounds the data. A route that declares no scope area or
 * permission is refused: new endpoints are closed until declared.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const header = request.headers.authorization ?? '';
    const [scheme, key] = header.split(' ');
    if (scheme !== 'Bearer' || !key) {
      throw unauthorized(
        '缺少 API 密钥（Authorization: Bearer …）',
        'Missing API key (Authorization: Bearer …)',
      );
    }
    const apiKey = await this.apiKeys.verify(key);
    if (!apiKey) {
      throw unauthorized('API 密钥无效、已过期或已吊销', 'API key invalid, expired or revoked');
    }
    request.apiKey = apiKey;
    setActor(
      await actorFor(this.dataSource.manager, {
        kind: 'apiKey',
        id: apiKey.id,
        name: apiKey.name,
        role: apiKey.role,
        committeeId: apiKey.committeeId,
      }),
    );

    const area = this.reflector.getAllAndOverride<ScopeArea | undefined>(SCOPE_AREA_KEY, targets);
    const reading = request.method === 'GET' || request.method === 'HEAD';
    const needed = area ? `${area}:${reading ? 'read' : 'write'}` : undefined;
    if (!needed || !ApiKeysService.scopesOf(apiKey).includes(needed as never)) {
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
        `该 API 密钥的角色无权执行此操作`,
        `This API key's role may not ${need?.action ?? '(undeclared)'} ${resource ?? 'this'}`,
      );
    }
    return true;
  }
}
