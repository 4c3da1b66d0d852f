// 日期筛选（不含时间）: from/to as the calendar days picked (YYYY-MM-DD), like date-only-edit.jsx;
// AdminJS's own filter sent the UTC instants of the local midnights, a day early in China.
import React from 'react';
import { DatePicker, FormGroup, Label } from '@adminjs/design-system';
import { PropertyLabel, useTranslation } from 'adminjs';

const pad = (n) => String(n).padStart(2, '0');
const digit = { regex: '\\d' };
const MASK = [digit, digit, digit, digit, '-', digit, digit, '-', digit, digit];

function pickedDay(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const shownDay = (value) => (value ? `${String(value).slice(0, 10)}T00:00:00` : '');

const DateOnlyFilter = ({ property, filter, onChange }) => {
  const { translateProperty } = useTranslation();
  const bound = (key) => (
    <DatePicker
      value={shownDay(filter[key])}
      propertyType="date"
      dateFormat="yyyy-MM-dd"
      placeholderText="YYYY-MM-DD"
      inputMask={{ mask: MASK }}
      onChange={(iso) => onChange(key, pickedDay(iso))}
    />
  );
  return (
    <FormGroup variant="filter">
      <PropertyLabel property={property} filter />
      <Label>{`- ${translateProperty('from')}: `}</Label>
      {bound(`${property.path}~~from`)}
      <Label mt="default">{`- ${translateProperty('to')}: `}</Label>
      {bound(`${property.path}~~to`)}
    </FormGroup>
  );
};

export default DateOnlyFilter;
