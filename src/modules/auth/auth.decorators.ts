import { SetMetadata } from '@nestjs/common';
import type { Action, ResourceId } from './permissions.js';

export const PUBLIC_KEY = 'renda:public';
export const SCOPE_AREA_KEY = 'renda:scope-area';

export type ScopeArea = 'records' | 'reports';

/** Open to anyone (health checks). Everything else needs an API key. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * The scope family a controller belongs to: reads (GET/HEAD) need `<area>:read`,
 * every other method `<area>:write`.
 */
export const ScopeArea = (area: ScopeArea): ClassDecorator => SetMetadata(SCOPE_AREA_KEY, area);

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
