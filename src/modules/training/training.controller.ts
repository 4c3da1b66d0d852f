import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../common/id.pipe.js';
import { errorResponse, pageSchema } from '../../common/openapi.js';
import type { Page } from '../../common/pagination.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreateStudyPlanDto,
  CreateStudyPlanItemDto,
  CreateStudySessionDto,
  ListStudyPlanItemsQuery,
  ListStudyPlansQuery,
  ListStudySessionsQuery,
  StudyParticipationQuery,
  UpdateStudyPlanDto,
  UpdateStudyPlanItemDto,
  UpdateStudySessionDto,
} from './dto/training.dto.js';
import {
  StudyParticipationService,
  type DeputyStudyRecord,
} from './study-participation.service.js';
import { StudyPlanItem } from './study-plan-item.entity.js';
import { StudyPlanItemsService } from './study-plan-items.service.js';
import { StudyPlan } from './study-plan.entity.js';
import { StudyPlansService, type StudyPlanFulfilment } from './study-plans.service.js';
import { StudySession } from './study-session.entity.js';
import { StudySessionsService } from './study-sessions.service.js';

const integerList = { type: 'array', items: { type: 'integer' } };

const DEPUTY_STUDY_SCHEMA = {
  type: 'object',
  required: ['deputyId', 'deputyName', 'from', 'to', 'sessionsHeld', 'recorded', 'attended'],
  properties: {
    deputyId: { type: 'integer' },
    deputyName: { type: 'string' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    sessionsHeld: {
      type: 'integer',
      description: '本人大工委期间内已举行的学习培训 / the committee’s held study sessions',
    },
    recorded: {
      type: 'integer',
      description:
        '有出席记录的学习培训（出席+请假+缺席）/ held sessions the deputy is recorded at',
    },
    attended: { type: 'integer', description: '出席次数 / sessions attended' },
    leave: { type: 'integer' },
    absent: { type: 'integer' },
    attendanceRate: {
      type: 'number',
      nullable: true,
      description: '出席率 = 出席 ÷ 有出席记录的次数 / attended ÷ recorded',
    },
    hours: {
      type: 'number',
      description: '学时（出席的学习培训）/ hours of the sessions attended',
    },
    studySessionIds: { ...integerList, description: '出席的学习培训 / sessions attended' },
  },
};

const FULFILMENT_SCHEMA = {
  type: 'object',
  required: ['planId', 'committeeId', 'year', 'planned', 'fulfilled', 'open', 'items'],
  properties: {
    planId: { type: 'integer' },
    committeeId: { type: 'integer' },
    year: { type: 'integer' },
    planned: { type: 'integer', description: '计划条目数 / planned items' },
    fulfilled: {
      type: 'integer',
      description: '已由已举行的学习培训落实 / items linked to a held study session',
    },
    open: { type: 'integer', description: '未落实 / open items' },
    fulfilmentRate: { type: 'number', nullable: true },
    fulfilledItemIds: integerList,
    openItemIds: integerList,
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          month: { type: 'integer' },
          topic: { type: 'string' },
          studySessionId: { type: 'integer', nullable: true },
          fulfilled: { type: 'boolean' },
        },
      },
    },
  },
};

/**
 * 代表学习情况 under /study-sessions: registered before StudySessionsController so that
 * `/study-sessions/deputies` is not taken for an id.
 */
@ApiTags('学习培训 Training')
@ApiBearerAuth()
@Controller('study-sessions')
export class StudyParticipationController {
  constructor(private readonly participation: StudyParticipationService) {}

  @Get('deputies')
  @Permission('studySession', 'list')
  @RequireScope('records:read')
  @ApiOperation({
    summary:
      '代表学习情况：一个人大工委的代表按页列出期间内的学时、出席次数与出席率 / each deputy’s study hours, sessions attended and attendance rate over a period, a page of one committee’s deputies',
    description:
      '只计已举行的学习培训；出席率 = 出席 ÷ 有出席记录的次数（见 training.rules.ts）。人大工委不存在或不在密钥范围内时 404，截止日期早于起始日期时 422 / held sessions only; rate = attended ÷ recorded (training.rules.ts); 404 for a committee outside the key’s scope, 422 when to < from',
  })
  @ApiOkResponse({ schema: pageSchema(DEPUTY_STUDY_SCHEMA) })
  @ApiResponse({ status: 404, ...errorResponse('404') })
  @ApiResponse({ status: 422, ...errorResponse('422') })
  deputies(@Query() query: StudyParticipationQuery): Promise<Page<DeputyStudyRecord>> {
    return this.participation.forCommittee(query);
  }
}

@ApiTags('学习培训 Training')
@Controller('study-sessions')
export class StudySessionsController extends RecordController<StudySession>({
  entity: StudySession,
  title: '学习培训 study sessions',
  resource: 'studySession',
  create: CreateStudySessionDto,
  update: UpdateStudySessionDto,
  query: ListStudySessionsQuery,
}) {
  constructor(service: StudySessionsService) {
    super(service);
  }
}

@ApiTags('学习培训 Training')
@Controller('study-plans')
export class StudyPlansController extends RecordController<StudyPlan>({
  entity: StudyPlan,
  title: '学习计划 study plans',
  resource: 'studyPlan',
  create: CreateStudyPlanDto,
  update: UpdateStudyPlanDto,
  query: ListStudyPlansQuery,
}) {
  constructor(private readonly plans: StudyPlansService) {
    super(plans);
  }

  @Get(':id/fulfilment')
  @Permission('studyPlan', 'show')
  @RequireScope('records:read')
  @ApiOperation({
    summary:
      '计划落实情况：计划条目与已举行的学习培训对照 / planned vs held: the plan’s items, fulfilled or open',
    description:
      '条目关联的学习培训其活动已举行即为已落实 / an item is fulfilled when it links a study session whose activity is held',
  })
  @ApiOkResponse({ schema: FULFILMENT_SCHEMA })
  fulfilment(@Param('id', IdPipe) id: number): Promise<StudyPlanFulfilment> {
    return this.plans.fulfilment(id);
  }
}

@ApiTags('学习培训 Training')
@Controller('study-plan-items')
export class StudyPlanItemsController extends RecordController<StudyPlanItem>({
  entity: StudyPlanItem,
  title: '学习计划条目 study plan items',
  resource: 'studyPlanItem',
  create: CreateStudyPlanItemDto,
  update: UpdateStudyPlanItemDto,
  query: ListStudyPlanItemsQuery,
}) {
  constructor(service: StudyPlanItemsService) {
    super(service);
  }
}
