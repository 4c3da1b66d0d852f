import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../../common/id.pipe.js';
import { maskPhone } from '../../common/masking.js';
import { Permission, RequireScope } from '../../platform/access/auth.decorators.js';
import { RecordController } from '../../platform/records/record.controller.js';
import {
  CreateReceptionDto,
  ListReceptionsQuery,
  UpdateReceptionDto,
} from './dto/reception.dto.js';
import {
  CreateStationAssessmentDto,
  CreateStationStandardItemDto,
  ListStationAssessmentsQuery,
  ListStationStandardItemsQuery,
  UpdateStationAssessmentDto,
  UpdateStationStandardItemDto,
} from './dto/station-assessment.dto.js';
import {
  CreateStationDocumentDto,
  ListStationDocumentsQuery,
  UpdateStationDocumentDto,
} from './dto/station-document.dto.js';
import {
  CreateStationRoleDto,
  ListStationRolesQuery,
  UpdateStationRoleDto,
} from './dto/station-role.dto.js';
import {
  CreateStationDto,
  ListStationsQuery,
  StationPersonalData,
  UpdateStationDto,
} from './dto/station.dto.js';
import { Reception } from './reception.entity.js';
import { ReceptionsService } from './receptions.service.js';
import { StationAssessment } from './station-assessment.entity.js';
import { StationAssessmentsService } from './station-assessments.service.js';
import { StationDocument } from './station-document.entity.js';
import { StationDocumentsService } from './station-documents.service.js';
import { StationRole } from './station-role.entity.js';
import { StationRolesService } from './station-roles.service.js';
import { StationStandardItem } from './station-standard-item.entity.js';
import { StationStandardItemsService } from './station-standard-items.service.js';
import { Station } from './station.entity.js';
import { STATION_PERSONAL_FIELDS, StationsService } from './stations.service.js';
import { scheduleText } from './stations.rules.js';

@ApiTags('代表联络站 Liaison stations')
@Controller('stations')
export class StationsController extends RecordController<Station>({
  entity: Station,
  title: '代表联络站 liaison stations',
  resource: 'station',
  create: CreateStationDto,
  update: UpdateStationDto,
  query: ListStationsQuery,
}) {
  constructor(private readonly stations: StationsService) {
    super(stations);
  }

  /** The contact's phone is personal information: masked (PIPL); the schedule read out. */
  protected override present(station: Station): unknown {
    return {
      ...station,
      contactPhone: maskPhone(station.contactPhone),
      receptionScheduleText: scheduleText(station.receptionSchedule),
    };
  }

  @Post(':id/reveal')
  @Permission('station', 'reveal')
  @RequireScope('personal:reveal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '查看联系人完整电话（记入审计；需 personal:reveal）/ reveal the contact phone (audited; personal:reveal)',
  })
  @ApiOkResponse({ type: StationPersonalData })
  async reveal(@Param('id', IdPipe) id: number): Promise<StationPersonalData> {
    const station = await this.stations.reveal(id, STATION_PERSONAL_FIELDS);
    return { id: station.id, contactPhone: station.contactPhone };
  }
}

@ApiTags('代表联络站 Liaison stations')
@Controller('station-roles')
export class StationRolesController extends RecordController<StationRole>({
  entity: StationRole,
  title: '联络站人员 station roles',
  resource: 'stationRole',
  create: CreateStationRoleDto,
  update: UpdateStationRoleDto,
  query: ListStationRolesQuery,
}) {
  constructor(service: StationRolesService) {
    super(service);
  }
}

@ApiTags('代表联络站 Liaison stations')
@Controller('station-documents')
export class StationDocumentsController extends RecordController<StationDocument>({
  entity: StationDocument,
  title: '联络站制度 station documents',
  resource: 'stationDocument',
  create: CreateStationDocumentDto,
  update: UpdateStationDocumentDto,
  query: ListStationDocumentsQuery,
}) {
  constructor(service: StationDocumentsService) {
    super(service);
  }
}

@ApiTags('代表联络站 Liaison stations')
@Controller('receptions')
export class ReceptionsController extends RecordController<Reception>({
  entity: Reception,
  title: '接待记录 receptions',
  resource: 'reception',
  create: CreateReceptionDto,
  update: UpdateReceptionDto,
  query: ListReceptionsQuery,
}) {
  constructor(service: ReceptionsService) {
    super(service);
  }
}

@ApiTags('代表联络站 Liaison stations')
@Controller('station-standard-items')
export class StationStandardItemsController extends RecordController<StationStandardItem>({
  entity: StationStandardItem,
  title: '建站标准条目 station standard items',
  resource: 'stationStandardItem',
  create: CreateStationStandardItemDto,
  update: UpdateStationStandardItemDto,
  query: ListStationStandardItemsQuery,
}) {
  constructor(service: StationStandardItemsService) {
    super(service);
  }
}

@ApiTags('代表联络站 Liaison stations')
@Controller('station-assessments')
export class StationAssessmentsController extends RecordController<StationAssessment>({
  entity: StationAssessment,
  title: '联络站年度考评 station assessments',
  resource: 'stationAssessment',
  create: CreateStationAssessmentDto,
  update: UpdateStationAssessmentDto,
  query: ListStationAssessmentsQuery,
}) {
  constructor(service: StationAssessmentsService) {
    super(service);
  }
}
