/** The control room's observation tools: fault rules, the request journal and the mailbox of a demo portal. */
import { Alert, Badge, Button, Code, Group, Loader, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, dataOf } from '../../api.ts';
import { ScrollRegion } from '../scroll-region.tsx';
import { Section } from './section.tsx';

const methods = ['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof methods)[number];

/** The portal's fault rules: list, add (answer a status, delay, or drop), remove. */
export function Faults({ portalId }: { portalId: string }) {
  const client = useQueryClient();
  const path = { params: { path: { portalId } } };
  const faults = useQuery({
    queryKey: ['faults', portalId],
    queryFn: async () => dataOf(await api.GET('/lectern/v1/portals/{portalId}/faults', path)).faults,
  });
  const [method, setMethod] = useState<Method>('*');
  const [pattern, setPattern] = useState('/api/v1/courses');
  const [action, setAction] = useState<'status' | 'latency' | 'drop'>('status');
  const [amount, setAmount] = useState<number | string>(503);
  const refresh = () => client.invalidateQueries({ queryKey: ['faults', portalId] });
  const add = useMutation({
    mutationFn: async () => {
      const value = Number(amount);
      const extra = action === 'status' ? { status: value } : action === 'latency' ? { latencyMs: value } : {};
      return dataOf(
        await api.POST('/lectern/v1/portals/{portalId}/faults', {
          ...path,
          body: { method, path: pattern, action, ...extra },
        }),
      );
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (faultId: string) =>
      dataOf(
        await api.DELETE('/lectern/v1/portals/{portalId}/faults/{faultId}', {
          params: { path: { portalId, faultId } },
        }),
      ),
    onSuccess: refresh,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Section title="Faults">
      <Text size="sm">Rules that answer an error, delay or drop the portal's /api/ requests (kept in memory).</Text>
      {faults.isPending ? (
        <Loader aria-label="Loading faults" />
      ) : faults.isError ? (
        <Alert color="red" title="Could not load the faults">
          {faults.error.message}
        </Alert>
      ) : faults.data.length === 0 ? (
        <Text>No fault rules.</Text>
      ) : (
        <ScrollRegion label="Fault rules">
          <Table captionSide="top">
            <Table.Caption>Fault rules</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Request</Table.Th>
                <Table.Th scope="col">Does</Table.Th>
                <Table.Th scope="col">Hits</Table.Th>
                <Table.Th scope="col">Remove</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {faults.data.map((fault) => (
                <Table.Tr key={fault.faultId}>
                  <Table.Td>{`${fault.method} ${fault.path}`}</Table.Td>
                  <Table.Td>
                    {fault.action === 'status'
                      ? `answers ${fault.status}`
                      : fault.action === 'latency'
                        ? `waits ${fault.latencyMs} ms`
                        : 'drops'}
                  </Table.Td>
                  <Table.Td>{fault.hits}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Remove ${fault.method} ${fault.path}`}
                      onClick={() => remove.mutate(fault.faultId)}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <form onSubmit={onSubmit} aria-label="Add a fault">
        <Group align="end">
          <Select
            label="Method"
            data={[...methods]}
            value={method}
            onChange={(v) => setMethod((v ?? '*') as Method)}
            allowDeselect={false}
            w={110}
          />
          <TextInput label="Path" value={pattern} onChange={(e) => setPattern(e.currentTarget.value)} required />
          <Select
            label="Action"
            data={[
              { value: 'status', label: 'answer a status' },
              { value: 'latency', label: 'delay (ms)' },
              { value: 'drop', label: 'drop the connection' },
            ]}
            value={action}
            onChange={(v) => setAction((v ?? 'status') as 'status' | 'latency' | 'drop')}
            allowDeselect={false}
          />
          {action !== 'drop' && (
            <NumberInput
              label={action === 'status' ? 'Status' : 'Delay (ms)'}
              value={amount}
              onChange={setAmount}
              w={120}
            />
          )}
          <Button type="submit" loading={add.isPending}>
            Add fault
          </Button>
        </Group>
      </form>
      {(add.isError || remove.isError) && (
        <Alert color="red" title="The faults did not change">
          {(add.error ?? remove.error)?.message}
        </Alert>
      )}
    </Section>
  );
}

/** The portal's latest requests, newest first. */
export function Journal({ portalId }: { portalId: string }) {
  const journal = useQuery({
    queryKey: ['journal', portalId],
    queryFn: async () =>
      dataOf(
        await api.GET('/lectern/v1/portals/{portalId}/journal', {
          params: { path: { portalId }, query: { limit: 20 } },
        }),
      ),
  });
  return (
    <Section title="Journal">
      <Group justify="space-between">
        <Text size="sm">The portal's latest API requests and answers (credentials redacted).</Text>
        <Button variant="default" size="xs" onClick={() => journal.refetch()}>
          Refresh journal
        </Button>
      </Group>
      {journal.isPending ? (
        <Loader aria-label="Loading the journal" />
      ) : journal.isError ? (
        <Alert color="red" title="Could not load the journal">
          {journal.error.message}
        </Alert>
      ) : journal.data.entries.length === 0 ? (
        <Text>{`Nothing recorded (recording: ${journal.data.recording}).`}</Text>
      ) : (
        <ScrollRegion label="Journal entries">
          <Table captionSide="top" striped>
            <Table.Caption>Latest requests</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Time</Table.Th>
                <Table.Th scope="col">Request</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">ms</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {journal.data.entries.map((entry) => (
                <Table.Tr key={entry.requestId}>
                  <Table.Td>{entry.time.slice(11, 19)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{`${entry.method} ${entry.path}`}</Table.Td>
                  <Table.Td>{entry.dropped ? 'dropped' : entry.status}</Table.Td>
                  <Table.Td>{Math.round(entry.durationMs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Section>
  );
}

/** The e-mails the portal queued (captured, whether or not SMTP is set), newest first; one opened to read. */
export function Mailbox({ portalId }: { portalId: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const mailbox = useQuery({
    queryKey: ['mailbox', portalId],
    queryFn: async () =>
      dataOf(
        await api.GET('/lectern/v1/portals/{portalId}/mailbox', {
          params: { path: { portalId }, query: { kind: 'email', limit: 25 } },
        }),
      ),
  });
  const opened = mailbox.data?.messages.find((message) => message.id === open);
  return (
    <Section title="Mailbox">
      <Group justify="space-between">
        <Text size="sm">E-mails the portal sent or queued.</Text>
        <Button variant="default" size="xs" onClick={() => mailbox.refetch()}>
          Refresh mailbox
        </Button>
      </Group>
      {mailbox.isPending ? (
        <Loader aria-label="Loading the mailbox" />
      ) : mailbox.isError ? (
        <Alert color="red" title="Could not load the mailbox">
          {mailbox.error.message}
        </Alert>
      ) : mailbox.data.messages.length === 0 ? (
        <Text>No e-mails yet.</Text>
      ) : (
        <ScrollRegion label="Captured e-mails">
          <Table captionSide="top" striped>
            <Table.Caption>E-mails, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">To</Table.Th>
                <Table.Th scope="col">Subject</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mailbox.data.messages.map((message) => (
                <Table.Tr key={message.id}>
                  <Table.Td>{message.to}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setOpen(message.id)}
                      aria-pressed={open === message.id}
                    >
                      {message.subject ?? message.eventType}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={message.status === 'failed' ? 'red' : 'gray'}>
                      {message.status}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {opened !== undefined && (
        <section aria-label="Opened e-mail">
          <Text fw={600}>{opened.subject}</Text>
          <Code block data-testid="mail-text">
            {opened.text ?? ''}
          </Code>
        </section>
      )}
    </Section>
  );
}
