import type { Area } from '../../platform/areas/area.js';
import { Committee } from './committee.entity.js';
import { COMMITTEES_LABELS } from './committees.labels.js';
import { CommitteesModule } from './committees.module.js';
import { Community } from './community.entity.js';

/** Committees (人大工委/常委会) and their communities (社区/村). */
export const COMMITTEES_AREA = {
  name: 'committees',
  module: CommitteesModule,
  entities: [Committee, Community],
  labels: COMMITTEES_LABELS,
  adminAccess: {
    Committee: { permission: 'committee' },
    Community: { permission: 'community' },
    DistrictCommittee: { permission: 'committee', picker: true },
    SubdistrictCommittee: { permission: 'committee', picker: true },
  },
  admin: () => import('./admin/committees.admin.js'),
} satisfies Area;
