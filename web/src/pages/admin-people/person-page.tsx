/** One person: their photo, their fields to edit, and deactivation or reactivation. */
import { Alert, Anchor, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import type { Employee } from './api-types.ts';
import { StatusBadge } from './people-page.tsx';
import { PersonForm, type PersonValues, valuesOf } from './person-form.tsx';
import { PhotoField } from './photo-field.tsx';
import { StatusAction } from './status-dialog.tsx';

/** The fields that changed, as PATCH takes them (empty optional texts clear them). */
function changesOf(before: PersonValues, after: PersonValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of ['displayName', 'emailId', 'employeeId'] as const) {
    if (after[key] !== before[key]) changes[key] = after[key];
  }
  for (const key of ['firstName', 'lastName'] as const) {
    if (after[key] !== before[key]) changes[key] = after[key].trim() === '' ? null : after[key];
  }
  if (after.managerErecno !== before.managerErecno) changes.managerErecno = after.managerErecno;
  if ([...after.roles].sort().join() !== [...before.roles].sort().join()) changes.roles = after.roles;
  return changes;
}

function useEmployee(erecno: string | null) {
  return useQuery({
    queryKey: ['/lectern/v1/employees/{erecno}', erecno],
    enabled: erecno !== null,
    queryFn: async () =>
      resultOf(await api.GET('/lectern/v1/employees/{erecno}', { params: { path: { erecno: erecno ?? '' } } }))
        .employee,
  });
}

/** The person's page. */
export function PersonPage() {
  const { erecno = '' } = useParams({ strict: false }) as { erecno?: string };
  const queryClient = useQueryClient();
  const person = useEmployee(erecno);
  const manager = useEmployee(person.data?.managerErecno ?? null);
  const [notice, setNotice] = useState<string | undefined>();

  const refresh = async (changed?: Employee) => {
    if (changed !== undefined) queryClient.setQueryData(['/lectern/v1/employees/{erecno}', erecno], changed);
    await queryClient.invalidateQueries({ queryKey: ['/lectern/v1/employees'] });
    await queryClient.invalidateQueries({ queryKey: ['/lectern/v1/employees/{erecno}', erecno] });
  };

  if (person.isPending) return <Loader aria-label="Loading the person" />;
  if (person.isError)
    return (
      <Alert color="red" title="Could not load the person">
        {person.error.message}
      </Alert>
    );
  const shown = person.data;

  const save = async (values: PersonValues) => {
    const changes = changesOf(valuesOf(shown), values);
    if (Object.keys(changes).length === 0) {
      setNotice('Nothing changed.');
      return;
    }
    const answer = resultOf(
      await api.PATCH('/lectern/v1/employees/{erecno}', { params: { path: { erecno } }, body: changes }),
    );
    setNotice(`Saved ${answer.employee.displayName}.`);
    await refresh(answer.employee);
  };

  return (
    <Stack>
      <Anchor component={Link} to="/admin/people">
        ← People
      </Anchor>
      <Group>
        <Title order={1}>{shown.displayName}</Title>
        <StatusBadge status={shown.status} />
      </Group>
      {notice !== undefined && (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(undefined)}
        >
          {notice}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          Photo
        </Title>
        <PhotoField person={shown} onChanged={() => refresh()} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          Details
        </Title>
        <PersonForm
          key={JSON.stringify(valuesOf(shown))}
          person={shown}
          manager={manager.data}
          withNames
          submitLabel="Save changes"
          onSubmit={save}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          Status
        </Title>
        <StatusAction
          person={shown}
          onChanged={async (changed, leftWaitlists) => {
            setNotice(
              changed.status === 'active'
                ? `${changed.displayName} is active again.`
                : `${changed.displayName} is deactivated; ${leftWaitlists} waitlist place${leftWaitlists === 1 ? '' : 's'} given up.`,
            );
            await refresh(changed);
          }}
        />
      </Paper>
    </Stack>
  );
}
