/**
 * The control room of a demo portal (docs/control-room.md): reset to a snapshot, the portal's clock, faults, the
 * request journal and the mailbox. Offered in demo portals only; the API itself admits only the portal's admins.
 */
import { Alert, Button, Checkbox, Code, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, dataOf } from '../../api.ts';
import { currentSession } from '../../session.ts';
import { Faults, Journal, Mailbox } from './control-room-observe.tsx';
import { Section } from './section.tsx';

function Reset({ portalId }: { portalId: string }) {
  const client = useQueryClient();
  const [to, setTo] = useState<'initial' | 'empty'>('initial');
  const reset = useMutation({
    mutationFn: async () =>
      dataOf(await api.POST('/lectern/v1/portals/{portalId}/reset', { params: { path: { portalId } }, body: { to } })),
    onSuccess: () => client.invalidateQueries(),
  });
  return (
    <Section title="Reset">
      <Text size="sm">
        Puts the portal's data back as its snapshot holds it. People, tokens and snapshots stay; your session goes on.
      </Text>
      <Group align="end">
        <Select
          label="Back to"
          data={[
            { value: 'initial', label: 'the initial snapshot' },
            { value: 'empty', label: 'empty (people and rooms kept)' },
          ]}
          value={to}
          onChange={(value) => setTo(value === 'empty' ? 'empty' : 'initial')}
          allowDeselect={false}
        />
        <Button
          color="red"
          loading={reset.isPending}
          onClick={() => {
            if (window.confirm(`Reset the portal to ${to}? Everything since is lost.`)) reset.mutate();
          }}
        >
          Reset portal
        </Button>
      </Group>
      {reset.isSuccess && (
        <Text role="status">{`Reset to ${reset.data.to}: ${reset.data.rowCount} rows put back.`}</Text>
      )}
      {reset.isError && (
        <Alert color="red" title="Not reset">
          {reset.error.message}
        </Alert>
      )}
    </Section>
  );
}

function Clock({ portalId }: { portalId: string }) {
  const client = useQueryClient();
  const path = { params: { path: { portalId } } };
  const clock = useQuery({
    queryKey: ['portal-clock', portalId],
    queryFn: async () => dataOf(await api.GET('/lectern/v1/portals/{portalId}/clock', path)),
  });
  const [by, setBy] = useState('1h');
  const [at, setAt] = useState('');
  const [frozen, setFrozen] = useState(true);
  const change = useMutation({
    mutationFn: async (action: 'advance' | 'set' | 'server') => {
      if (action === 'advance')
        return dataOf(await api.POST('/lectern/v1/portals/{portalId}/clock/advance', { ...path, body: { by } }));
      if (action === 'set')
        return dataOf(
          await api.PUT('/lectern/v1/portals/{portalId}/clock', {
            ...path,
            body: { ...(at ? { now: at } : {}), frozen },
          }),
        );
      return dataOf(await api.DELETE('/lectern/v1/portals/{portalId}/clock', path));
    },
    onSuccess: (answer) => client.setQueryData(['portal-clock', portalId], answer),
  });
  const submit = (action: 'advance' | 'set') => (event: FormEvent) => {
    event.preventDefault();
    change.mutate(action);
  };
  return (
    <Section title="Portal clock">
      {clock.isPending ? (
        <Loader aria-label="Loading the clock" />
      ) : clock.isError ? (
        <Alert color="red" title="Could not read the clock">
          {clock.error.message}
        </Alert>
      ) : (
        <Text data-testid="portal-clock">
          {'The portal time is '}
          <Code>{clock.data.now}</Code>
          {clock.data.serverTime ? " (the server's time)" : clock.data.frozen ? ' (frozen)' : ' (running, moved)'}
        </Text>
      )}
      <Text size="sm">
        Every time-dependent rule follows it, token expiry too: moving it an hour or more ahead ends this sign-in.
      </Text>
      <form onSubmit={submit('advance')} aria-label="Advance the clock">
        <Group align="end">
          <TextInput
            label="Advance by"
            description="90s, 15m, 1h30m, 2d, -1d"
            value={by}
            onChange={(e) => setBy(e.currentTarget.value)}
          />
          <Button type="submit" loading={change.isPending && change.variables === 'advance'}>
            Advance
          </Button>
        </Group>
      </form>
      <form onSubmit={submit('set')} aria-label="Set the clock">
        <Group align="end">
          <TextInput
            label="Set to"
            description="ISO 8601 with a zone, e.g. 2026-05-01T09:00:00Z; empty: now"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
          />
          <Checkbox label="Frozen" checked={frozen} onChange={(e) => setFrozen(e.currentTarget.checked)} />
          <Button type="submit" loading={change.isPending && change.variables === 'set'}>
            Set
          </Button>
          <Button variant="default" onClick={() => change.mutate('server')}>
            Back to server time
          </Button>
        </Group>
      </form>
      {change.isError && (
        <Alert color="red" title="The clock did not change">
          {change.error.message}
        </Alert>
      )}
    </Section>
  );
}

/** The control room page: refused in an organisation portal, whatever the roles. */
export function ControlRoom() {
  const portalId = currentSession()?.person.portalId ?? '';
  // Whether the portal is a demo, as the public web-client lookup says (a session from before kept no flag).
  const portal = useQuery({
    queryKey: ['web-client', portalId],
    queryFn: async () => {
      const response = await fetch(`/oauth/v2/web-client?portalId=${encodeURIComponent(portalId)}`);
      if (!response.ok) throw new Error(`could not read the portal (HTTP ${response.status})`);
      return (await response.json()) as { demo: boolean };
    },
  });
  if (portal.isPending) return <Loader aria-label="Loading" />;
  if (portal.isError)
    return (
      <Alert color="red" title="Could not load the control room">
        {portal.error.message}
      </Alert>
    );
  if (!portal.data.demo)
    return (
      <Stack>
        <Title order={1}>Control room</Title>
        <Alert
          color="gray"
          title="Not available in this portal"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          The control room is for demo portals only: this portal holds your organisation's real data.
        </Alert>
      </Stack>
    );
  return (
    <Stack>
      <Title order={1}>Control room</Title>
      <Reset portalId={portalId} />
      <Clock portalId={portalId} />
      <Faults portalId={portalId} />
      <Journal portalId={portalId} />
      <Mailbox portalId={portalId} />
    </Stack>
  );
}
