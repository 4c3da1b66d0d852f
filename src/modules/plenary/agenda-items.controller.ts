import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemsService } from './agenda-items.service.js';
import {
  CreateAgendaItemDto,
  ListAgendaItemsQuery,
  UpdateAgendaItemDto,
} from './dto/agenda-item.dto.js';

/**
 * 审议事项 as records of their own (`?sessionId=` lists one session's); they are also written
 * with their session (`agendaItems` in POST/PATCH /plenary-sessions).
 */
@ApiTags('代表大会 Plenary sessions')
@Controller('agenda-items')
export class AgendaItemsController extends RecordController<AgendaItem>({
  entity: AgendaItem,
  title: '审议事项 agenda items',
  resource: 'agendaItem',
  create: CreateAgendaItemDto,
  update: UpdateAgendaItemDto,
  query: ListAgendaItemsQuery,
}) {
  constructor(service: AgendaItemsService) {
    super(service);
  }
}
