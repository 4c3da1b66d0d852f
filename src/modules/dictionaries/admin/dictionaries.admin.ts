import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { CHOICE_REFERENCES, choices, scopeOf } from '../../../admin/reference-choices.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { DictionariesService } from '../dictionaries.service.js';
import { DICTIONARIES_LABELS } from '../dictionaries.labels.js';
import { Dictionary } from '../dictionary.entity.js';
import { ACTIVITY_KIND_DICTIONARY, DictionaryItem } from '../dictionary-item.entity.js';
import { DictionaryItemsService } from '../dictionary-items.service.js';
import {
  CreateDictionaryDto,
  CreateDictionaryItemDto,
  UpdateDictionaryDto,
  UpdateDictionaryItemDto,
} from '../dto/dictionary.dto.js';

/** 系统设置 › 数据字典 and 字典项, and the activity-kind picker. */
export const adminArea = defineAdminArea({
  inject: { dictionaries: DictionariesService, dictionaryItems: DictionaryItemsService },
  resources: ({ dictionaries, dictionaryItems }) => [
    {
      resource: new ServiceResource(
        Dictionary,
        bindRecordService(dictionaries, CreateDictionaryDto, UpdateDictionaryDto),
      ),
      options: {
        navigation: NAVIGATION.system,
        listProperties: ['id', 'code', 'name', 'description'],
        properties: { ...TIMESTAMPS, description: { type: 'textarea' } },
      },
    },
    {
      resource: new ServiceResource(
        DictionaryItem,
        bindRecordService(dictionaryItems, CreateDictionaryItemDto, UpdateDictionaryItemDto),
      ),
      options: {
        navigation: NAVIGATION.system,
        listProperties: ['id', 'dictionaryId', 'code', 'label', 'category', 'sortOrder', 'enabled'],
        filterProperties: ['dictionaryId', 'label', 'category', 'enabled'],
        sort: { sortBy: 'sortOrder', direction: 'asc' },
        properties: {
          ...TIMESTAMPS,
          label: { isTitle: true },
          category: { availableValues: availableValues(DICTIONARIES_LABELS.values.category) },
        },
      },
    },
    choices(
      CHOICE_REFERENCES.activityKind.reference,
      DictionaryItem,
      { scope: scopeOf(dictionaryItems) },
      { dictionary: { code: ACTIVITY_KIND_DICTIONARY }, enabled: true },
      { property: 'label', sortBy: 'sortOrder' },
    ),
  ],
});
