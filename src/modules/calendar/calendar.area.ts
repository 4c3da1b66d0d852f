import type { Area } from '../../platform/areas/area.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CALENDAR_LABELS } from './calendar.labels.js';
import { CalendarModule } from './calendar.module.js';

/** 节假日与调休: the working-day calendar (holidays and 调休) due dates are computed with. */
export const CALENDAR_AREA = {
  name: 'calendar',
  module: CalendarModule,
  entities: [CalendarDay],
  labels: CALENDAR_LABELS,
  adminAccess: {
    CalendarDay: { permission: 'calendarDay' },
  },
  admin: () => import('./admin/calendar.admin.js'),
} satisfies Area;
