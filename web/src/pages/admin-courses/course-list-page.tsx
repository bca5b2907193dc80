/** Courses: every course of the portal, searchable by name, 25 a page, each opening its editor. */
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { Pager } from '../pager.tsx';
import { ScrollRegion } from '../scroll-region.tsx';

/** The course list with search and paging. */
export function CourseListPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [startIndex, setStartIndex] = useState(0);
  const query = useQuery({
    queryKey: ['admin-courses', debounced, startIndex],
    queryFn: async () =>
      resultOf(
        await api.GET('/api/v1/courses', {
          params: { query: { startIndex, ...(debounced === '' ? {} : { search: debounced }) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Courses</Title>
        <Button component={Link} to="/admin/courses/new">
          New course
        </Button>
      </Group>
      <TextInput
        label="Search courses"
        description="Part of the course name"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setStartIndex(0);
        }}
        maw={420}
      />
      {query.isPending && <Loader aria-label="Loading courses" />}
      {query.isError && (
        <Alert
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          color="red"
          title="Could not load the courses"
        >
          {query.error.message}
        </Alert>
      )}
      {query.data !== undefined && (
        <>
          <ScrollRegion label="Courses">
            <Table striped highlightOnHover captionSide="top">
              <Table.Caption>Courses of the portal</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Course</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.courses.map((course) => (
                  <Table.Tr key={course.courseId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/courses/${course.courseId}`}>
                        {course.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{course.typeAsDisplayString}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={course.publishStatus === 'Published' ? 'teal' : 'gray'}>
                        {course.statusAsDisplayString || course.publishStatus}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {query.data.courses.length === 0 && <Text>No course matches.</Text>}
          <Pager
            startIndex={startIndex}
            shown={query.data.courses.length}
            hasMore={query.data.hasMoreRecords}
            onChange={setStartIndex}
            label="courses"
          />
        </>
      )}
    </Stack>
  );
}
