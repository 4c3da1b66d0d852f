import type { AreaLabels } from '../../platform/areas/area.js';
import { COMMITTEE_RECORD_NAME } from '../../platform/records/record-names.js';

const COMMITTEE_FIELDS = {
  id: '编号',
  name: '名称',
  kind: '类型',
  parentId: '上级',
  createdAt: '创建时间',
  updatedAt: '更新时间',
};

/** How the committees area's records, fields and values are called. */
export const COMMITTEES_LABELS = {
  records: {
    committee: COMMITTEE_RECORD_NAME,
    community: { zh: '社区/村', en: 'Community' },
  },
  values: {
    committeeKind: { district: '区人大常委会', subdistrict: '街道人大工委' },
    communityKind: { community: '社区', village: '村' },
  },
  resources: {
    Committee: { name: '人大工委/常委会', properties: COMMITTEE_FIELDS },
    Community: {
      name: '社区/村',
      properties: {
        id: '编号',
        name: '名称',
        kind: '类型',
        committeeId: '所属人大工委',
        externalId: '外部编号',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    // Reference pickers (admin/committees.admin.ts): the committees they offer, renamed.
    DistrictCommittee: { name: '区人大常委会', properties: COMMITTEE_FIELDS },
    SubdistrictCommittee: { name: '街道人大工委', properties: COMMITTEE_FIELDS },
  },
} as const satisfies AreaLabels;
