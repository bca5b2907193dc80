/**
 * What the admin forms share: their values with the API's refusal placed at the field it names, a text input bound to
 * one value, a from–to pair of date or time inputs, and the submit and cancel buttons.
 */
import { Button, Group, TextInput } from '@mantine/core';
import { type ChangeEvent, useState } from 'react';
import { useSubmit } from './use-submit.tsx';

type TextKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/**
 * A form over `initial`'s keys, which are the API's own names inside `prefix` (`batchData.endDate` is `endDate`), so a
 * refusal shows at its field. `text(key)` gives a TextInput or Textarea its value, error and change handler.
 */
export function useForm<T extends object>(initial: T, prefix = '') {
  const [values, setValues] = useState(initial);
  const submission = useSubmit(Object.keys(initial), prefix);
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  const text = (key: TextKeys<T>) => ({
    value: values[key] as string,
    error: submission.errors[key as string],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, event.currentTarget.value as T[typeof key]),
  });
  return { values, set, text, ...submission };
}

/** One end of a range: its label, value, error and change handler (as `useForm().text` gives them). */
interface RangeEnd {
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** Two date or time inputs side by side: a batch's start and end dates, a session's start and end times. */
export function RangeFields({ type, from, to }: { type: 'date' | 'time'; from: RangeEnd; to: RangeEnd }) {
  return (
    <Group grow align="flex-start">
      <TextInput type={type} required {...from} />
      <TextInput type={type} required {...to} />
    </Group>
  );
}

/** The form's submit button (busy while the call runs) and, when the form can be left, Cancel. */
export function FormButtons({
  submitLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel?: (() => void) | undefined;
}) {
  return (
    <Group>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
      {onCancel !== undefined && (
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </Group>
  );
}
