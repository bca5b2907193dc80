/** A blended course's batches for a learner: dates, seats left, enrol or join the waitlist, and the batch they learn in. */
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../api.ts';
import type { BatchItem, CourseDetails } from './learner-api.ts';
import { LearningPathView } from './learning-path-view.tsx';
import { useEnrol } from './use-enrol.ts';

function seatsText(batch: BatchItem): string {
  const left = Math.max(0, batch.maximumCapacity - batch.learnersCount);
  if (left > 0) return `${left} of ${batch.maximumCapacity} seats left`;
  return batch.allowWaitlisting ? `Full: ${batch.waitlistedCount} on the waitlist` : 'Full';
}

function BatchCard({ batch }: { batch: BatchItem }) {
  const enrol = useEnrol(batch.courseId);
  const full = batch.learnersCount >= batch.maximumCapacity;
  const open = batch.publishStatus === 'published';
  return (
    <Card withBorder component="section" aria-label={`Batch ${batch.name}`}>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={3} size="h4">
            {batch.name}
          </Title>
          <Text size="sm">
            {batch.startDateAsDisplayString} to {batch.endDateAsDisplayString}
          </Text>
          <Text size="sm">{seatsText(batch)}</Text>
        </div>
        {batch.isUserEnrolled ? (
          <Badge color="teal.9">Enrolled</Badge>
        ) : batch.isUserWaitlisted ? (
          <Badge color="grape.9">On the waitlist</Badge>
        ) : open && (!full || batch.allowWaitlisting) ? (
          <Button onClick={() => enrol.mutate(batch.batchId)} loading={enrol.isPending}>
            {full ? 'Join the waitlist' : 'Enrol'}
          </Button>
        ) : (
          <Badge color="gray.7">{open ? 'Full' : 'Closed'}</Badge>
        )}
      </Group>
      {enrol.isSuccess && (
        <Text role="status" mt="xs">
          {enrol.data}
        </Text>
      )}
      {enrol.isError && (
        <Alert color="red" title="Could not enrol" role="alert" mt="xs">
          {enrol.error.message}
        </Alert>
      )}
    </Card>
  );
}

/** The batches, and below them the path through the batch the learner holds a seat in. */
export function BatchList({
  courseId,
  permissionSettings,
}: {
  courseId: string;
  permissionSettings: CourseDetails['permissionSettings'];
}) {
  const query = useQuery({
    queryKey: ['batches', courseId],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/courses/{courseId}/batches', { params: { path: { courseId } } })),
  });
  if (query.isPending) return <Loader aria-label="Loading the batches" />;
  if (query.isError)
    return (
      <Alert color="red" title="Could not load the batches">
        {query.error.message}
      </Alert>
    );
  const batches = query.data.batches.filter((batch) => batch.publishStatus !== 'unpublished');
  const mine = batches.find((batch) => batch.isUserEnrolled);
  return (
    <Stack>
      <Title order={2}>Batches</Title>
      {batches.length === 0 && <Text>No batch is open yet.</Text>}
      {batches.map((batch) => (
        <BatchCard key={batch.batchId} batch={batch} />
      ))}
      {mine !== undefined && (
        <LearningPathView place={{ courseId, batchId: mine.batchId }} permissionSettings={permissionSettings} />
      )}
    </Stack>
  );
}
