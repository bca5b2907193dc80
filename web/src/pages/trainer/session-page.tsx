/**
 * One session: its details, the batch's learners, and the attendance of the whole session on one screen (Present or
 * Absent each, "Mark all present"), saved in one call to the bulk attendance API.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, dataOf } from '../../api.ts';
import { zoneLabel } from '../admin-courses/formats.ts';
import { ScrollRegion } from '../scroll-region.tsx';

type Status = 'Present' | 'Absent';
type Path = { courseId: string; batchId: string; moduleId: string; sessionId: string };

const attendancePath =
  '/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/sessions/{sessionId}/attendance' as const;

function useRoster(path: Path) {
  return useQuery({
    queryKey: ['session-attendance', path],
    queryFn: async () => dataOf(await api.GET(attendancePath, { params: { path } })),
  });
}

/** The attendance sheet: the marks as loaded plus the trainer's changes, saved together. */
function AttendanceSheet({
  path,
  learners,
}: {
  path: Path;
  learners: { learnerErecno: string; displayName: string; employeeId: string; status: Status | null }[];
}) {
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState<Record<string, Status>>({});
  const statusOf = (erecno: string, loaded: Status | null) => changes[erecno] ?? loaded;
  const save = useMutation({
    mutationFn: async () => {
      const attendance = learners.flatMap((learner) => {
        const status = statusOf(learner.learnerErecno, learner.status);
        return status === null ? [] : [{ learnerErecno: learner.learnerErecno, status }];
      });
      return dataOf(await api.POST(attendancePath, { params: { path }, body: { attendance } }));
    },
    onSuccess: async () => {
      setChanges({});
      await queryClient.invalidateQueries({ queryKey: ['session-attendance', path] });
      await queryClient.invalidateQueries({ queryKey: ['trainer-sessions'] });
    },
  });
  if (learners.length === 0) return <Text>No learners hold a seat in this batch yet.</Text>;
  const marked = learners.filter((learner) => statusOf(learner.learnerErecno, learner.status) !== null).length;
  const present = learners.filter((learner) => statusOf(learner.learnerErecno, learner.status) === 'Present').length;
  const markAll = () =>
    setChanges(Object.fromEntries(learners.map((learner) => [learner.learnerErecno, 'Present' as const])));
  return (
    <Stack>
      <Group>
        <Button variant="default" onClick={markAll}>
          Mark all present
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={marked === 0}>
          Save attendance
        </Button>
        <Text size="sm" aria-live="polite">
          {marked} of {learners.length} marked, {present} present
        </Text>
      </Group>
      {save.isError && (
        <Alert color="red" title="Attendance not saved">
          {save.error.message}
        </Alert>
      )}
      {save.isSuccess && Object.keys(changes).length === 0 && (
        <Alert color="teal" title="Attendance saved" role="status">
          {save.data.session.presentLeanersCount} of {save.data.session.totalLearnersCount} present.
        </Alert>
      )}
      <ScrollRegion label="Attendance">
        <Table striped captionSide="top">
          <Table.Caption>Attendance</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Learner</Table.Th>
              <Table.Th scope="col">Employee id</Table.Th>
              <Table.Th scope="col">Attendance</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {learners.map((learner) => {
              const status = statusOf(learner.learnerErecno, learner.status);
              return (
                <Table.Tr key={learner.learnerErecno} data-testid={`attendance-${learner.learnerErecno}`}>
                  <Table.Td>{learner.displayName}</Table.Td>
                  <Table.Td>{learner.employeeId}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <SegmentedControl
                        aria-label={`Attendance of ${learner.displayName}`}
                        name={`attendance-${learner.learnerErecno}`}
                        value={status ?? ''}
                        onChange={(value) => setChanges({ ...changes, [learner.learnerErecno]: value as Status })}
                        data={['Present', 'Absent']}
                        size="xs"
                      />
                      {status === null && (
                        <Badge variant="outline" color="gray">
                          Not marked
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

/** The session page at /trainer/sessions/{courseId}/{batchId}/{moduleId}/{sessionId}. */
export function SessionPage() {
  const path = useParams({ from: '/shell/trainer/sessions/$courseId/$batchId/$moduleId/$sessionId' });
  const query = useRoster(path);
  if (query.isPending) return <Loader aria-label="Loading the session" />;
  if (query.isError)
    return (
      <Stack>
        <Title order={1}>Session</Title>
        <Alert color="red" title="Could not load the session">
          {query.error.message}
        </Alert>
      </Stack>
    );
  const { session, courseName, batchName, learners, timeZone } = query.data;
  const details: [string, string][] = [
    ['Course', courseName],
    ['Batch', batchName],
    ['Date', session.sessionStartDate],
    // The wall clock where the session is held, with that zone named.
    ['Time', `${session.sessionStartTime} – ${session.sessionEndTime} ${zoneLabel(timeZone)}`],
    ['Type', session.sessionType],
    ['Room', session.sessionRoom || '—'],
    ['Trainer', session.sessionTrainer],
    ['Present', `${session.presentLeanersCount} of ${session.totalLearnersCount}`],
  ];
  return (
    <Stack>
      <Anchor component={Link} to="/trainer" size="sm">
        ← My sessions
      </Anchor>
      <Title order={1}>{session.sessionName}</Title>
      {session.description && <Text>{session.description}</Text>}
      <Table variant="vertical" layout="fixed" withTableBorder maw={560}>
        <Table.Tbody>
          {details.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={120}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2}>Roster and attendance</Title>
      <AttendanceSheet path={path} learners={learners} />
    </Stack>
  );
}
