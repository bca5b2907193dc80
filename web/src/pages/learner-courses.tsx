/** The learner portal: my courses and the catalog (read-only for now). */
import { Stack, Title } from '@mantine/core';
import { CourseTable } from './course-table.tsx';

/** The courses the signed-in person is enrolled in, with progress. */
export function MyCourses() {
  return (
    <Stack>
      <Title order={1}>My courses</Title>
      <CourseTable list="/api/v1/courses/mycourses" showProgress caption="Courses you take" />
    </Stack>
  );
}

/** The courses of the portal the person may see. */
export function Catalog() {
  return (
    <Stack>
      <Title order={1}>Catalog</Title>
      <CourseTable list="/api/v1/courses" showProgress={false} caption="Courses of the portal" />
    </Stack>
  );
}
