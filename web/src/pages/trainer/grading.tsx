/**
 * Grading: the offline tests and assignments of the batches the trainer holds sessions in, each linking to its marks
 * sheet. The batches come from the trainer's sessions; the items from the batch lists of both kinds.
 */
import { Alert, Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, dataOf } from '../../api.ts';
import { ScrollRegion } from '../scroll-region.tsx';
import { type TrainerSession, useMySessions } from './trainer-data.ts';

/** Which kind of item a marks sheet is for, as its URL segment. */
export type GradedKind = 'offlineTests' | 'assignments';

/** An item to grade, with where it lives. */
interface GradedItem {
  kind: GradedKind;
  id: string;
  name: string;
  maximumMarks: number;
  courseId: string;
  batchId: string;
  moduleId: string;
  place: string;
}

/** The address of an item's marks sheet. */
function marksHref(item: GradedItem): string {
  const ids = [item.courseId, item.batchId, item.moduleId, item.kind, item.id].map(encodeURIComponent);
  return `/trainer/grading/${ids.join('/')}`;
}

/** The distinct batches of the sessions, in the order first seen. */
function batchesOf(sessions: TrainerSession[]) {
  const seen = new Map<string, { courseId: string; batchId: string; place: string }>();
  for (const session of sessions) {
    if (!seen.has(session.batchId))
      seen.set(session.batchId, {
        courseId: session.courseId,
        batchId: session.batchId,
        place: `${session.courseName} · ${session.batchName}`,
      });
  }
  return [...seen.values()];
}

async function itemsOf(batch: { courseId: string; batchId: string; place: string }): Promise<GradedItem[]> {
  const path = { courseId: batch.courseId, batchId: batch.batchId };
  const [tests, assignments] = await Promise.all([
    api.GET('/api/v1/courses/{courseId}/batches/{batchId}/offlineTests', { params: { path } }).then(dataOf),
    api.GET('/lectern/v1/courses/{courseId}/batches/{batchId}/assignments', { params: { path } }).then(dataOf),
  ]);
  return [
    ...tests.offlineTests.map((test) => ({
      kind: 'offlineTests' as const,
      id: test.offlineTestId,
      name: test.offlineTestName,
      maximumMarks: test.marks,
      moduleId: test.moduleId,
      ...batch,
    })),
    ...assignments.assignments.map((assignment) => ({
      kind: 'assignments' as const,
      id: assignment.assignmentId,
      name: assignment.assignmentName,
      maximumMarks: assignment.maximumMarks,
      moduleId: assignment.moduleId,
      ...batch,
    })),
  ];
}

/** The grading page at /trainer/grading. */
export function Grading() {
  const sessions = useMySessions();
  const batches = sessions.data === undefined ? [] : batchesOf(sessions.data.sessions);
  const items = useQueries({
    queries: batches.map((batch) => ({ queryKey: ['graded-items', batch.batchId], queryFn: () => itemsOf(batch) })),
  });
  let body: React.JSX.Element;
  if (sessions.isPending || items.some((query) => query.isPending)) body = <Loader aria-label="Loading items" />;
  else if (sessions.isError || items.some((query) => query.isError))
    body = (
      <Alert color="red" title="Could not load what to grade">
        {(sessions.error ?? items.find((query) => query.isError)?.error)?.message}
      </Alert>
    );
  else {
    const all = items.flatMap((query) => query.data ?? []);
    body =
      all.length === 0 ? (
        <Text>No offline tests or assignments in the batches you train.</Text>
      ) : (
        <ScrollRegion label="Items to grade">
          <Table striped captionSide="top">
            <Table.Caption>Offline tests and assignments in the batches you train</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Item</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Course · batch</Table.Th>
                <Table.Th scope="col">Maximum</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {all.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={marksHref(item)}>
                      {item.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.kind === 'offlineTests' ? 'indigo' : 'grape'}>
                      {item.kind === 'offlineTests' ? 'Offline test' : 'Assignment'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{item.place}</Table.Td>
                  <Table.Td>{item.maximumMarks}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      );
  }
  return (
    <Stack>
      <Title order={1}>Grading</Title>
      {body}
    </Stack>
  );
}
