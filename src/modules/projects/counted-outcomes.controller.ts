import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import { CountedOutcome } from './counted-outcome.entity.js';
import { CountedOutcomesService } from './counted-outcomes.service.js';
import {
  CreateCountedOutcomeDto,
  ListCountedOutcomesQuery,
  UpdateCountedOutcomeDto,
} from './dto/counted-outcome.dto.js';

@ApiTags('工作成效 Counted outcomes')
@Controller('counted-outcomes')
export class CountedOutcomesController extends RecordController<CountedOutcome>({
  entity: CountedOutcome,
  title: '工作成效 counted outcomes',
  resource: 'countedOutcome',
  create: CreateCountedOutcomeDto,
  update: UpdateCountedOutcomeDto,
  query: ListCountedOutcomesQuery,
}) {
  constructor(service: CountedOutcomesService) {
    super(service);
  }
}
