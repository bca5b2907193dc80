/** A list of a trainer's upcoming sessions, read from their calendar feed. */
import { Alert, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { trainerSessions } from '../api.ts';
import { ScrollRegion } from './scroll-region.tsx';

const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The sessions from now on (at most `limit`). */
export function SessionList({ erecno, limit, caption }: { erecno: string; limit: number; caption: string }) {
  const query = useQuery({ queryKey: ['sessions', erecno], queryFn: () => trainerSessions(erecno) });
  if (query.isPending) return <Loader aria-label="Loading sessions" />;
  if (query.isError)
    return (
      <Alert color="red" title="Could not load the sessions">
        {query.error.message}
      </Alert>
    );
  const now = Date.now();
  const upcoming = query.data
    .filter((session) => session.start === null || session.start.getTime() >= now)
    .slice(0, limit);
  if (upcoming.length === 0) return <Text>No upcoming sessions.</Text>;
  return (
    <ScrollRegion label={caption}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Session</Table.Th>
            <Table.Th scope="col">Where</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {upcoming.map((session) => (
            <Table.Tr key={session.uid}>
              <Table.Td>{session.start === null ? '' : format.format(session.start)}</Table.Td>
              <Table.Td>{session.summary}</Table.Td>
              <Table.Td>{session.location}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
