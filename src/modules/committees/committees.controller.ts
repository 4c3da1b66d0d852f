import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import { Committee } from './committee.entity.js';
import { CommitteesService } from './committees.service.js';
import {
  CreateCommitteeDto,
  ListCommitteesQuery,
  UpdateCommitteeDto,
} from './dto/committee.dto.js';

@ApiTags('委员会 Committees')
@Controller('committees')
export class CommitteesController extends RecordController<Committee>({
  entity: Committee,
  title: '区人大常委会与街道人大工委 committees',
  resource: 'committee',
  create: CreateCommitteeDto,
  update: UpdateCommitteeDto,
  query: ListCommitteesQuery,
}) {
  constructor(service: CommitteesService) {
    super(service);
  }
}
