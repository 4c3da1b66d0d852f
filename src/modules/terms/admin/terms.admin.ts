import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { CreateTermDto, UpdateTermDto } from '../dto/term.dto.js';
import { Term } from '../term.entity.js';
import { TERMS_LABELS } from '../terms.labels.js';
import { TermsService } from '../terms.service.js';

/** 组织机构 › 届次. */
export const adminArea = defineAdminArea({
  inject: { terms: TermsService },
  resources: ({ terms }) => [
    {
      resource: new ServiceResource(Term, bindRecordService(terms, CreateTermDto, UpdateTermDto)),
      options: {
        navigation: NAVIGATION.organisation,
        listProperties: ['id', 'name', 'level', 'ordinal', 'startsOn', 'endsOn'],
        properties: {
          ...TIMESTAMPS,
          level: { availableValues: availableValues(TERMS_LABELS.values.level) },
        },
      },
    },
  ],
});
