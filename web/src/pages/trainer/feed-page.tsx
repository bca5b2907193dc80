/**
 * My calendar feed: the secret URL a calendar program subscribes to (POST /lectern/v1/feeds), with a copy button and
 * a rotate action. Lectern keeps only the token's hash, so a URL is shown once, when made or rotated; the page keeps
 * it in memory only (gone on reload: rotate to see a new one).
 */
import { Alert, Button, CopyButton, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, dataOf } from '../../api.ts';
import { myErecno } from './trainer-data.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The feed page at /trainer/feed. */
export function FeedPage() {
  const erecno = myErecno();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const feeds = useQuery({
    queryKey: ['calendar-feeds'],
    queryFn: async () => dataOf(await api.GET('/lectern/v1/feeds')),
  });
  const mine = feeds.data?.feeds.find((feed) => feed.kind === 'trainer' && feed.id === erecno);
  const create = useMutation({
    mutationFn: async () => dataOf(await api.POST('/lectern/v1/feeds', { body: { kind: 'trainer', id: erecno } })),
    onSuccess: async (feed) => {
      setUrl(feed.url ?? null);
      await queryClient.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
  });
  const rotate = useMutation({
    mutationFn: async (feedId: string) =>
      dataOf(await api.POST('/lectern/v1/feeds/{feedId}/rotate', { params: { path: { feedId } } })),
    onSuccess: async (feed) => {
      setUrl(feed.url ?? null);
      await queryClient.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
  });
  const failure = feeds.error ?? create.error ?? rotate.error;
  return (
    <Stack maw={720}>
      <Title order={1}>My calendar feed</Title>
      <Text>
        Subscribe to this address in your calendar program (Outlook, Google Calendar, Apple Calendar) to see your
        sessions there. Anyone with the address can read your sessions: keep it private, and rotate it if it leaks.
      </Text>
      {feeds.isPending && <Loader aria-label="Loading your feed" />}
      {failure && (
        <Alert color="red" title="Something went wrong">
          {failure.message}
        </Alert>
      )}
      {url !== null && (
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Feed address" value={url} readOnly style={{ flex: '1 1 320px' }} data-testid="feed-url" />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="filled" onClick={copy}>
                {copied ? 'Copied' : 'Copy address'}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      {feeds.isSuccess && mine === undefined && (
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            Make my feed address
          </Button>
        </Group>
      )}
      {mine !== undefined && (
        <Stack gap="xs">
          <Text size="sm">
            Your feed was made {dateFormat.format(mine.createdTime)}; its address last changed{' '}
            {dateFormat.format(mine.rotatedTime)}.
            {url === null && ' For your safety the address is shown only when it is made: rotate to get a new one.'}
          </Text>
          <Group>
            <Button variant="default" onClick={() => rotate.mutate(mine.feedId)} loading={rotate.isPending}>
              Rotate address
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            Rotating stops the old address at once; subscribe again with the new one.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
