/**
 * The admin console's dashboard: one call (`GET /lectern/v1/dashboard`) for the portal's next 14 days of sessions,
 * the seats of batches still to start, waitlists, overdue learners and failed deliveries. The courses are not
 * repeated here: a link leads to the Courses page, which pages and searches them.
 */
import { Alert, Badge, Button, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { api, dataOf } from '../../api.ts';
import { ScrollRegion } from '../scroll-region.tsx';
import { StatCard } from './stat-card.tsx';

/** The performance mark the dashboard sets once its numbers are on screen (the browser test reads it). */
export const dashboardPaintedMark = 'lectern:dashboard-painted';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A YYYY-MM-DD day, written for people. */
export function day(iso: string): string {
  return dayFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** An epoch-ms moment, written for people. */
export function moment(ms: number): string {
  return timeFormat.format(new Date(ms));
}

function ListTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  if (rows.length === 0) return <Text c="dimmed">None.</Text>;
  return (
    <ScrollRegion label={caption}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((name) => (
              <Table.Th key={name} scope="col">
                {name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((cells, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are rebuilt whole on each load; the order is the key
            <Table.Tr key={index}>
              {cells.map((cell, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of columns
                <Table.Td key={column}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function more(shown: number, total: number): ReactNode {
  return total > shown ? <Text size="sm">{`Showing ${shown} of ${total}.`}</Text> : null;
}

function Numbers() {
  const query = useQuery({
    queryKey: ['dashboard'],
    queryFn: async () => dataOf(await api.GET('/lectern/v1/dashboard')).dashboard,
  });
  useEffect(() => {
    if (query.data !== undefined && performance.getEntriesByName(dashboardPaintedMark).length === 0) {
      performance.mark(dashboardPaintedMark);
    }
  }, [query.data]);
  if (query.isPending) return <Loader aria-label="Loading the dashboard" />;
  if (query.isError)
    return (
      <Alert color="red" title="Could not load the dashboard">
        {query.error.message}
      </Alert>
    );
  const d = query.data;
  const seats = d.upcomingBatches.items.reduce((sum, batch) => sum + batch.enrolled, 0);
  const failed = d.failedEmails.total + d.failedWebhookDeliveries.total;
  const failures = [...d.failedEmails.items, ...d.failedWebhookDeliveries.items].sort(
    (a, b) => b.createdAt - a.createdAt,
  );
  return (
    <Stack data-testid="dashboard-numbers">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        <StatCard label="Sessions in the next 14 days" value={d.upcomingSessions.total} testId="stat-sessions" />
        <StatCard label="Batches to start" value={d.upcomingBatches.total} testId="stat-batches" />
        <StatCard label="Learners waitlisted" value={d.waitlists.learners} testId="stat-waitlisted" />
        <StatCard label="Overdue learners" value={d.overdueLearners.total} testId="stat-overdue" />
        <StatCard label="Failed deliveries" value={failed} testId="stat-failed" />
      </SimpleGrid>

      <Title order={2} size="h3">
        Upcoming sessions
      </Title>
      <ListTable
        caption="Sessions of the next 14 days"
        head={['When', 'Session', 'Course · batch', 'Trainer']}
        rows={d.upcomingSessions.items.map((s) => [
          `${day(s.date)} ${s.startTime} (${s.timeZone})`,
          s.name,
          `${s.courseName} · ${s.batchName}`,
          s.trainerName,
        ])}
      />
      {more(d.upcomingSessions.items.length, d.upcomingSessions.total)}

      <Title order={2} size="h3">
        Seats in upcoming batches
      </Title>
      <ListTable
        caption={`Published batches still to start (${seats} seats taken in those shown)`}
        head={['Starts', 'Batch', 'Course', 'Seats', 'Waitlist']}
        rows={d.upcomingBatches.items.map((b) => [
          day(b.startDate),
          b.name,
          b.courseName,
          b.maximumCapacity > 0 ? `${b.enrolled} / ${b.maximumCapacity}` : `${b.enrolled}`,
          b.waitlisted,
        ])}
      />
      {more(d.upcomingBatches.items.length, d.upcomingBatches.total)}

      <Title order={2} size="h3">
        Waitlists
      </Title>
      <ListTable
        caption="Batches with learners waiting, longest first"
        head={['Batch', 'Course', 'Starts', 'Waiting']}
        rows={d.waitlists.items.map((w) => [w.name, w.courseName, day(w.startDate), w.waiting])}
      />
      {more(d.waitlists.items.length, d.waitlists.total)}

      <Title order={2} size="h3">
        Overdue learners
      </Title>
      <ListTable
        caption="Enrolled past their batch's end without completing"
        head={['Learner', 'Course · batch', 'Ended', '']}
        rows={d.overdueLearners.items.map((o) => [
          o.name,
          `${o.courseName} · ${o.batchName}`,
          day(o.endDate),
          <Link
            key="progress"
            to="/admin/progress/$courseId"
            params={{ courseId: o.courseId }}
            search={{ batchId: o.batchId }}
            aria-label={`Progress in ${o.courseName} · ${o.batchName}`}
          >
            Progress
          </Link>,
        ])}
      />
      {more(d.overdueLearners.items.length, d.overdueLearners.total)}

      <Title order={2} size="h3">
        Failed deliveries
      </Title>
      <ListTable
        caption="E-mails and webhook deliveries that gave up"
        head={['When', 'Kind', 'Event', 'To', 'Error']}
        rows={failures.map((f) => [
          moment(f.createdAt),
          <Badge key="kind" variant="light" color={f.kind === 'email' ? 'blue' : 'grape'}>
            {f.kind === 'email' ? 'E-mail' : 'Webhook'}
          </Badge>,
          f.type,
          f.webhookId === null ? (
            f.to
          ) : (
            <Link key="to" to="/admin/webhooks/$webhookId" params={{ webhookId: f.webhookId }}>
              {f.to}
            </Link>
          ),
          f.lastError ?? '',
        ])}
      />
    </Stack>
  );
}

/** The dashboard. */
export function AdminDashboard() {
  return (
    <Stack>
      <Title order={1}>Dashboard</Title>
      <Numbers />
      <div>
        <Button component={Link} to="/admin/courses" variant="default">
          Every course of the portal
        </Button>
      </div>
    </Stack>
  );
}
