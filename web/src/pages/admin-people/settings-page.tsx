/**
 * The portal's settings (GET/PATCH /lectern/v1/portal/settings): name, time zone, date format, week start, the
 * e-mails' sender and the notification defaults. The API checks every field; its 400 is shown at the field it names.
 */
import { Alert, Button, Fieldset, Group, Loader, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { FormError, useSubmit } from '../use-submit.tsx';
import type { PortalSettings } from './api-types.ts';
import { TimeZoneSelect } from './time-zone-select.tsx';

const dateFormats: PortalSettings['dateFormat'][] = [
  'dd-MMM-yyyy',
  'dd-MM-yyyy',
  'MM-dd-yyyy',
  'yyyy-MM-dd',
  'dd/MM/yyyy',
  'MM/dd/yyyy',
  'dd.MM.yyyy',
  'MMM dd, yyyy',
];
const weekDays: PortalSettings['weekStart'][] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const notificationLabels: Record<keyof PortalSettings['notificationDefaults'], string> = {
  coursePublished: 'Publishing a course',
  batchPublished: 'Publishing a batch',
  enrolments: 'Enrolling, unenrolling and removing learners',
  sessions: 'Creating, changing and deleting sessions',
};
const fields = [
  'name',
  'timeZone',
  'dateFormat',
  'weekStart',
  'mailSender.name',
  'mailSender.address',
  'mailSender',
  'notificationDefaults',
];

/** Today written in a date format, as an example next to it. */
function example(format: string): string {
  const today = new Date();
  const month = today.toLocaleString('en', { month: 'short' });
  return format
    .replace('yyyy', String(today.getFullYear()))
    .replace('MMM', month)
    .replace('MM', String(today.getMonth() + 1).padStart(2, '0'))
    .replace('dd', String(today.getDate()).padStart(2, '0'));
}

const capitalised = (day: string) => day[0]!.toUpperCase() + day.slice(1);

function SettingsForm({ settings }: { settings: PortalSettings }) {
  const [values, setValues] = useState(settings);
  const [sender, setSender] = useState({
    name: settings.mailSender?.name ?? '',
    address: settings.mailSender?.address ?? '',
  });
  const [saved, setSaved] = useState(false);
  const { errors, formError, busy, handle } = useSubmit(fields);
  const queryClient = useQueryClient();
  const set = <K extends keyof PortalSettings>(key: K, value: PortalSettings[K]) => {
    setSaved(false);
    setValues((previous) => ({ ...previous, [key]: value }));
  };

  const submit = handle(async () => {
    const noSender = sender.name.trim() === '' && sender.address.trim() === '';
    const answer = resultOf(
      await api.PATCH('/lectern/v1/portal/settings', {
        body: {
          name: values.name,
          timeZone: values.timeZone,
          dateFormat: values.dateFormat,
          weekStart: values.weekStart,
          mailSender: noSender ? null : sender,
          notificationDefaults: values.notificationDefaults,
        },
      }),
    );
    queryClient.setQueryData(['/lectern/v1/portal/settings'], answer);
    setSaved(true);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <FormError message={formError} />
        {saved && (
          <Alert color="teal" role="status">
            Settings saved.
          </Alert>
        )}
        <TextInput
          label="Portal name"
          required
          maxLength={100}
          value={values.name}
          error={errors.name}
          onChange={(event) => set('name', event.currentTarget.value)}
        />
        <TimeZoneSelect
          label="Time zone"
          required
          value={values.timeZone}
          error={errors.timeZone}
          onChange={(zone) => set('timeZone', zone ?? '')}
        />
        <Select
          label="Date format"
          required
          allowDeselect={false}
          data={dateFormats.map((format) => ({ value: format, label: `${format} (${example(format)})` }))}
          value={values.dateFormat}
          error={errors.dateFormat}
          onChange={(format) => format !== null && set('dateFormat', format as PortalSettings['dateFormat'])}
        />
        <Select
          label="Week starts on"
          required
          allowDeselect={false}
          data={weekDays.map((day) => ({ value: day, label: capitalised(day) }))}
          value={values.weekStart}
          error={errors.weekStart}
          onChange={(day) => day !== null && set('weekStart', day as PortalSettings['weekStart'])}
        />
        <Fieldset legend="E-mail sender">
          <Text size="sm" mb="xs">
            Leave both empty to send as the server's own sender.
          </Text>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label="Sender name"
              maxLength={100}
              value={sender.name}
              error={errors['mailSender.name']}
              onChange={(event) => {
                const name = event.currentTarget.value;
                setSender((previous) => ({ ...previous, name }));
              }}
            />
            <TextInput
              label="Sender address"
              type="email"
              maxLength={254}
              value={sender.address}
              error={errors['mailSender.address'] ?? errors.mailSender}
              onChange={(event) => {
                const address = event.currentTarget.value;
                setSender((previous) => ({ ...previous, address }));
              }}
            />
          </Group>
        </Fieldset>
        <Fieldset legend="Notify the people concerned by default when">
          <Stack gap="xs">
            {(Object.keys(notificationLabels) as (keyof typeof notificationLabels)[]).map((key) => (
              <Switch
                key={key}
                label={notificationLabels[key]}
                checked={values.notificationDefaults[key]}
                onChange={(event) =>
                  set('notificationDefaults', { ...values.notificationDefaults, [key]: event.currentTarget.checked })
                }
              />
            ))}
            {errors.notificationDefaults !== undefined && (
              <Text c="red" size="sm" role="alert">
                {errors.notificationDefaults}
              </Text>
            )}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={busy}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The settings page. */
export function SettingsPage() {
  const settings = useQuery({
    queryKey: ['/lectern/v1/portal/settings'],
    queryFn: async () => resultOf(await api.GET('/lectern/v1/portal/settings')),
  });
  return (
    <Stack>
      <Title order={1}>Settings</Title>
      <Text>Requests that leave notifyApplicableUsers out follow the notification defaults below.</Text>
      {settings.isPending ? (
        <Loader aria-label="Loading the settings" />
      ) : settings.isError ? (
        <Alert color="red" title="Could not load the settings">
          {settings.error.message}
        </Alert>
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </Stack>
  );
}
