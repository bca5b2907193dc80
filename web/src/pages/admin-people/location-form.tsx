/** Adding or editing a location: name, time zone (empty: the portal's) and postal address. */
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { FormError, useSubmit } from '../use-submit.tsx';
import type { Location } from './api-types.ts';
import type { FormProps } from './reference-section.tsx';
import { TimeZoneSelect } from './time-zone-select.tsx';

const addressParts = [
  { key: 'street', label: 'Street', max: 200 },
  { key: 'city', label: 'City', max: 100 },
  { key: 'state', label: 'State or region', max: 100 },
  { key: 'postalCode', label: 'Postal code', max: 20 },
  { key: 'country', label: 'Country', max: 100 },
] as const;

type AddressKey = (typeof addressParts)[number]['key'];

const fields = ['name', 'timeZone', ...addressParts.map((part) => `address.${part.key}`), 'address'];

/** The location form. */
export function LocationForm({ item, onSaved, onCancel }: FormProps<Location>) {
  const [name, setName] = useState(item?.name ?? '');
  const [timeZone, setTimeZone] = useState<string | null>(item?.timeZone ?? null);
  const [address, setAddress] = useState<Record<AddressKey, string>>(() => ({
    street: item?.address.street ?? '',
    city: item?.address.city ?? '',
    state: item?.address.state ?? '',
    postalCode: item?.address.postalCode ?? '',
    country: item?.address.country ?? '',
  }));
  const { errors, formError, busy, handle } = useSubmit(fields);

  const submit = handle(async () => {
    // Empty parts are null: the API clears them.
    const body = {
      name,
      timeZone,
      address: Object.fromEntries(
        addressParts.map(({ key }) => [key, address[key].trim() === '' ? null : address[key]]),
      ),
    };
    const answer =
      item === undefined
        ? resultOf(await api.POST('/lectern/v1/locations', { body }))
        : resultOf(
            await api.PATCH('/lectern/v1/locations/{locationId}', {
              params: { path: { locationId: item.locationId } },
              body,
            }),
          );
    onSaved(answer.location.name);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={formError} />
        <TextInput
          label="Name"
          required
          maxLength={100}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TimeZoneSelect
          label="Time zone"
          value={timeZone}
          error={errors.timeZone}
          emptyLabel="The portal's time zone"
          onChange={setTimeZone}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {addressParts.map((part) => (
            <TextInput
              key={part.key}
              label={part.label}
              maxLength={part.max}
              value={address[part.key]}
              error={errors[`address.${part.key}`]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setAddress((previous) => ({ ...previous, [part.key]: value }));
              }}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save location
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
