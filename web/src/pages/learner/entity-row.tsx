/**
 * One entity of a module for the learner: what it is, where they stand, why it is locked, and what they can do with
 * it: open a link, download a file, read an e-material, see a test's terms, mark it complete where the course allows.
 */
import { Alert, Anchor, Badge, Box, Button, Group, Modal, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { download, entityPath, getJson, type PathEntity, type Place, postJson } from './learner-api.ts';
import { LockNote } from './lock-note.tsx';

// The test page is only fetched when a learner opens a test.
const TakeTestDialog = lazy(async () => ({ default: (await import('./take-test.tsx')).TakeTestDialog }));

const kinds = { onlineTest: '1', file: '3', content: '4', session: '5', link: '6' } as const;

const statusLabels: Record<string, string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  completed: 'Completed',
};

/** The entity's own read (`GET /api/v1/...`): one key holds it, named after its kind. */
type Details = Record<string, unknown>;

function useDetails(place: Place, moduleId: string, entity: PathEntity, enabled: boolean) {
  return useQuery({
    queryKey: ['entity', entity.entityId],
    enabled,
    queryFn: async () => {
      const body = await getJson<Record<string, unknown>>(
        `/api/v1${entityPath(place, moduleId, entity.entityType, entity.entityId)}`,
      );
      return (Object.values(body).find((value) => typeof value === 'object' && value !== null) ?? {}) as Details;
    },
  });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/** The terms of a test or the text of an e-material, in a dialog; opening it counts as opening the entity. */
function DetailsDialog({ place, moduleId, entity, onOpen }: EntityProps & { onOpen: () => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const details = useDetails(place, moduleId, entity, opened);
  const content = details.data === undefined ? null : details.data;
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          open();
          onOpen();
        }}
      >
        {entity.entityType === kinds.content ? 'Read' : 'Open'}
        <VisuallyHidden> {entity.entityName}</VisuallyHidden>
      </Button>
      <Modal opened={opened} onClose={close} title={entity.entityName} closeButtonProps={{ 'aria-label': 'Close' }}>
        {details.isError && <Alert color="red">{details.error.message}</Alert>}
        {content !== null && (
          <Stack>
            {text(content.description) !== '' && (
              <Text style={{ whiteSpace: 'pre-wrap' }}>{text(content.description)}</Text>
            )}
            {entity.entityType === kinds.content && (
              // The server keeps contents as HTML cleaned by an allow-list (src/features/contents/content-html.ts),
              // made to be shown in a learner's page; the page's CSP runs no inline script either way.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by the API, see above.
              <Box dangerouslySetInnerHTML={{ __html: text(content.content) }} />
            )}
            {entity.entityType === kinds.onlineTest && (
              <Text size="sm">
                Pass mark: {content.passPercentage === null ? 'any result' : `${text(content.passPercentage)}%`}
                {content.duration === null ? '' : ` · ${text(content.duration)} minutes`}. Take the test here, or your
                trainer records your result; a passing result completes it.
              </Text>
            )}
          </Stack>
        )}
      </Modal>
    </>
  );
}

interface EntityProps {
  place: Place;
  moduleId: string;
  entity: PathEntity;
}

/** "Take test": the test's dialog, loaded when it is first opened. */
function TakeTestAction(props: EntityProps) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" onClick={() => setOpened(true)}>
        Take test<VisuallyHidden> {props.entity.entityName}</VisuallyHidden>
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <TakeTestDialog {...props} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}

function LinkAction({ place, moduleId, entity, onOpen }: EntityProps & { onOpen: () => void }) {
  const details = useDetails(place, moduleId, entity, true);
  const href = text(details.data?.link);
  if (href === '') return null;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" onClick={onOpen} size="sm">
      Open link<VisuallyHidden> {entity.entityName}</VisuallyHidden>
    </Anchor>
  );
}

function FileAction({ place, moduleId, entity, onOpen }: EntityProps & { onOpen: () => void }) {
  const fetchFile = useMutation({
    mutationFn: async () => {
      const path = entityPath(place, moduleId, entity.entityType, entity.entityId);
      const body = await getJson<{ file: { uploadedFileName: string; enableDownload: boolean } }>(`/api/v1${path}`);
      if (!body.file.enableDownload) throw new Error('This file may not be downloaded');
      onOpen();
      await download(`/lectern/v1${path}/download`, body.file.uploadedFileName || entity.entityName);
    },
  });
  return (
    <>
      <Button size="xs" variant="default" onClick={() => fetchFile.mutate()} loading={fetchFile.isPending}>
        Download<VisuallyHidden> {entity.entityName}</VisuallyHidden>
      </Button>
      {fetchFile.isError && (
        <Alert color="red" role="alert">
          {fetchFile.error.message}
        </Alert>
      )}
    </>
  );
}

/** One entity's row. */
export function EntityRow({ place, moduleId, entity }: EntityProps) {
  const client = useQueryClient();
  const path = `/lectern/v1${entityPath(place, moduleId, entity.entityType, entity.entityId)}`;
  const refresh = () => client.invalidateQueries({ queryKey: ['learning-path'] });
  const opened = useMutation({ mutationFn: () => postJson(`${path}/open`), onSettled: refresh });
  const completed = useMutation({
    mutationFn: () => postJson(`${path}/markAsComplete`),
    onSettled: () => client.invalidateQueries(),
  });
  const onOpen = () => opened.mutate();
  const props = { place, moduleId, entity };
  return (
    <Paper withBorder p="xs" component="article" aria-label={entity.entityName}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={500}>{entity.entityName}</Text>
          <Text size="xs" c="dimmed">
            {entity.entityTypeAsDisplayString}
            {entity.isMandatory ? ' · mandatory' : ''}
            {entity.marks === null ? '' : ` · ${entity.marks} marks`}
          </Text>
        </div>
        <Badge color={entity.isCompleted ? 'teal.9' : entity.isLocked ? 'gray.7' : 'indigo.8'}>
          {entity.isLocked ? 'Locked' : (statusLabels[entity.status] ?? entity.status)}
        </Badge>
      </Group>
      {entity.isLocked ? (
        <LockNote reason={entity.lockReasonAsDisplayString} />
      ) : (
        <Group gap="xs" mt="xs">
          {entity.entityType === kinds.link && <LinkAction {...props} onOpen={onOpen} />}
          {entity.entityType === kinds.file && <FileAction {...props} onOpen={onOpen} />}
          {entity.entityType === kinds.onlineTest && <TakeTestAction {...props} />}
          {entity.entityType === kinds.session ? (
            <Text size="sm">Completes when your trainer marks your attendance.</Text>
          ) : (
            entity.entityType !== kinds.link &&
            entity.entityType !== kinds.file && <DetailsDialog {...props} onOpen={onOpen} />
          )}
          {entity.canMarkAsComplete && (
            <Button size="xs" onClick={() => completed.mutate()} loading={completed.isPending}>
              Mark as complete<VisuallyHidden> {entity.entityName}</VisuallyHidden>
            </Button>
          )}
        </Group>
      )}
      {completed.isError && (
        <Alert color="red" role="alert" mt="xs">
          {completed.error.message}
        </Alert>
      )}
    </Paper>
  );
}
