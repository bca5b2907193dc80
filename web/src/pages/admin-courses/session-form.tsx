/** A session's fields: module, name, type, date and times, trainer and room pickers. */
import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { isoFromZoho, time24FromZoho, zohoFromIso, zohoFromTime24 } from './formats.ts';
import { useRoomOptions, useTrainerOptions } from './people-and-rooms.ts';
import type { SessionData } from './session-api.ts';

/** What the session form edits; date YYYY-MM-DD and times HH:MM as the inputs hold them. */
export interface SessionFields {
  moduleId: string;
  name: string;
  type: string;
  date: string;
  startTime: string;
  endTime: string;
  trainerErecno: string;
  roomId: string;
  description: string;
}

/** sessionData for the API. */
export function sessionDataOf(fields: SessionFields): SessionData {
  return {
    name: fields.name.trim(),
    type: Number(fields.type),
    date: zohoFromIso(fields.date),
    startTime: zohoFromTime24(fields.startTime),
    endTime: zohoFromTime24(fields.endTime),
    trainerErecno: fields.trainerErecno,
    roomId: fields.roomId,
    description: fields.description,
  };
}

/** The form's values for a stored session. */
export function sessionFieldsOf(session: {
  moduleId: string;
  sessionName: string;
  sessionType: string;
  sessionStartDate: string;
  sessionStartTime: string;
  sessionEndTime: string;
  trainerErecno: string;
  roomId: string;
  description: string;
}): SessionFields {
  return {
    moduleId: session.moduleId,
    name: session.sessionName,
    type: session.sessionType === 'E-learning' ? '1' : '0',
    date: isoFromZoho(session.sessionStartDate),
    startTime: time24FromZoho(session.sessionStartTime),
    endTime: time24FromZoho(session.sessionEndTime),
    trainerErecno: session.trainerErecno,
    roomId: session.roomId,
    description: session.description,
  };
}

/** The session form; `onSave` does the call and throws what the API refused (a clash names the other session). */
export function SessionForm({
  initial,
  modules,
  moduleFixed,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: SessionFields;
  modules: { value: string; label: string }[];
  moduleFixed: boolean;
  submitLabel: string;
  onSave: (fields: SessionFields) => Promise<void>;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const trainers = useTrainerOptions();
  const rooms = useRoomOptions();
  const set = <K extends keyof SessionFields>(key: K, value: SessionFields[K]) =>
    setFields({ ...fields, [key]: value });
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
      <Stack>
        <Select
          label="Module"
          required
          data={modules}
          value={fields.moduleId || null}
          disabled={moduleFixed}
          allowDeselect={false}
          onChange={(value) => set('moduleId', value ?? '')}
        />
        <TextInput
          label="Session name"
          required
          maxLength={250}
          value={fields.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <Select
          label="Session type"
          data={[
            { value: '0', label: 'Classroom' },
            { value: '1', label: 'E-learning' },
          ]}
          value={fields.type}
          allowDeselect={false}
          onChange={(value) => set('type', value ?? '0')}
        />
        <TextInput
          type="date"
          label="Date"
          required
          value={fields.date}
          onChange={(e) => set('date', e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <TextInput
            type="time"
            label="Starts"
            required
            value={fields.startTime}
            onChange={(e) => set('startTime', e.currentTarget.value)}
          />
          <TextInput
            type="time"
            label="Ends"
            required
            value={fields.endTime}
            onChange={(e) => set('endTime', e.currentTarget.value)}
          />
        </Group>
        <Select
          label="Trainer"
          required
          searchable
          data={trainers.data ?? []}
          value={fields.trainerErecno || null}
          onChange={(value) => set('trainerErecno', value ?? '')}
        />
        <Select
          label="Room"
          searchable
          clearable
          data={rooms.data ?? []}
          value={fields.roomId || null}
          onChange={(value) => set('roomId', value ?? '')}
        />
        <Textarea
          label="Session description"
          autosize
          value={fields.description}
          onChange={(e) => set('description', e.currentTarget.value)}
        />
        {error !== null && (
          <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Not saved" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
