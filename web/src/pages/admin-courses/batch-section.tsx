/** The batches of a blended course, 25 a page: a table leading to each batch, and a form for a new one. */
import { Alert, Anchor, Badge, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { Pager } from '../pager.tsx';
import { ScrollRegion } from '../scroll-region.tsx';
import { type BatchFields, BatchForm, batchDataOf } from './batch-form.tsx';

/** The batches of a course (the first page: the calendar's choice of batch). */
export function useBatches(courseId: string | null) {
  return useQuery({
    queryKey: ['admin-batches', courseId],
    enabled: courseId !== null,
    queryFn: async () =>
      resultOf(await api.GET('/api/v1/courses/{courseId}/batches', { params: { path: { courseId: courseId ?? '' } } }))
        .batches,
  });
}

/** One page of a course's batches (25 from `startIndex`) and whether more follow. */
function useBatchPage(courseId: string, startIndex: number) {
  return useQuery({
    queryKey: ['admin-batches', courseId, 'page', startIndex],
    queryFn: async () => {
      const page = resultOf(
        await api.GET('/api/v1/courses/{courseId}/batches', {
          params: { path: { courseId }, query: { startIndex } },
        }),
      );
      return { batches: page.batches, hasMore: page.hasMoreRecords };
    },
    placeholderData: keepPreviousData,
  });
}

const today = new Date().toISOString().slice(0, 10);

/** Batches of the course. */
export function BatchSection({ courseId }: { courseId: string }) {
  const [startIndex, setStartIndex] = useState(0);
  const batches = useBatchPage(courseId, startIndex);
  const [adding, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = async (fields: BatchFields) => {
    const created = resultOf(
      await api.POST('/api/v1/courses/{courseId}/batches', {
        params: { path: { courseId } },
        body: { batchData: batchDataOf(fields) },
      }),
    );
    close();
    await queryClient.invalidateQueries({ queryKey: ['admin-batches', courseId] });
    await navigate({
      to: '/admin/courses/$courseId/batches/$batchId',
      params: { courseId, batchId: created.batch.batchId },
    });
  };
  if (batches.isPending) return <Loader aria-label="Loading batches" />;
  if (batches.isError)
    return (
      <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Could not load the batches">
        {batches.error.message}
      </Alert>
    );
  return (
    <Stack>
      {batches.data.batches.length === 0 ? (
        <Text>No batches yet.</Text>
      ) : (
        <ScrollRegion label="Batches">
          <Table striped captionSide="top">
            <Table.Caption>Batches of the course</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Batch</Table.Th>
                <Table.Th scope="col">Dates</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.data.batches.map((batch) => (
                <Table.Tr key={batch.batchId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/courses/${courseId}/batches/${batch.batchId}`}>
                      {batch.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {batch.startDateAsDisplayString} – {batch.endDateAsDisplayString}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={batch.publishStatus === 'published' ? 'teal' : 'gray'}>
                      {batch.publishStatus}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <Pager
        startIndex={startIndex}
        shown={batches.data.batches.length}
        hasMore={batches.data.hasMore}
        onChange={setStartIndex}
        label="batches"
      />
      {adding ? (
        <BatchForm
          initial={{
            name: '',
            startDate: today,
            endDate: today,
            minimumCapacity: 1,
            maximumCapacity: 20,
            allowWaitlisting: false,
          }}
          submitLabel="Create batch"
          onSave={create}
          onCancel={close}
        />
      ) : (
        <div>
          <Button variant="default" onClick={open}>
            New batch
          </Button>
        </div>
      )}
    </Stack>
  );
}
