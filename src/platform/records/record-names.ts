import type { RecordName } from '../../common/errors.js';

/**
 * The committee's name in messages: the platform's own record (every scope and reference check
 * names it), so it lives here; the committees area lists it with its other records.
 */
export const COMMITTEE_RECORD_NAME = {
  zh: '人大工委/常委会',
  en: 'Committee',
} as const satisfies RecordName;
