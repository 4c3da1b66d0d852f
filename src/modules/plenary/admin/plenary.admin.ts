import type { BaseRecord, Filter } from 'adminjs';
import { defineAdminArea } from '../../../admin/admin-area.js';
import { availableValues, NAVIGATION } from '../../../admin/locale/zh-CN.js';
import { bindRecordService, TIMESTAMPS } from '../../../admin/record-resources.js';
import { choices } from '../../../admin/reference-choices.js';
import { ServiceResource } from '../../../admin/service-resource.js';
import { ownedByCommittee, scopedWhere } from '../../../platform/access/record-scope.js';
import { Activity } from '../../activities/activity.entity.js';
import { AgendaItem } from '../agenda-item.entity.js';
import { AgendaItemsService } from '../agenda-items.service.js';
import { CreateAgendaItemDto, UpdateAgendaItemDto } from '../dto/agenda-item.dto.js';
import { CreatePlenarySessionDto, UpdatePlenarySessionDto } from '../dto/plenary-session.dto.js';
import { PLENARY_LABELS } from '../plenary.labels.js';
import { PlenaryRepository } from '../plenary.repository.js';
import { sessionName } from '../plenary.rules.js';
import { PlenarySession } from '../plenary-session.entity.js';
import { PlenarySessionsService } from '../plenary-sessions.service.js';

const { values } = PLENARY_LABELS;

/** The picker of a session's activity: the actor's activities of the plenary category. */
export const PLENARY_ACTIVITY = 'PlenaryActivity';

/**
 * Where the session's attendance is kept: the activity's 出席记录, filtered to that activity
 * (a link on the session's page, so staff find the screen from the session).
 */
export const attendanceLink = (activityId: unknown): string =>
  `<a href="/admin/resources/Attendance?filters.activityId=${Number(activityId)}">` +
  `登记/查看本次会议的代表出席情况（代表活动 › 出席记录，活动 #${Number(activityId)}）</a>`;

/** How many sessions a search by name looks through. */
const MAX_SEARCHED = 1000;

/** Sessions with their derived name (区第十五届人民代表大会第三次会议) on every read. */
class PlenarySessionResource extends ServiceResource {
  constructor(
    binding: ConstructorParameters<typeof ServiceResource>[1],
    private readonly plenary: PlenaryRepository,
  ) {
    super(PlenarySession, binding);
  }

  /**
   * The name is derived, not a column: a search by it (a reference picker's query) reads the
   * actor's sessions and keeps those whose name contains the text — a committee has a few a year.
   */
  override async find(
    filter: Filter,
    params: Parameters<ServiceResource['find']>[1],
  ): Promise<BaseRecord[]> {
    const byName = filter.filters.name as { value?: unknown } | undefined;
    if (byName === undefined) return this.named(await super.find(filter, params));
    delete filter.filters.name;
    const text = typeof byName.value === 'string' ? byName.value : '';
    const { limit = MAX_SEARCHED, offset = 0 } = params as { limit?: number; offset?: number };
    const all = await this.named(
      await super.find(filter, { ...params, limit: MAX_SEARCHED, offset: 0 }),
    );
    return all
      .filter((record) => String(record.params.name).includes(text))
      .slice(offset, offset + limit);
  }

  override async findOne(id: string | number): Promise<BaseRecord | null> {
    const record = await super.findOne(id);
    return record && (await this.named([record]))[0];
  }

  override async findMany(ids: (string | number)[]): Promise<BaseRecord[]> {
    return this.named(await super.findMany(ids));
  }

  private async named(records: BaseRecord[]): Promise<BaseRecord[]> {
    const terms = await this.plenary.termNames(
      records.map((record) => Number(record.params.termId)),
    );
    for (const record of records) {
      const term = terms.get(Number(record.params.termId)) ?? '';
      record.params.name = sessionName(term, Number(record.params.sessionNumber));
    }
    return records;
  }
}

/** 代表活动 › 代表大会会议 and 审议事项, and the plenary-activity picker. */
export const adminArea = defineAdminArea({
  inject: {
    sessions: PlenarySessionsService,
    agendaItems: AgendaItemsService,
    plenary: PlenaryRepository,
  },
  resources: ({ sessions, agendaItems, plenary }) => [
    {
      resource: new PlenarySessionResource(
        {
          ...bindRecordService(sessions, CreatePlenarySessionDto, UpdatePlenarySessionDto),
          derive: (row) => ({ attendanceLink: attendanceLink(row.activityId) }),
        },
        plenary,
      ),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'name', 'termId', 'sessionNumber', 'startsOn', 'endsOn', 'place'],
        filterProperties: ['termId', 'committeeId', 'startsOn'],
        showProperties: [
          'id',
          'name',
          'activityId',
          'attendanceLink',
          'committeeId',
          'termId',
          'sessionNumber',
          'startsOn',
          'endsOn',
          'place',
          'createdAt',
          'updatedAt',
        ],
        editProperties: ['activityId', 'termId', 'sessionNumber', 'startsOn', 'endsOn', 'place'],
        sort: { sortBy: 'startsOn', direction: 'desc' },
        properties: {
          ...TIMESTAMPS,
          name: {
            type: 'string',
            isTitle: true,
            isVisible: { list: true, filter: false, show: true, edit: false },
          },
          attendanceLink: {
            type: 'richtext',
            isVisible: { list: false, filter: false, show: true, edit: false },
          },
          activityId: {
            reference: PLENARY_ACTIVITY,
            description:
              '先在“代表活动”中新建类型为“人民代表大会会议”的活动；代表出席情况登记在该活动的出席记录中',
          },
          committeeId: { isVisible: { list: false, filter: true, show: true, edit: false } },
        },
      },
    },
    {
      resource: new ServiceResource(
        AgendaItem,
        bindRecordService(agendaItems, CreateAgendaItemDto, UpdateAgendaItemDto),
      ),
      options: {
        navigation: NAVIGATION.activities,
        listProperties: ['id', 'sessionId', 'kind', 'title', 'adopted', 'sortOrder'],
        filterProperties: ['sessionId', 'kind', 'adopted'],
        editProperties: [
          'sessionId',
          'kind',
          'title',
          'sortOrder',
          'resolutionTitle',
          'adopted',
          'votesFor',
          'votesAgainst',
          'votesAbstaining',
        ],
        sort: { sortBy: 'sortOrder', direction: 'asc' },
        properties: {
          ...TIMESTAMPS,
          title: { isTitle: true },
          kind: { availableValues: availableValues(values.agendaKind) },
          adopted: { availableValues: availableValues(values.adopted) },
        },
      },
    },
    choices(
      PLENARY_ACTIVITY,
      Activity,
      {
        scope: (actor, where) => scopedWhere(where, ownedByCommittee<Activity>(), actor),
      },
      { kind: { category: 'plenary' } },
      { property: 'title', sortBy: 'startsAt' },
    ),
  ],
});
