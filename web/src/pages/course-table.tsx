/** A paged table of courses from `/api/v1/courses` or `/api/v1/courses/mycourses` (25 a page, as the API pages). */
import { Alert, Badge, Button, Group, Loader, Progress, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, dataOf } from '../api.ts';
import { ScrollRegion } from './scroll-region.tsx';

const pageSize = 25;

/** Which list: the portal's courses (catalog, admin) or the signed-in person's. */
export type CourseList = '/api/v1/courses' | '/api/v1/courses/mycourses';

/** The paged course table. */
export function CourseTable({
  list,
  showProgress,
  caption,
}: {
  list: CourseList;
  showProgress: boolean;
  caption: string;
}) {
  const [startIndex, setStartIndex] = useState(0);
  const query = useQuery({
    queryKey: [list, startIndex],
    queryFn: async () => dataOf(await api.GET(list, { params: { query: { startIndex } } })),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <Loader aria-label="Loading courses" />;
  if (query.isError)
    return (
      <Alert color="red" title="Could not load the courses">
        {query.error.message}
      </Alert>
    );
  const { courses, hasMoreRecords } = query.data;
  return (
    <>
      <ScrollRegion label={caption}>
        <Table striped highlightOnHover captionSide="top">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Course</Table.Th>
              <Table.Th scope="col" visibleFrom="sm">
                Type
              </Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              {showProgress && <Table.Th scope="col">Progress</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {courses.map((course) => (
              <Table.Tr key={course.courseId}>
                <Table.Td>{course.name}</Table.Td>
                <Table.Td visibleFrom="sm">{course.typeAsDisplayString}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={course.publishStatus === 'Published' ? 'teal' : 'gray'}>
                    {course.statusAsDisplayString || course.publishStatus}
                  </Badge>
                </Table.Td>
                {showProgress && (
                  <Table.Td>
                    <Progress value={course.percentageOfProgress} aria-label={`Progress of ${course.name}`} size="sm" />
                    <Text size="xs">{course.progressAsDisplayString}</Text>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {courses.length === 0 && <Text my="md">No courses yet.</Text>}
      {(startIndex > 0 || hasMoreRecords) && (
        <Group justify="space-between" mt="md">
          <Button
            variant="default"
            disabled={startIndex === 0}
            onClick={() => setStartIndex(Math.max(0, startIndex - pageSize))}
          >
            Previous page
          </Button>
          <Text size="sm">
            {courses.length === 0 ? 0 : startIndex + 1}–{startIndex + courses.length}
          </Text>
          <Button variant="default" disabled={!hasMoreRecords} onClick={() => setStartIndex(startIndex + pageSize)}>
            Next page
          </Button>
        </Group>
      )}
    </>
  );
}
