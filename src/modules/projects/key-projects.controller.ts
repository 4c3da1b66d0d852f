import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../common/id.pipe.js';
import { errorResponse } from '../../common/openapi.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CompletionQuery,
  CreateKeyProjectDto,
  KeyProjectCompletion,
  ListKeyProjectsQuery,
  UpdateKeyProjectDto,
} from './dto/key-project.dto.js';
import { KeyProject } from './key-project.entity.js';
import { KeyProjectsService } from './key-projects.service.js';

@ApiTags('重大项目 Key projects')
@Controller('key-projects')
export class KeyProjectsController extends RecordController<KeyProject>({
  entity: KeyProject,
  title: '重大项目 key projects',
  resource: 'keyProject',
  create: CreateKeyProjectDto,
  update: UpdateKeyProjectDto,
  query: ListKeyProjectsQuery,
}) {
  constructor(private readonly projects: KeyProjectsService) {
    super(projects);
  }

  @Get(':id/completion')
  @Permission('keyProject', 'show')
  @RequireScope('records:read')
  @ApiOperation({
    summary:
      '投资完成率：截至某日最近一次进度记录 ÷ 年度计划投资 / completion as of a date: the latest snapshot on or before it ÷ planned',
    description:
      '进度记录见 /project-progress?projectId=；晚于该日的记录不计；无记录时完成投资为 0；计划投资为 0 时完成率为 null。/ Snapshots: /project-progress?projectId=. Later snapshots do not count; none → 0 completed; zero planned → null percentage.',
  })
  @ApiOkResponse({ type: KeyProjectCompletion })
  @ApiResponse({ status: 404, ...errorResponse('404') })
  completion(
    @Param('id', IdPipe) id: number,
    @Query() query: CompletionQuery,
  ): Promise<KeyProjectCompletion> {
    return this.projects.completion(id, query.asOf);
  }
}
