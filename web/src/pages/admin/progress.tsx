/**
 * Learners and progress: pick a course (searchable, 25 a page), then, for a blended course, a batch; a chart of how
 * far its learners are (loaded lazily, with the same numbers as a table) and the learners, 25 a page.
 */
import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { api, dataOf } from '../../api.ts';
import { Pager } from '../pager.tsx';
import { ScrollRegion } from '../scroll-region.tsx';
import { completionBands, type LearnerProgress, learnerProgressPages } from './progress-data.ts';

const CompletionChart = lazy(() => import('./completion-chart.tsx'));
/** The course picker: the portal's courses, searchable by name. */
export function ProgressCourses() {
  const [search, setSearch] = useState('');
  const [startIndex, setStartIndex] = useState(0);
  const query = useQuery({
    queryKey: ['progress-courses', search, startIndex],
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/courses', { params: { query: { startIndex, ...(search ? { search } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1}>Learners and progress</Title>
      <TextInput
        label="Find a course"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setStartIndex(0);
        }}
      />
      {query.isPending ? (
        <Loader aria-label="Loading courses" />
      ) : query.isError ? (
        <Alert color="red" title="Could not load the courses">
          {query.error.message}
        </Alert>
      ) : (
        <>
          <ScrollRegion label="Courses">
            <Table striped captionSide="top">
              <Table.Caption>Courses: open one to see its learners' progress</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Course</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.courses.map((course) => (
                  <Table.Tr key={course.courseId}>
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/admin/progress/$courseId" params={{ courseId: course.courseId }} />
                        )}
                      >
                        {course.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{course.typeAsDisplayString}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {query.data.courses.length === 0 && <Text>No courses found.</Text>}
          <Pager
            startIndex={startIndex}
            shown={query.data.courses.length}
            hasMore={query.data.hasMoreRecords}
            onChange={setStartIndex}
          />
        </>
      )}
    </Stack>
  );
}

function Distribution({ learners, capped }: { learners: LearnerProgress[]; capped: boolean }) {
  const bands = completionBands(learners);
  return (
    <Stack gap="xs">
      <Suspense fallback={<Loader aria-label="Loading the chart" />}>
        <CompletionChart bands={bands} />
      </Suspense>
      <ScrollRegion label="Completion distribution">
        <Table captionSide="top" data-testid="completion-distribution">
          <Table.Caption>
            {`Completion distribution of ${learners.length} learners${capped ? ' (the first ones only)' : ''}`}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {bands.map((band) => (
                <Table.Th key={band.label} scope="col">
                  {band.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              {bands.map((band) => (
                <Table.Td key={band.label}>{band.learners}</Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

function LearnerTable({ courseId, batchId }: { courseId: string; batchId: string | undefined }) {
  const [startIndex, setStartIndex] = useState(0);
  const query = useQuery({
    queryKey: ['course-progress-page', courseId, batchId, startIndex],
    queryFn: () => learnerProgressPages(courseId, batchId, startIndex, 1),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <Loader aria-label="Loading learners" />;
  if (query.isError)
    return (
      <Alert color="red" title="Could not load the learners">
        {query.error.message}
      </Alert>
    );
  const { learners, hasMore } = query.data;
  return (
    <>
      <ScrollRegion label="Learners">
        <Table striped captionSide="top">
          <Table.Caption>Learners and their progress</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Learner</Table.Th>
              <Table.Th scope="col">Progress</Table.Th>
              <Table.Th scope="col">Completed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {learners.map((learner) => (
              <Table.Tr key={learner.erecno}>
                <Table.Td>{learner.name}</Table.Td>
                <Table.Td>{`${learner.percentage}% · ${learner.display}`}</Table.Td>
                <Table.Td>{learner.completed ? 'Yes' : 'No'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {learners.length === 0 && <Text>No learners enrolled.</Text>}
      <Pager startIndex={startIndex} shown={learners.length} hasMore={hasMore} onChange={setStartIndex} />
    </>
  );
}

/** Pages of learners the chart reads at most (25 each): 2,000 learners. */
const chartPages = 80;

/** One course's (or batch's) learners and progress. */
export function CourseProgressPage() {
  const { courseId } = useParams({ strict: false }) as { courseId: string };
  const { batchId } = useSearch({ strict: false }) as { batchId?: string };
  const navigate = useNavigate();
  const course = useQuery({
    queryKey: ['course', courseId],
    queryFn: async () => dataOf(await api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } })).course,
  });
  const blended = course.data?.type === '2';
  const batches = useQuery({
    queryKey: ['course-batches', courseId],
    enabled: blended,
    queryFn: async () =>
      dataOf(await api.GET('/api/v1/courses/{courseId}/batches', { params: { path: { courseId } } })).batches,
  });
  const ready = course.data !== undefined && (!blended || batchId !== undefined);
  const all = useQuery({
    queryKey: ['course-progress-all', courseId, batchId],
    enabled: ready,
    queryFn: () => learnerProgressPages(courseId, blended ? batchId : undefined, 0, chartPages),
  });
  if (course.isPending) return <Loader aria-label="Loading the course" />;
  if (course.isError)
    return (
      <Alert color="red" title="Could not load the course">
        {course.error.message}
      </Alert>
    );
  return (
    <Stack>
      <Anchor component={Link} to="/admin/progress">
        All courses
      </Anchor>
      <Title order={1}>{course.data.name}</Title>
      {blended && (
        <Group gap="xs" role="group" aria-label="Batch">
          {batches.isPending && <Loader size="sm" aria-label="Loading batches" />}
          {(batches.data ?? []).map((batch) => (
            <Button
              key={batch.batchId}
              variant={batch.batchId === batchId ? 'filled' : 'default'}
              aria-pressed={batch.batchId === batchId}
              onClick={() =>
                navigate({ to: '/admin/progress/$courseId', params: { courseId }, search: { batchId: batch.batchId } })
              }
            >
              {batch.name}
            </Button>
          ))}
        </Group>
      )}
      {!ready ? (
        <Text>Pick a batch to see its learners.</Text>
      ) : all.isPending ? (
        <Loader aria-label="Loading progress" />
      ) : all.isError ? (
        <Alert color="red" title="Could not load the progress">
          {all.error.message}
        </Alert>
      ) : (
        <>
          <Title order={2} size="h3">
            Completion
          </Title>
          <Distribution learners={all.data.learners} capped={all.data.hasMore} />
          <Title order={2} size="h3">
            Learners
          </Title>
          <LearnerTable key={batchId ?? ''} courseId={courseId} batchId={blended ? batchId : undefined} />
        </>
      )}
    </Stack>
  );
}
