/** The admin console's dashboard: upcoming sessions (the admin's own, as trainer) and the portal's courses. */
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
        Upcoming sessions
      </Title>
      {person !== undefined && <SessionList erecno={person.erecno} limit={10} caption="Sessions you lead" />}
      <Title order={2} size="h3">
        Courses
      </Title>
      <CourseTable list="/api/v1/courses" showProgress={false} caption="Every course of the portal" />
    </Stack>
  );
}
