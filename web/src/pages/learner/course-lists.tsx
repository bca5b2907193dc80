/** The learner portal's lists: my courses (with progress) and the catalog (searchable), 25 a page as the API pages. */
import { Alert, Badge, Loader, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, dataOf } from '../../api.ts';
import { Pager } from '../pager.tsx';
import { ScrollRegion } from '../scroll-region.tsx';

type ListPath = '/api/v1/courses' | '/api/v1/courses/mycourses';

function CourseList({ list, search, caption }: { list: ListPath; search: string; caption: string }) {
  const [startIndex, setStartIndex] = useState(0);
  const [shownSearch, setShownSearch] = useState(search);
  // A new search starts again at the first page.
  if (shownSearch !== search) {
    setShownSearch(search);
    setStartIndex(0);
  }
  const mine = list === '/api/v1/courses/mycourses';
  const query = useQuery({
    queryKey: [list, startIndex, search],
    queryFn: async () =>
      dataOf(
        await api.GET(list, {
          params: { query: { startIndex, ...(search === '' ? {} : { search }) } },
        }),
      ),
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
              <Table.Th scope="col">{mine ? 'Progress' : 'Status'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {courses.map((course) => (
              <Table.Tr key={course.courseId}>
                <Table.Td>
                  <Link to="/learn/courses/$courseId" params={{ courseId: course.courseId }}>
                    {course.name}
                  </Link>
                </Table.Td>
                <Table.Td visibleFrom="sm">{course.typeAsDisplayString}</Table.Td>
                <Table.Td>
                  {mine ? (
                    <>
                      <Progress
                        value={course.percentageOfProgress}
                        aria-label={`Progress of ${course.name}`}
                        size="sm"
                      />
                      <Text size="xs">{course.progressAsDisplayString}</Text>
                    </>
                  ) : (
                    <Badge color={course.currentUserRole.learner ? 'teal.9' : 'gray.7'}>
                      {course.currentUserRole.learner
                        ? 'Enrolled'
                        : course.statusAsDisplayString || course.publishStatus}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {courses.length === 0 && (
        <Text my="md">{search === '' ? 'No courses yet.' : `No course matches “${search}”.`}</Text>
      )}
      <Pager startIndex={startIndex} shown={courses.length} hasMore={hasMoreRecords} onChange={setStartIndex} />
    </>
  );
}

/** The courses the signed-in person is enrolled in, with progress. */
export function MyCourses() {
  return (
    <Stack>
      <Title order={1}>My courses</Title>
      <CourseList list="/api/v1/courses/mycourses" search="" caption="Courses you take" />
    </Stack>
  );
}

/** The courses of the portal the person may see, searchable by name. */
export function Catalog() {
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 300);
  return (
    <Stack>
      <Title order={1}>Catalog</Title>
      <TextInput
        label="Search courses"
        placeholder="Part of a course name"
        value={text}
        maxLength={100}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <CourseList list="/api/v1/courses" search={search} caption="Courses of the portal" />
    </Stack>
  );
}
