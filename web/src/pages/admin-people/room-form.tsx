/** Adding or editing a room: name, location, capacity and facilities. */
import { Button, Group, NumberInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { FormError, useSubmit } from '../use-submit.tsx';
import { allLocations } from './all-locations.ts';
import type { Room } from './api-types.ts';
import type { FormProps } from './reference-section.tsx';

const fields = ['name', 'locationId', 'capacity', 'facilities'];

/** The room form. */
export function RoomForm({ item, onSaved, onCancel }: FormProps<Room>) {
  const [name, setName] = useState(item?.name ?? '');
  const [locationId, setLocationId] = useState<string | null>(item?.location.locationId ?? null);
  const [capacity, setCapacity] = useState<number | string>(item === undefined ? '' : Number(item.capacity));
  const [facilities, setFacilities] = useState<string[]>(item?.facilities ?? []);
  const { errors, formError, busy, handle } = useSubmit(fields);
  const locations = useQuery({ queryKey: ['/lectern/v1/locations', 'all'], queryFn: allLocations });

  const submit = handle(async () => {
    const body = {
      name,
      ...(locationId === null ? {} : { locationId }),
      // An empty or partial number is left out, so the API names the field as missing on create.
      ...(typeof capacity === 'number' ? { capacity } : {}),
      facilities,
    };
    const answer =
      item === undefined
        ? resultOf(await api.POST('/lectern/v1/rooms', { body }))
        : resultOf(await api.PATCH('/lectern/v1/rooms/{roomId}', { params: { path: { roomId: item.roomId } }, body }));
    onSaved(answer.room.name);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={formError ?? (locations.isError ? locations.error.message : undefined)} />
        <TextInput
          label="Name"
          required
          maxLength={100}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Select
          label="Location"
          required
          searchable
          placeholder={locations.isPending ? 'Loading locations…' : 'Choose a location'}
          data={(locations.data ?? []).map((location) => ({ value: location.locationId, label: location.name }))}
          value={locationId}
          onChange={setLocationId}
          error={errors.locationId}
          nothingFoundMessage="No such location"
        />
        <NumberInput
          label="Capacity"
          description="Seats, from 1 to 100000"
          required
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          value={capacity}
          onChange={setCapacity}
          error={errors.capacity}
        />
        <TagsInput
          label="Facilities"
          description="Press Enter after each (up to 30)"
          maxTags={30}
          value={facilities}
          onChange={setFacilities}
          error={errors.facilities}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save room
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
