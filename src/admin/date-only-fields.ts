import type { ResourceWithOptions } from 'adminjs';
import { COMPONENTS } from './components/components.js';
import { ScopedResource, ServiceResource } from './service-resource.js';

/**
 * Every date-only column of a resource (TypeORM `date`: a term's start and end, a deputy's
 * birth date, …) shown and edited as a calendar date: AdminJS type `date` (its adapter calls
 * them `datetime`, which showed 1970-09-09 as "1970-09-09 08:00" and asked for a time), the
 * panel's own date editor and filter (date-only-edit.jsx, date-only-filter.jsx), and form values
 * sent as instants read as their day in the committee's time zone (filters compare days too:
 * service-resource.ts). A resource's own options for such a field still apply.
 */
export function withDateOnlyFields(
  entry: ResourceWithOptions,
  timeZone: string,
): ResourceWithOptions {
  const resource: unknown = entry.resource;
  if (resource instanceof ServiceResource) resource.readDatesIn(timeZone);
  if (!(resource instanceof ScopedResource)) return entry;
  const fields = resource.dateOnlyFields();
  if (fields.length === 0) return entry;
  const properties = { ...entry.options.properties };
  for (const field of fields) {
    properties[field] = {
      type: 'date',
      components: { edit: COMPONENTS.DateOnlyEdit, filter: COMPONENTS.DateOnlyFilter },
      ...properties[field],
    };
  }
  return { ...entry, options: { ...entry.options, properties } };
}
