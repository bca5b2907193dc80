/**
 * The admin console's dashboard: the admin's own upcoming sessions (their calendar feed; the API has no portal-wide
 * session list yet) and the portal's courses, paged.
 */
import { Stack, Title } from '@mantine/core';
import { currentSession } from '../session.ts';
import { CourseTable } from './course-table.tsx';
import { SessionList } from './session-list.tsx';

/** The dashboard. */
export function AdminDashboard() {
  const person = currentSession()?.person;
  return (
    <Stack>
      <Title order={1}>Dashboard</Title>
      <Title order={2} size="h3">
        Your upcoming sessions
      </Title>
      {person !== undefined && <SessionList erecno={person.erecno} limit={10} caption="Sessions you lead" />}
      <Title order={2} size="h3">
        Courses
      </Title>
      <CourseTable list="/api/v1/courses" showProgress={false} caption="Every course of the portal" />
    </Stack>
  );
}
