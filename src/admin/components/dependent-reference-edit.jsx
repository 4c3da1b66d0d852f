// A reference picker whose valid targets depend on another field of the same form: a deputy's
// community and group must belong to the deputy's committee (DeputiesService.checkWrite), so
// the picker offers only those of the committee chosen (property.props.dependsOn).
import React, { useEffect, useState } from 'react';
import { FormGroup, FormMessage, SelectAsync } from '@adminjs/design-system';
import { PropertyLabel } from 'adminjs';

const api = (path) =>
  fetch(`/admin/api/resources/${path}`, { credentials: 'same-origin' }).then((answer) =>
    answer.ok ? answer.json() : Promise.reject(new Error(String(answer.status))),
  );

const DependentReferenceEdit = ({ property, record, onChange }) => {
  const { dependsOn, emptyHint } = property.props ?? {};
  const resourceId = property.reference;
  const parent = record.params?.[dependsOn];
  const selectedId = record.params?.[property.path];
  const [selected, setSelected] = useState(null);
  const error = record.errors?.[property.path];

  useEffect(() => {
    if (!selectedId) return setSelected(null);
    api(`${resourceId}/records/${encodeURIComponent(selectedId)}/show`).then(
      (data) => setSelected({ value: data.record.id, label: data.record.title }),
      () => setSelected(null),
    );
  }, [resourceId, selectedId]);

  const loadOptions = async (text) => {
    if (!parent) return [];
    const query = `filters.${dependsOn}=${encodeURIComponent(parent)}`;
    const data = await api(`${resourceId}/actions/search/${encodeURIComponent(text)}?${query}`);
    return data.records.map((option) => ({ value: option.id, label: option.title }));
  };

  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <SelectAsync
        // A new parent: the options of the old one are not valid any more.
        key={String(parent ?? '')}
        cacheOptions
        defaultOptions
        loadOptions={loadOptions}
        value={selected ?? { value: '', label: '' }}
        onChange={(option) => onChange(property.path, option ? option.value : null)}
        noOptionsMessage={() => (parent ? '无可选项' : emptyHint)}
        isClearable
        isDisabled={property.isDisabled}
      />
      <FormMessage>{error?.message}</FormMessage>
    </FormGroup>
  );
};

export default DependentReferenceEdit;
