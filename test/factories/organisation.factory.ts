// Kept for the e2e files written against it (other branches add some): the committee factories
// are in committee.factory.ts.
export { createOrganisation } from './committee.factory.js';
