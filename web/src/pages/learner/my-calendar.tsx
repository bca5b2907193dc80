/**
 * My calendar: the sessions of the batches I hold a seat in (read from each batch's sessions), and my calendar feed's
 * secret link to subscribe to in a calendar app (POST /lectern/v1/feeds; the link is shown only when made).
 */
import { Alert, Button, CopyButton, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../api.ts';
import { currentSession } from '../../session.ts';
import { sessionWhenText } from '../admin-courses/formats.ts';
import { ScrollRegion } from '../scroll-region.tsx';
import { postJson } from './learner-api.ts';

const blendedType = '2';
/** Courses read for the calendar: the first pages of my courses, enough for anyone's batches. */
const maximumPages = 4;

interface CalendarRow extends ZonedSession {
  courseName: string;
}

/** A batch's sessions with the zone each is held in (Lectern's list: Zoho's session object plus zone and instants). */
async function batchSessions(courseId: string, batchId: string) {
  return dataOf(
    await api.GET('/lectern/v1/courses/{courseId}/batches/{batchId}/schedule', {
      params: { path: { courseId, batchId } },
    }),
  ).sessions;
}

type ZonedSession = Awaited<ReturnType<typeof batchSessions>>[number];

async function mySessions(): Promise<CalendarRow[]> {
  const rows: CalendarRow[] = [];
  for (let page = 0; page < maximumPages; page++) {
    const { courses, hasMoreRecords } = dataOf(
      await api.GET('/api/v1/courses/mycourses', { params: { query: { startIndex: page * 25 } } }),
    );
    for (const course of courses.filter((candidate) => candidate.type === blendedType)) {
      const { courseId } = course;
      const { batches } = dataOf(
        await api.GET('/api/v1/courses/{courseId}/batches', { params: { path: { courseId } } }),
      );
      for (const batch of batches.filter((candidate) => candidate.isUserEnrolled)) {
        const sessions = await batchSessions(courseId, batch.batchId);
        rows.push(...sessions.map((session) => ({ ...session, courseName: course.name })));
      }
    }
    if (!hasMoreRecords) break;
  }
  // In the order they happen: sessions held in different zones are compared as instants.
  return rows.sort((a, b) => a.startMillis - b.startMillis);
}

function SessionTable() {
  const query = useQuery({ queryKey: ['my-sessions'], queryFn: mySessions });
  if (query.isPending) return <Loader aria-label="Loading your sessions" />;
  if (query.isError)
    return (
      <Alert color="red" title="Could not load your sessions">
        {query.error.message}
      </Alert>
    );
  if (query.data.length === 0) return <Text>No sessions in your batches.</Text>;
  return (
    <ScrollRegion label="Sessions of your batches">
      <Table striped captionSide="top">
        <Table.Caption>Sessions of your batches</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Session</Table.Th>
            <Table.Th scope="col">Course</Table.Th>
            <Table.Th scope="col">Where</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((session) => (
            <Table.Tr key={session.sessionId}>
              <Table.Td>{sessionWhenText(session)}</Table.Td>
              <Table.Td>{session.sessionName}</Table.Td>
              <Table.Td>{session.courseName}</Table.Td>
              <Table.Td>{session.sessionRoom || session.sessionType}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

interface Feed {
  feedId: string;
  url?: string;
}

function FeedLink() {
  const erecno = currentSession()?.person.erecno ?? '';
  const make = useMutation({
    mutationFn: async (): Promise<Feed> => {
      const feed = await postJson<Feed>('/lectern/v1/feeds', { kind: 'learner', id: erecno });
      return feed;
    },
  });
  const rotate = useMutation({
    mutationFn: (feedId: string) => postJson<Feed>(`/lectern/v1/feeds/${encodeURIComponent(feedId)}/rotate`),
  });
  const url = rotate.data?.url ?? make.data?.url;
  const existing = make.data !== undefined && make.data.url === undefined && rotate.data === undefined;
  return (
    <Stack>
      <Title order={2}>Calendar feed</Title>
      <Text>Subscribe to your sessions in your calendar app with a secret link. Keep it to yourself.</Text>
      {url === undefined && !existing && (
        <Group>
          <Button onClick={() => make.mutate()} loading={make.isPending}>
            Get my calendar link
          </Button>
        </Group>
      )}
      {existing && make.data !== undefined && (
        <Stack gap="xs">
          <Text>
            You made a link before; it is shown only once. A new link replaces it (the old one stops working).
          </Text>
          <Group>
            <Button onClick={() => rotate.mutate(make.data.feedId)} loading={rotate.isPending}>
              Make a new link
            </Button>
          </Group>
        </Stack>
      )}
      {url !== undefined && (
        <Group align="end" wrap="wrap">
          <TextInput label="Your calendar link" value={url} readOnly style={{ flex: 1, minWidth: 0 }} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      {(make.isError || rotate.isError) && (
        <Alert color="red" title="Could not make the link" role="alert">
          {(make.error ?? rotate.error)?.message}
        </Alert>
      )}
    </Stack>
  );
}

/** The page at /learn/calendar. */
export function MyCalendar() {
  return (
    <Stack>
      <Title order={1}>My calendar</Title>
      <SessionTable />
      <FeedLink />
    </Stack>
  );
}
