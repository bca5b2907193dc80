/**
 * The fields of a person, for adding one and for editing: names, e-mail, employee id, manager and roles. Each of the
 * API's refusals is shown at the field it names.
 */
import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormError, useSubmit } from '../use-submit.tsx';
import { type Employee, roleOptions } from './api-types.ts';
import { ManagerSelect } from './manager-select.tsx';

/** What the form edits. */
export interface PersonValues {
  displayName: string;
  firstName: string;
  lastName: string;
  emailId: string;
  employeeId: string;
  managerErecno: string | null;
  roles: string[];
}

/** The form's values for a person (or empty ones for a new person). */
export function valuesOf(person?: Employee): PersonValues {
  return {
    displayName: person?.displayName ?? '',
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    emailId: person?.emailId ?? '',
    employeeId: person?.employeeId ?? '',
    managerErecno: person?.managerErecno ?? null,
    roles: person?.roles ?? [],
  };
}

const fieldNames = ['displayName', 'firstName', 'lastName', 'emailId', 'employeeId', 'managerErecno', 'roles'];

/** The form; `onSubmit` calls the API and throws its refusal, which the form places at its field. */
export function PersonForm({
  person,
  manager,
  withNames,
  submitLabel,
  errorPrefix = '',
  onSubmit,
  onCancel,
}: {
  person?: Employee;
  manager?: Pick<Employee, 'erecno' | 'displayName'> | undefined;
  /** First and last name: only an edit takes them (adding a person sets the display name). */
  withNames: boolean;
  submitLabel: string;
  /** What the API puts before a field's name (`employees.0.` when adding). */
  errorPrefix?: string;
  onSubmit: (values: PersonValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(() => valuesOf(person));
  const { errors, formError, busy, handle } = useSubmit(fieldNames, errorPrefix);
  const set = <K extends keyof PersonValues>(key: K, value: PersonValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const submit = handle(() => onSubmit(values));

  const text = (key: 'displayName' | 'firstName' | 'lastName' | 'emailId' | 'employeeId') => ({
    value: values[key],
    error: errors[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={formError} />
        <TextInput label="Display name" required maxLength={200} {...text('displayName')} />
        {withNames && (
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label="First name" maxLength={100} {...text('firstName')} />
            <TextInput label="Last name" maxLength={100} {...text('lastName')} />
          </Group>
        )}
        <TextInput label="E-mail" type="email" required maxLength={200} {...text('emailId')} />
        <TextInput
          label="Employee id"
          description={person === undefined ? 'Left empty: the next free number' : undefined}
          maxLength={50}
          {...text('employeeId')}
        />
        <ManagerSelect
          value={values.managerErecno}
          current={manager}
          exclude={person?.erecno}
          error={errors.managerErecno}
          onChange={(erecno) => set('managerErecno', erecno)}
        />
        <Checkbox.Group
          label="Roles"
          value={values.roles}
          onChange={(roles) => set('roles', roles)}
          error={errors.roles}
        >
          <Group mt="xs">
            {roleOptions.map((role) => (
              <Checkbox key={role.value} value={role.value} label={role.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="flex-end">
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
