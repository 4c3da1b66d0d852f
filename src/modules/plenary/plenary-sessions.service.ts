import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { Between, Repository } from 'typeorm';
import { conflict, ruleViolation } from '../../common/errors.js';
import { localDate } from '../../common/period.js';
import type { Page, PageQueryDto } from '../../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import {
  RecordService,
  requireReference,
  type WithinWrite,
} from '../../platform/records/record.service.js';
import type { Write } from '../../platform/records/write-use-case.js';
import { requireActivityOfCategory } from '../activities/activity-extension.js';
import { Term } from '../terms/term.entity.js';
import { TERMS_LABELS } from '../terms/terms.labels.js';
import type { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemsService } from './agenda-items.service.js';
import type { SessionAgendaItemDto } from './dto/agenda-item.dto.js';
import type {
  CreatePlenarySessionDto,
  ListPlenarySessionsQuery,
  UpdatePlenarySessionDto,
} from './dto/plenary-session.dto.js';
import { PLENARY_LABELS } from './plenary.labels.js';
import { PlenaryRepository, type AttendanceTally } from './plenary.repository.js';
import { activityWithinSession, datesInOrder, sessionName } from './plenary.rules.js';
import { SESSION_SCOPE } from './plenary.scopes.js';
import { PlenarySession } from './plenary-session.entity.js';

/** A session with its derived name (区第十五届人民代表大会第三次会议). */
export type NamedSession = PlenarySession & { name: string };

/** A session as `GET /plenary-sessions/{id}` and the writes answer it. */
export type SessionDetail = NamedSession & {
  agendaItems: AgendaItem[];
  /** Counted from the core attendance of the session's activity. */
  attendance: AttendanceTally;
};

/**
 * 代表大会会议: a congress session as a 1:1 extension of a `plenary` activity (whose attendance
 * rows are the deputies' attendance), with its agenda written in the same transaction when sent.
 */
@Injectable()
export class PlenarySessionsService extends RecordService<PlenarySession> {
  protected readonly recordName = PLENARY_LABELS.records.plenarySession;
  protected readonly resource = 'plenarySession';
  protected readonly scope: RecordScope<PlenarySession> = SESSION_SCOPE;
  protected readonly sortable = ['id', 'startsOn', 'sessionNumber', 'termId'] as const;
  protected override readonly defaultSort = '-startsOn';

  constructor(
    @InjectRepository(PlenarySession) repository: Repository<PlenarySession>,
    audit: AuditTrail,
    private readonly plenary: PlenaryRepository,
    private readonly agenda: AgendaItemsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListPlenarySessionsQuery): FindOptionsWhere<PlenarySession> {
    return {
      committeeId: query.committeeId,
      termId: query.termId,
      startsOn:
        query.year === undefined
          ? undefined
          : Between(`${query.year}-01-01`, `${query.year}-12-31`),
    };
  }

  protected override async checkWrite(manager: EntityManager, next: PlenarySession): Promise<void> {
    const activity = await requireActivityOfCategory(
      manager,
      next.activityId,
      'plenary',
      this.recordName,
    );
    if (activity.status === 'cancelled') {
      throw ruleViolation(
        { zh: '关联的活动已取消', en: 'The activity was cancelled' },
        'activityId',
      );
    }
    next.committeeId = activity.committeeId;
    await requireReference(manager, Term, next.termId, 'termId', TERMS_LABELS.records.term);
    next.endsOn ??= null;
    next.place ??= null;
    if (!datesInOrder(next.startsOn, next.endsOn)) {
      throw ruleViolation(
        { zh: '结束日期早于开始日期', en: 'The session ends before it starts' },
        'endsOn',
      );
    }
    const day = localDate(activity.startsAt, this.config.timeZone);
    if (!activityWithinSession(day, next.startsOn, next.endsOn)) {
      throw ruleViolation(
        {
          zh: `会议日期须包含关联活动的日期（${day}）`,
          en: `The session’s dates must include the activity’s day (${day})`,
        },
        'startsOn',
      );
    }
    const linked = await this.plenary.sessionOfActivity(manager, next.activityId, next.id);
    if (linked !== null) {
      throw conflict(
        {
          zh: `该活动已关联代表大会会议（ID ${linked}）`,
          en: `The activity already extends plenary session ${linked}`,
        },
        'activityId',
        linked,
      );
    }
    const same = await this.plenary.sameSession(manager, next, next.id);
    if (same !== null) {
      throw conflict(
        {
          zh: `本工委已登记该届第${next.sessionNumber}次会议（ID ${same}）`,
          en: `This committee already recorded session ${next.sessionNumber} of the term (${same})`,
        },
        'sessionNumber',
        same,
      );
    }
  }

  override async list(query: PageQueryDto): Promise<Page<NamedSession>> {
    const page = await super.list(query);
    return { ...page, items: await this.named(page.items) };
  }

  /** One session with its name, agenda and attendance counts. */
  override async get(id: number): Promise<SessionDetail> {
    return this.detail(await super.get(id));
  }

  /** A new session, with its agenda if the request carries it: one transaction. */
  override async create(
    input: CreatePlenarySessionDto | DeepPartial<PlenarySession>,
  ): Promise<SessionDetail> {
    const { agendaItems, fields } = withoutAgenda(input);
    return this.detail(await super.create(fields, agendaItems && this.agendaWriter(agendaItems)));
  }

  /** Changes the sent fields; an agenda sent along replaces the session's (same transaction). */
  override async update(
    id: number,
    input: UpdatePlenarySessionDto | DeepPartial<PlenarySession>,
  ): Promise<SessionDetail> {
    const { agendaItems, fields } = withoutAgenda(input);
    return this.detail(
      await super.update(id, fields, agendaItems && this.agendaWriter(agendaItems)),
    );
  }

  /** The derived names of sessions, their terms read in one query. */
  async named(sessions: PlenarySession[]): Promise<NamedSession[]> {
    const terms = await this.plenary.termNames(sessions.map((session) => session.termId));
    return sessions.map((session) =>
      Object.assign(session, {
        name: sessionName(terms.get(session.termId) ?? '', session.sessionNumber),
      }),
    );
  }

  private async detail(session: PlenarySession): Promise<SessionDetail> {
    const [named] = await this.named([session]);
    return Object.assign(named, {
      agendaItems: await this.plenary.agendaOf(session.id),
      attendance: await this.plenary.attendanceTally(session.activityId),
    });
  }

  private agendaWriter(items: SessionAgendaItemDto[]): WithinWrite<PlenarySession> {
    return async (write: Write, session: PlenarySession): Promise<void> => {
      await this.agenda.replaceWithin(write, session.id, items, 'agendaItems');
    };
  }
}

function withoutAgenda(input: object): {
  agendaItems?: SessionAgendaItemDto[];
  fields: DeepPartial<PlenarySession>;
} {
  const { agendaItems, ...fields } = input as { agendaItems?: SessionAgendaItemDto[] };
  return { agendaItems, fields: fields };
}
