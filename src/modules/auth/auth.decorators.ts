import { SetMetadata } from '@nestjs/common';

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
