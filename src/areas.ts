import type { PanelArea } from './admin/admin-area.js';
import { ACTIVITIES_AREA } from './modules/activities/activities.area.js';
import { ATTACHMENTS_AREA } from './modules/attachments/attachments.area.js';
import { AUTH_AREA } from './modules/auth/auth.area.js';
import { CALENDAR_AREA } from './modules/calendar/calendar.area.js';
import { COMMITTEES_AREA } from './modules/committees/committees.area.js';
import { COMPLIANCE_AREA } from './modules/compliance/compliance.area.js';
import { DEPUTIES_AREA } from './modules/deputies/deputies.area.js';
import { DICTIONARIES_AREA } from './modules/dictionaries/dictionaries.area.js';
import { HEALTH_AREA } from './modules/health/health.area.js';
import { INDICATORS_AREA } from './modules/indicators/indicators.area.js';
import { JOBS_AREA } from './modules/jobs/jobs.area.js';
import { NOTIFICATIONS_AREA } from './modules/notifications/notifications.area.js';
import { OUTREACH_AREA } from './modules/outreach/outreach.area.js';
import { PLENARY_AREA } from './modules/plenary/plenary.area.js';
import { PROJECTS_AREA } from './modules/projects/projects.area.js';
import { SUGGESTIONS_AREA } from './modules/suggestions/suggestions.area.js';
import { STATIONS_AREA } from './modules/stations/stations.area.js';
import { SUPERVISION_AREA } from './modules/supervision/supervision.area.js';
import { TERMS_AREA } from './modules/terms/terms.area.js';
import { TRAINING_AREA } from './modules/training/training.area.js';

/**
 * The business areas, each registered by its `src/modules/<area>/<area>.area.ts`: the app
 * imports their Nest modules, the data source their entities, the panel their resources and
 * labels. Nest registers modules (and routes) in this order; within a navigation group the
 * panel's sidebar keeps it too. A new area is one line here.
 */
export const AREAS = [
  COMMITTEES_AREA,
  TERMS_AREA,
  // Before deputies: Nest routes the modules in this order, and [A1] §3 moves
  // GET /deputies/performance to activities, which /deputies/:id must not catch first.
  ACTIVITIES_AREA,
  DEPUTIES_AREA,
  PLENARY_AREA,
  PROJECTS_AREA,
  ATTACHMENTS_AREA,
  TRAINING_AREA,
  SUPERVISION_AREA,
  INDICATORS_AREA,
  CALENDAR_AREA,
  STATIONS_AREA,
  OUTREACH_AREA,
  SUGGESTIONS_AREA,
  DICTIONARIES_AREA,
  COMPLIANCE_AREA,
  JOBS_AREA,
  NOTIFICATIONS_AREA,
  AUTH_AREA,
  HEALTH_AREA,
] satisfies readonly PanelArea[];
