import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import { CreateTermDto, ListTermsQuery, UpdateTermDto } from './dto/term.dto.js';
import { Term } from './term.entity.js';
import { TermsService } from './terms.service.js';

@ApiTags('届次 Terms')
@Controller('terms')
export class TermsController extends RecordController<Term>({
  entity: Term,
  title: '届次 terms',
  resource: 'term',
  create: CreateTermDto,
  update: UpdateTermDto,
  query: ListTermsQuery,
}) {
  constructor(service: TermsService) {
    super(service);
  }
}
