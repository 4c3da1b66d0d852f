import type { Area } from '../../platform/areas/area.js';
import { Term } from './term.entity.js';
import { TERMS_LABELS } from './terms.labels.js';
import { TermsModule } from './terms.module.js';

/** Terms (届次). */
export const TERMS_AREA = {
  name: 'terms',
  module: TermsModule,
  entities: [Term],
  labels: TERMS_LABELS,
  adminAccess: { Term: { permission: 'term' } },
  admin: () => import('./admin/terms.admin.js'),
} satisfies Area;
