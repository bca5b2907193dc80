/** A session's fields: module, name, type, date and times, trainer and room pickers. */
import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { FormButtons, RangeFields, useForm } from '../form-fields.tsx';
import { FormError } from '../use-submit.tsx';
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

/** The session form; `onSave` does the call and throws what the API refused (a clash names the trainer or room). */
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
  const form = useForm(initial, 'sessionData.');
  const { values, set, text, errors } = form;
  const trainers = useTrainerOptions();
  const rooms = useRoomOptions();
  return (
    <form onSubmit={form.handle(() => onSave(values))}>
      <Stack>
        <FormError message={form.formError} />
        <Select
          label="Module"
          required
          data={modules}
          value={values.moduleId || null}
          disabled={moduleFixed}
          allowDeselect={false}
          error={errors.moduleId}
          onChange={(value) => set('moduleId', value ?? '')}
        />
        <TextInput label="Session name" required maxLength={250} {...text('name')} />
        <Select
          label="Session type"
          data={[
            { value: '0', label: 'Classroom' },
            { value: '1', label: 'E-learning' },
          ]}
          value={values.type}
          allowDeselect={false}
          error={errors.type}
          onChange={(value) => set('type', value ?? '0')}
        />
        <TextInput type="date" label="Date" required {...text('date')} />
        <RangeFields
          type="time"
          from={{ label: 'Starts', ...text('startTime') }}
          to={{ label: 'Ends', ...text('endTime') }}
        />
        <Select
          label="Trainer"
          required
          searchable
          data={trainers.data ?? []}
          value={values.trainerErecno || null}
          error={errors.trainerErecno}
          onChange={(value) => set('trainerErecno', value ?? '')}
        />
        <Select
          label="Room"
          searchable
          clearable
          data={rooms.data ?? []}
          value={values.roomId || null}
          error={errors.roomId}
          onChange={(value) => set('roomId', value ?? '')}
        />
        <Textarea label="Session description" autosize {...text('description')} />
        <FormButtons submitLabel={submitLabel} busy={form.busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
