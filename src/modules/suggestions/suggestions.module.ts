import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HandlingUnit } from './handling-unit.entity.js';
import { HandlingUnitsService } from './handling-units.service.js';
import { SuggestionCoSigner } from './suggestion-co-signer.entity.js';
import { SuggestionCoUnit } from './suggestion-co-unit.entity.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionUpdate } from './suggestion-update.entity.js';
import { SuggestionUpdatesService } from './suggestion-updates.service.js';
import { SuggestionsService } from './suggestions.service.js';

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
  ],
  providers: [HandlingUnitsService, SuggestionsService, SuggestionUpdatesService],
  exports: [HandlingUnitsService, SuggestionsService, SuggestionUpdatesService],
})
export class SuggestionsModule {}
