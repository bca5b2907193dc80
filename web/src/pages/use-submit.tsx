/** A form's submission: busy while the call runs, and its refusal placed at the field the API named. */
import { Alert } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type FieldErrors, placeError } from './api-result.ts';

/** The state of one form's submission over `fields` (the API's parameter names the form shows). */
export function useSubmit(fields: readonly string[], prefix = '') {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const handle = (call: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(undefined);
    try {
      await call();
    } catch (error) {
      const placed = placeError(error, fields, prefix);
      setErrors(placed.fields);
      setFormError(placed.form);
    } finally {
      setBusy(false);
    }
  };
  return { errors, formError, busy, handle };
}

/** A refusal that names no field of the form, above its fields. */
export function FormError({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Not saved" role="alert">
      {message}
    </Alert>
  );
}
