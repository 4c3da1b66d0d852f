import { IsInt, Min } from 'class-validator';
import { In } from 'typeorm';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { CHOICE_REFERENCES } from '../../../admin/reference-choices.js';
import { ServiceResource, type ReadBinding } from '../../../admin/service-resource.js';
import { scopedWhere } from '../../../platform/access/record-scope.js';
import { ActivitiesService } from '../activities.service.js';
import { ACTIVITIES_LABELS } from '../activities.labels.js';
import { Activity } from '../activity.entity.js';
import { Attendance } from '../attendance.entity.js';
import { AttendanceService } from '../attendance.service.js';
import { AttendanceItemDto, CreateActivityDto, UpdateActivityDto } from '../dto/activity.dto.js';

const { values } = ACTIVITIES_LABELS;

/** Attendance rows are seen through their activity's committee. */
const scopeByActivity: ReadBinding['scope'] = (actor, where) =>
  scopedWhere(
    where,
    { where: (ids) => ({ activity: { committeeId: In([...ids]) } }), field: 'activityId' },
    actor,
  );

/** The admin form for one attendance row names its activity; the API takes it from the path. */
export class AttendanceForm extends AttendanceItemDto {
  @IsInt()
  @Min(1)
  activityId: number;
}

/** 代表活动 › 活动 and 出席记录. */
export const adminArea = defineAdminArea({
  inject: { activities: ActivitiesService, attendance: AttendanceService },
  resources: ({ activities, attendance }) => [
    {
      resource: new ServiceResource(
        Activity,
        bindRecordService(activities, CreateActivityDto, UpdateActivityDto),
      ),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'title', 'kindId', 'committeeId', 'startsAt', 'status'],
        filterProperties: ['title', 'kindId', 'committeeId', 'startsAt', 'status'],
        sort: { sortBy: 'startsAt', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          title: { isTitle: true },
          kindId: CHOICE_REFERENCES.activityKind,
          status: { availableValues: availableValues(values.activityStatus) },
          summary: { type: 'textarea' },
        },
      },
    },
    {
      resource: new ServiceResource(Attendance, {
        scope: scopeByActivity,
        createDto: AttendanceForm,
        updateDto: AttendanceItemDto,
        create: (input) => {
          const { activityId, ...item } = input as AttendanceForm;
          return attendance.add(activityId, item);
        },
        update: (id, input) => attendance.updateById(id, input),
        remove: (id) => attendance.removeById(id),
      }),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'activityId', 'deputyId', 'status', 'note'],
        filterProperties: ['activityId', 'deputyId', 'status'],
        properties: {
          ...TIMESTAMPS,
          status: { availableValues: availableValues(values.attendanceStatus) },
        },
      },
    },
  ],
});
