/** Picks a person's manager among the portal's people, searching the API as the admin types. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import type { Employee } from './api-types.ts';

/** The manager field: `value` is an erecno or null (no manager); `current` labels it before any search. */
export function ManagerSelect({
  value,
  current,
  exclude,
  error,
  onChange,
}: {
  value: string | null;
  current?: Pick<Employee, 'erecno' | 'displayName'> | undefined;
  exclude?: string | undefined;
  error?: string | undefined;
  onChange: (erecno: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const people = useQuery({
    queryKey: ['/lectern/v1/employees', 0, debounced],
    queryFn: async () =>
      resultOf(await api.GET('/lectern/v1/employees', { params: { query: { search: debounced || undefined } } })),
    placeholderData: keepPreviousData,
  });
  const options = new Map<string, string>();
  if (current !== undefined) options.set(current.erecno, current.displayName);
  for (const person of people.data?.employees ?? []) {
    if (person.erecno !== exclude) options.set(person.erecno, `${person.displayName} (${person.employeeId})`);
  }
  return (
    <Select
      label="Manager"
      placeholder="No manager"
      searchable
      clearable
      clearButtonProps={{ 'aria-label': 'No manager' }}
      nothingFoundMessage="Nobody matches"
      data={[...options].map(([erecno, label]) => ({ value: erecno, label }))}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      error={error}
    />
  );
}
