import type { Area } from '../../platform/areas/area.js';
import { DICTIONARIES_LABELS } from './dictionaries.labels.js';
import { DictionariesModule } from './dictionaries.module.js';
import { DictionaryItem } from './dictionary-item.entity.js';
import { Dictionary } from './dictionary.entity.js';

/** Dictionaries (数据字典), among them the activity kinds. */
export const DICTIONARIES_AREA = {
  name: 'dictionaries',
  module: DictionariesModule,
  entities: [Dictionary, DictionaryItem],
  labels: DICTIONARIES_LABELS,
  adminAccess: {
    Dictionary: { permission: 'dictionary' },
    DictionaryItem: { permission: 'dictionaryItem' },
    ActivityKind: { permission: 'dictionaryItem', picker: true },
  },
  admin: () => import('./admin/dictionaries.admin.js'),
} satisfies Area;
