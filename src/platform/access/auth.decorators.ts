import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { ApiScope } from './api-scopes.js';
import type { Action, ResourceId } from './permissions.js';

export const PUBLIC_KEY = 'renda:public';
export const SCOPE_KEY = 'renda:scope';

/** Open to anyone (health checks). Everything else needs an API key. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * The API key scope an operation needs, declared on each route handler and never derived from
 * the HTTP method (a POST that reveals personal data is no write). The OpenAPI document shows it
 * as `x-required-scope`. A route without one is refused.
 */
export const RequireScope = (scope: ApiScope): MethodDecorator =>
  applyDecorators(SetMetadata(SCOPE_KEY, scope), ApiExtension('x-required-scope', scope));

export const PERMISSION_KEY = 'renda:permission';

export interface PermissionNeed {
  resource?: ResourceId;
  action: Action;
}

/**
 * The permission (permissions.ts) a route needs. On a class, names the resource for its methods;
 * on a method, the action (and the resource if it differs). A route without one is refused.
 */
export const Permission = (
  resource: ResourceId | undefined,
  action: Action,
): MethodDecorator & ClassDecorator => SetMetadata(PERMISSION_KEY, { resource, action });

export const PERMISSION_RESOURCE_KEY = 'renda:permission-resource';

export const PermissionResource = (resource: ResourceId): ClassDecorator =>
  SetMetadata(PERMISSION_RESOURCE_KEY, resource);
