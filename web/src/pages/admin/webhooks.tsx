/**
 * Webhooks: the portal's webhooks (list, create, delete) and each one's delivery log with its attempts, over
 * `/lectern/v1/webhooks` (LMS admins; the API refuses everyone else).
 */
import { Alert, Anchor, Badge, Code, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, dataOf } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { ConfirmDelete } from '../confirm-delete.tsx';
import { FormButtons, useForm } from '../form-fields.tsx';
import { Pager } from '../pager.tsx';
import { ScrollRegion } from '../scroll-region.tsx';
import { FormError } from '../use-submit.tsx';
import { moment } from './dashboard.tsx';

function statusColour(status: string): string {
  return status === 'sent' ? 'teal' : status === 'failed' ? 'red' : 'gray';
}

/** The new-webhook form; a refusal shows at the field it names (`url` or `events`). */
function NewWebhook() {
  const client = useQueryClient();
  const form = useForm({ url: '', events: '*' });
  const [secret, setSecret] = useState<string | null>(null);
  const create = form.handle(async () => {
    const events = form.values.events
      .split(',')
      .map((event) => event.trim())
      .filter((event) => event !== '');
    const { webhook } = resultOf(
      await api.POST('/lectern/v1/webhooks', { body: { url: form.values.url.trim(), events } }),
    );
    setSecret(webhook.secret ?? null);
    form.set('url', '');
    await client.invalidateQueries({ queryKey: ['webhooks'] });
  });
  return (
    <form onSubmit={create} aria-label="New webhook" noValidate>
      <Stack gap="sm">
        <Title order={2} size="h3">
          New webhook
        </Title>
        <FormError message={form.formError} />
        <TextInput
          label="URL"
          description="http or https; where the events are POSTed, signed with the webhook's secret"
          required
          {...form.text('url')}
        />
        <TextInput
          label="Events"
          description="versioned event names separated by commas (learner.enrolled.v1, ...), or * for every event"
          required
          {...form.text('events')}
        />
        <FormButtons submitLabel="Create webhook" busy={form.busy} />
        {secret !== null && (
          <Alert title="Webhook created">
            Its signing secret, shown this once: <Code>{secret}</Code>
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** What a webhook's deletion takes with it (docs/compatibility.md, webhooks). */
const webhookGoes = ['its deliveries and their log (those still pending are never sent)'];

/** The portal's webhooks. */
export function WebhooksPage() {
  const client = useQueryClient();
  const [startIndex, setStartIndex] = useState(0);
  const query = useQuery({
    queryKey: ['webhooks', startIndex],
    queryFn: async () => dataOf(await api.GET('/lectern/v1/webhooks', { params: { query: { startIndex } } })),
    placeholderData: keepPreviousData,
  });
  const remove = async (webhookId: string) => {
    resultOf(await api.DELETE('/lectern/v1/webhooks/{webhookId}', { params: { path: { webhookId } } }));
    await client.invalidateQueries({ queryKey: ['webhooks'] });
  };
  return (
    <Stack>
      <Title order={1}>Webhooks</Title>
      {query.isPending ? (
        <Loader aria-label="Loading webhooks" />
      ) : query.isError ? (
        <Alert color="red" title="Could not load the webhooks">
          {query.error.message}
        </Alert>
      ) : query.data.webhooks.length === 0 ? (
        <Text>No webhooks yet.</Text>
      ) : (
        <ScrollRegion label="Webhooks">
          <Table striped captionSide="top">
            <Table.Caption>The portal's webhooks</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">URL</Table.Th>
                <Table.Th scope="col">Events</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.webhooks.map((webhook) => (
                <Table.Tr key={webhook.webhookId}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{webhook.url}</Table.Td>
                  <Table.Td>{webhook.events.join(', ')}</Table.Td>
                  <Table.Td>{webhook.active ? 'Active' : 'Paused'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/admin/webhooks/$webhookId" params={{ webhookId: webhook.webhookId }} />
                        )}
                        aria-label={`Delivery log of ${webhook.url}`}
                      >
                        Log
                      </Anchor>
                      <ConfirmDelete
                        what="webhook"
                        name={webhook.url}
                        alsoDeleted={webhookGoes}
                        onDelete={() => remove(webhook.webhookId)}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {query.data !== undefined && (
        <Pager
          startIndex={startIndex}
          shown={query.data.webhooks.length}
          hasMore={query.data.hasMoreRecords}
          onChange={setStartIndex}
          label="webhooks"
        />
      )}
      <NewWebhook />
    </Stack>
  );
}

/** One webhook's deliveries, newest first, with every attempt. */
export function WebhookDeliveriesPage() {
  const { webhookId } = useParams({ strict: false }) as { webhookId: string };
  const [startIndex, setStartIndex] = useState(0);
  const webhook = useQuery({
    queryKey: ['webhook', webhookId],
    queryFn: async () =>
      dataOf(await api.GET('/lectern/v1/webhooks/{webhookId}', { params: { path: { webhookId } } })).webhook,
  });
  const deliveries = useQuery({
    queryKey: ['webhook-deliveries', webhookId, startIndex],
    queryFn: async () =>
      dataOf(
        await api.GET('/lectern/v1/webhooks/{webhookId}/deliveries', {
          params: { path: { webhookId }, query: { startIndex } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Anchor component={Link} to="/admin/webhooks">
        All webhooks
      </Anchor>
      <Title order={1}>Delivery log</Title>
      {webhook.data !== undefined && <Text style={{ wordBreak: 'break-all' }}>{webhook.data.url}</Text>}
      {webhook.isError && (
        <Alert color="red" title="Could not load the webhook">
          {webhook.error.message}
        </Alert>
      )}
      {deliveries.isPending ? (
        <Loader aria-label="Loading deliveries" />
      ) : deliveries.isError ? (
        <Alert color="red" title="Could not load the deliveries">
          {deliveries.error.message}
        </Alert>
      ) : deliveries.data.deliveries.length === 0 ? (
        <Text>No deliveries yet: events the webhook listens to will show here.</Text>
      ) : (
        <ScrollRegion label="Deliveries">
          <Table striped captionSide="top">
            <Table.Caption>Deliveries, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Queued</Table.Th>
                <Table.Th scope="col">Event</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Attempts</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.data.deliveries.map((delivery) => (
                <Table.Tr key={delivery.deliveryId}>
                  <Table.Td>{moment(delivery.createdAt)}</Table.Td>
                  <Table.Td>{delivery.type}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColour(delivery.status)}>
                      {delivery.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {delivery.attemptLog.length === 0
                      ? 'none yet'
                      : delivery.attemptLog
                          .map(
                            (attempt) =>
                              `#${attempt.attempt} ${attempt.outcome}${attempt.statusCode === null ? '' : ` (${attempt.statusCode})`}${attempt.error ? `: ${attempt.error}` : ''}`,
                          )
                          .join('; ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {deliveries.data !== undefined && (
        <Pager
          startIndex={startIndex}
          shown={deliveries.data.deliveries.length}
          hasMore={deliveries.data.hasMoreRecords}
          onChange={setStartIndex}
          label="deliveries"
        />
      )}
    </Stack>
  );
}
