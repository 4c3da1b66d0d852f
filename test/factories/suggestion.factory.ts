import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { CreateHandlingUnitDto } from '../../src/modules/suggestions/dto/handling-unit.dto.js';
import type { CreateSuggestionDto } from '../../src/modules/suggestions/dto/suggestion.dto.js';
import type { HandlingUnit } from '../../src/modules/suggestions/handling-unit.entity.js';
import { HandlingUnitsService } from '../../src/modules/suggestions/handling-units.service.js';
import type { Suggestion } from '../../src/modules/suggestions/suggestion.entity.js';
import { SuggestionsService } from '../../src/modules/suggestions/suggestions.service.js';
import { uniqueName, uniquePhone } from './unique.js';

/** A handling unit's fields as `POST /api/v1/handling-units` takes them (unique name and phone). */
export function handlingUnitInput(
  overrides: Partial<CreateHandlingUnitDto> = {},
): CreateHandlingUnitDto {
  return {
    name: uniqueName('区住建局'),
    kind: '政府部门',
    contactName: '王科长',
    contactPhone: uniquePhone(),
    contactEmail: 'unit@example.org',
    remit: '住房和城乡建设',
    ...overrides,
  };
}

/** A handling unit written through HandlingUnitsService as the system. */
export function createHandlingUnit(
  app: INestApplication,
  overrides: Partial<CreateHandlingUnitDto> = {},
): Promise<HandlingUnit> {
  return runAsSystem('test', () =>
    app.get(HandlingUnitsService).create(handlingUnitInput(overrides)),
  );
}

/** A registered suggestion's fields: a unique title, raised on 2025-09-26 unless overridden. */
export function suggestionInput(
  overrides: Partial<CreateSuggestionDto> & { leadDeputyId: number },
): CreateSuggestionDto {
  return {
    title: uniqueName('关于加装电梯的建议'),
    content: '老旧小区加装电梯进度慢，建议简化审批',
    raisedOn: '2025-09-26',
    ...overrides,
  };
}

/** A registered suggestion, through SuggestionsService as the system. */
export function createSuggestion(
  app: INestApplication,
  overrides: Partial<CreateSuggestionDto> & { leadDeputyId: number },
): Promise<Suggestion> {
  return runAsSystem('test', () => app.get(SuggestionsService).create(suggestionInput(overrides)));
}

/** Moves a suggestion through its steps as the system (each with the fields it needs). */
export async function walkSuggestion(
  app: INestApplication,
  id: number,
  steps: [action: string, fields?: object][],
): Promise<Suggestion> {
  let suggestion: Suggestion | undefined;
  for (const [action, fields] of steps) {
    suggestion = await runAsSystem('test', () =>
      app.get(SuggestionsService).transition(id, action, fields ?? {}),
    );
  }
  if (!suggestion) throw new Error('no steps');
  return suggestion;
}
