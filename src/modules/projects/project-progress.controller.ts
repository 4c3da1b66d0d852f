import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreateProjectProgressDto,
  ListProjectProgressQuery,
  UpdateProjectProgressDto,
} from './dto/project-progress.dto.js';
import { ProjectProgress } from './project-progress.entity.js';
import { ProjectProgressService } from './project-progress.service.js';

/**
 * 项目进度 as a resource of its own (`?projectId=` lists one project's snapshots): the same
 * shape as every record, and the same one the admin panel edits.
 */
@ApiTags('重大项目 Key projects')
@Controller('project-progress')
export class ProjectProgressController extends RecordController<ProjectProgress>({
  entity: ProjectProgress,
  title: '项目进度 project progress snapshots',
  resource: 'projectProgress',
  create: CreateProjectProgressDto,
  update: UpdateProjectProgressDto,
  query: ListProjectProgressQuery,
}) {
  constructor(service: ProjectProgressService) {
    super(service);
  }
}
