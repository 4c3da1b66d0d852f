import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { CalendarDay } from '../calendar-day.entity.js';
import { CALENDAR_LABELS } from '../calendar.labels.js';
import { CalendarService } from '../calendar.service.js';
import { CreateCalendarDayDto, UpdateCalendarDayDto } from '../dto/calendar-day.dto.js';

const { values } = CALENDAR_LABELS;

/** 系统设置 › 节假日与调休: the State Council's dates as seeded, corrected by staff. */
export const adminArea = defineAdminArea({
  inject: { calendar: CalendarService },
  resources: ({ calendar }) => [
    {
      resource: new ServiceResource(
        CalendarDay,
        bindRecordService(calendar, CreateCalendarDayDto, UpdateCalendarDayDto),
      ),
      options: {
        navigation: NAVIGATION.system,
        listProperties: ['date', 'kind', 'name', 'source', 'note'],
        filterProperties: ['date', 'kind', 'name', 'source'],
        sort: { sortBy: 'date', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          name: { isTitle: true },
          kind: { availableValues: availableValues(values.kind) },
          // Set by the service (staff) or an import (seeded), never typed in.
          source: {
            availableValues: availableValues(values.source),
            isVisible: { list: true, show: true, filter: true, edit: false },
          },
          note: { type: 'textarea' },
        },
      },
    },
  ],
});
