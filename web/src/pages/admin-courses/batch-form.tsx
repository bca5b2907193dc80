/** A batch's fields as the Batch API takes them: name, dates, capacity, waitlisting. */
import { Alert, Button, Checkbox, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { zohoFromIso } from './formats.ts';

/** What the batch form edits; dates as YYYY-MM-DD. */
export interface BatchFields {
  name: string;
  startDate: string;
  endDate: string;
  minimumCapacity: number;
  maximumCapacity: number;
  allowWaitlisting: boolean;
}

/** batchData for the API. */
export function batchDataOf(fields: BatchFields) {
  return {
    name: fields.name.trim(),
    startDate: zohoFromIso(fields.startDate),
    endDate: zohoFromIso(fields.endDate),
    minimumCapacity: fields.minimumCapacity,
    maximumCapacity: fields.maximumCapacity,
    allowWaitlisting: fields.allowWaitlisting,
  };
}

/** The batch form; `onSave` does the call and throws what the API refused. */
export function BatchForm({
  initial,
  submitLabel,
  onSave,
}: {
  initial: BatchFields;
  submitLabel: string;
  onSave: (fields: BatchFields) => Promise<void>;
}) {
  const [fields, setFields] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof BatchFields>(key: K, value: BatchFields[K]) => setFields({ ...fields, [key]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSave(fields);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack maw={640}>
        <TextInput
          label="Batch name"
          required
          maxLength={250}
          value={fields.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Start date"
            required
            value={fields.startDate}
            onChange={(e) => set('startDate', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="End date"
            required
            value={fields.endDate}
            onChange={(e) => set('endDate', e.currentTarget.value)}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label="Minimum learners"
            min={0}
            allowDecimal={false}
            value={fields.minimumCapacity}
            onChange={(value) => set('minimumCapacity', typeof value === 'number' ? value : 0)}
          />
          <NumberInput
            label="Maximum learners"
            min={1}
            allowDecimal={false}
            value={fields.maximumCapacity}
            onChange={(value) => set('maximumCapacity', typeof value === 'number' ? value : 1)}
          />
        </Group>
        <Checkbox
          label="Allow a waitlist when the batch is full"
          checked={fields.allowWaitlisting}
          onChange={(e) => set('allowWaitlisting', e.currentTarget.checked)}
        />
        {error !== null && (
          <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Not saved">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
