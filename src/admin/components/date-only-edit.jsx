// 日期（不含时间）: the calendar day the user picks or types, sent as YYYY-MM-DD. AdminJS's own
// date editor sends the UTC date of the local midnight picked (31 October for 1 November in
// China); this one sends the day the user saw. The server also reads an instant as its day in
// APP_TIMEZONE (date-only.rules.ts), for any other client.
import React from 'react';
import { DatePicker, FormGroup, FormMessage } from '@adminjs/design-system';
import { PropertyLabel } from 'adminjs';

const pad = (n) => String(n).padStart(2, '0');
const digit = { regex: '\\d' };
/** The mask of the text box: YYYY-MM-DD, as the API and the lists write dates. */
const MASK = [digit, digit, digit, digit, '-', digit, digit, '-', digit, digit];

/** The day of an instant in the browser's calendar: the day the user picked or typed. */
function pickedDay(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const DateOnlyEdit = ({ property, record, onChange }) => {
  const stored = record.params?.[property.path];
  // Local midnight of the stored day, so the picker shows that day whatever the browser's zone.
  const value = stored ? `${String(stored).slice(0, 10)}T00:00:00` : '';
  const error = record.errors?.[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <DatePicker
        value={value}
        propertyType="date"
        dateFormat="yyyy-MM-dd"
        placeholderText="YYYY-MM-DD"
        inputMask={{ mask: MASK }}
        disabled={property.isDisabled}
        onChange={(iso) => onChange(property.path, pickedDay(iso))}
        {...property.props}
      />
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

export default DateOnlyEdit;
