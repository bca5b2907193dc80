/** One batch of a blended course: its fields, modules and their content, sessions, publishing and deletion. */
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { ConfirmDelete } from '../confirm-delete.tsx';
import { type BatchFields, BatchForm, batchDataOf } from './batch-form.tsx';
import { isoFromZoho } from './formats.ts';
import { ModuleEditor } from './module-editor.tsx';
import { PublishButton } from './publish-button.tsx';
import { SessionSection } from './session-section.tsx';

/** What a batch's deletion takes with it (docs/compatibility.md: Batch API, removals). */
const batchGoes = [
  'its modules with their links, files and e-materials',
  'its sessions and their attendance',
  "its learners' enrolments, waitlist places, progress and marks (each learner is told)",
];

/** The batch editor. */
export function BatchPage() {
  const { courseId, batchId } = useParams({ from: '/shell/admin/courses/$courseId/batches/$batchId' });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const batch = useQuery({
    queryKey: ['admin-batch', courseId, batchId],
    queryFn: async () =>
      resultOf(
        await api.GET('/api/v1/courses/{courseId}/batches/{batchId}', { params: { path: { courseId, batchId } } }),
      ).batch,
  });
  if (batch.isPending) return <Loader aria-label="Loading the batch" />;
  if (batch.isError)
    return (
      <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Could not load the batch">
        {batch.error.message}
      </Alert>
    );
  const data = batch.data;
  const initial: BatchFields = {
    name: data.name,
    startDate: isoFromZoho(data.startDate),
    endDate: isoFromZoho(data.endDate),
    minimumCapacity: data.minimumCapacity,
    maximumCapacity: data.maximumCapacity,
    allowWaitlisting: data.allowWaitlisting,
  };
  const save = async (fields: BatchFields) => {
    resultOf(
      await api.PATCH('/api/v1/courses/{courseId}/batches/{batchId}', {
        params: { path: { courseId, batchId } },
        body: { batchData: batchDataOf(fields) },
      }),
    );
    await queryClient.invalidateQueries({ queryKey: ['admin-batch', courseId, batchId] });
  };
  const remove = async () => {
    resultOf(
      await api.DELETE('/api/v1/courses/{courseId}/batches/{batchId}', { params: { path: { courseId, batchId } } }),
    );
    await queryClient.invalidateQueries({ queryKey: ['admin-batches', courseId] });
    await navigate({ to: '/admin/courses/$courseId', params: { courseId } });
  };
  const publish = async () => {
    resultOf(
      await api.POST('/api/v1/courses/{courseId}/batches/{batchId}/publish', {
        params: { path: { courseId, batchId } },
      }),
    );
  };
  return (
    <Stack>
      <Anchor component={Link} to={`/admin/courses/${courseId}`}>
        ← The course
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{data.name}</Title>
        <Badge variant="light" color={data.publishStatus === 'published' ? 'teal' : 'gray'}>
          {data.publishStatus}
        </Badge>
      </Group>
      <Title order={2} size="h3">
        Details
      </Title>
      <BatchForm
        key={`${data.name}-${data.startDate}-${data.endDate}`}
        initial={initial}
        submitLabel="Save batch"
        onSave={save}
      />
      <Title order={2} size="h3">
        Modules
      </Title>
      <ModuleEditor courseId={courseId} batchId={batchId} />
      <Group justify="space-between">
        <Title order={2} size="h3">
          Sessions
        </Title>
        <Button variant="default" onClick={() => navigate({ to: '/admin/calendar', search: { courseId } })}>
          Open calendar
        </Button>
      </Group>
      <SessionSection courseId={courseId} batchId={batchId} startDate={initial.startDate} />
      <Title order={2} size="h3">
        Publish
      </Title>
      <PublishButton where="batch" published={data.publishStatus === 'published'} publish={publish} />
      <Title order={2} size="h3">
        Delete
      </Title>
      <div>
        <ConfirmDelete what="batch" name={data.name} alsoDeleted={batchGoes} onDelete={remove} size="sm" />
      </div>
    </Stack>
  );
}
