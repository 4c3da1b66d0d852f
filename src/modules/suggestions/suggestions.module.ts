import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module.js';
import { DictionariesModule } from '../dictionaries/dictionaries.module.js';
import { HandlingUnit } from './handling-unit.entity.js';
import { HandlingUnitsService } from './handling-units.service.js';
import { SuggestionCoSigner } from './suggestion-co-signer.entity.js';
import { SuggestionCoUnit } from './suggestion-co-unit.entity.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionUpdate } from './suggestion-update.entity.js';
import { SuggestionUpdatesService } from './suggestion-updates.service.js';
import { SuggestionsService } from './suggestions.service.js';
import { SuggestionDeadlines } from './suggestions.deadlines.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { SuggestionStatistics } from './suggestions.stats.js';
import { HandlingUnitsController, SuggestionsController } from './suggestions.controller.js';

/** 代表建议、批评和意见: handling units, suggestions and their timeline. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      HandlingUnit,
      Suggestion,
      SuggestionCoSigner,
      SuggestionCoUnit,
      SuggestionUpdate,
    ]),
    DictionariesModule,
    // Working days (holidays, 调休) for the due dates.
    CalendarModule,
  ],
  controllers: [HandlingUnitsController, SuggestionsController],
  providers: [
    HandlingUnitsService,
    SuggestionsService,
    SuggestionUpdatesService,
    SuggestionsRepository,
    SuggestionStatistics,
    SuggestionDeadlines,
  ],
  exports: [
    HandlingUnitsService,
    SuggestionsService,
    SuggestionUpdatesService,
    SuggestionsRepository,
    SuggestionStatistics,
    SuggestionDeadlines,
  ],
})
export class SuggestionsModule {}
