import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import { CommunitiesService } from './communities.service.js';
import { Community } from './community.entity.js';
import {
  CreateCommunityDto,
  ListCommunitiesQuery,
  UpdateCommunityDto,
} from './dto/committee.dto.js';

@ApiTags('社区/村 Communities')
@Controller('communities')
export class CommunitiesController extends RecordController<Community>({
  entity: Community,
  title: '社区/村 communities',
  resource: 'community',
  create: CreateCommunityDto,
  update: UpdateCommunityDto,
  query: ListCommunitiesQuery,
}) {
  constructor(service: CommunitiesService) {
    super(service);
  }
}
