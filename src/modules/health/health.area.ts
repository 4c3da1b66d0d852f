import type { Area } from '../../platform/areas/area.js';
import { HealthModule } from './health.module.js';

/** The health checks (/health): no records, no screens. */
export const HEALTH_AREA = {
  name: 'health',
  module: HealthModule,
  entities: [],
  labels: {},
} satisfies Area;
