import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import { DeputyGroup } from './deputy-group.entity.js';
import { DeputyGroupsService } from './deputy-groups.service.js';
import {
  CreateDeputyGroupDto,
  ListDeputyGroupsQuery,
  UpdateDeputyGroupDto,
} from './dto/deputy-group.dto.js';

@ApiTags('代表小组 Deputy groups')
@Controller('deputy-groups')
export class DeputyGroupsController extends RecordController<DeputyGroup>({
  entity: DeputyGroup,
  title: '代表小组 deputy groups',
  resource: 'deputyGroup',
  create: CreateDeputyGroupDto,
  update: UpdateDeputyGroupDto,
  query: ListDeputyGroupsQuery,
}) {
  constructor(service: DeputyGroupsService) {
    super(service);
  }
}
