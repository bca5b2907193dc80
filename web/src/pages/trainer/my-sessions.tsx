/** The trainer desk's start page: my sessions as a list (upcoming or past) or on a calendar (loaded when asked for). */
import { Alert, Anchor, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { ScrollRegion } from '../scroll-region.tsx';
import { sessionHref, type TrainerSession, useMySessions, whenText } from './trainer-data.ts';

// The calendar library is large: it loads only when the calendar is shown, outside the initial bundle.
const SessionCalendar = lazy(() => import('./session-calendar.tsx'));

type View = 'upcoming' | 'past' | 'calendar';

function SessionTable({ sessions, caption }: { sessions: TrainerSession[]; caption: string }) {
  if (sessions.length === 0) return <Text>No sessions here.</Text>;
  return (
    <ScrollRegion label={caption}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Session</Table.Th>
            <Table.Th scope="col">Course · batch</Table.Th>
            <Table.Th scope="col">Where</Table.Th>
            <Table.Th scope="col">Present</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.sessionId}>
              <Table.Td>{whenText(session)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={sessionHref(session)}>
                  {session.sessionName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {session.courseName} · {session.batchName}
              </Table.Td>
              <Table.Td>{session.sessionRoom || session.sessionType}</Table.Td>
              <Table.Td>
                {session.presentLeanersCount} / {session.totalLearnersCount}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** The signed-in trainer's sessions: upcoming, past, or a week/month calendar. */
export function MySessions() {
  const [view, setView] = useState<View>('upcoming');
  const query = useMySessions();
  let body: React.JSX.Element;
  if (query.isPending) body = <Loader aria-label="Loading sessions" />;
  else if (query.isError)
    body = (
      <Alert color="red" title="Could not load your sessions">
        {query.error.message}
      </Alert>
    );
  else {
    const now = Date.now();
    const { sessions } = query.data;
    if (view === 'calendar')
      body = (
        <Suspense fallback={<Loader aria-label="Loading the calendar" />}>
          <SessionCalendar sessions={sessions} />
        </Suspense>
      );
    else if (view === 'upcoming')
      body = <SessionTable sessions={sessions.filter((s) => s.endMillis >= now)} caption="Your upcoming sessions" />;
    else
      body = (
        <SessionTable sessions={sessions.filter((s) => s.endMillis < now).reverse()} caption="Your past sessions" />
      );
  }
  return (
    <Stack>
      <Title order={1}>My sessions</Title>
      <SegmentedControl
        aria-label="Show sessions as"
        value={view}
        onChange={(value) => setView(value as View)}
        data={[
          { value: 'upcoming', label: 'Upcoming' },
          { value: 'past', label: 'Past' },
          { value: 'calendar', label: 'Calendar' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {body}
    </Stack>
  );
}
