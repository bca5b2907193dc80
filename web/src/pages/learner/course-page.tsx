/**
 * A course as a learner sees it: what it is about, its batches with the seats left (blended courses), enrolling or
 * joining the waitlist, and once enrolled the modules to play through.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { api, dataOf } from '../../api.ts';
import { BatchList } from './batch-list.tsx';
import { LearningPathView } from './learning-path-view.tsx';
import { useEnrol } from './use-enrol.ts';

const blendedType = '2';

function SelfPacedEnrol({ courseId, canUserEnroll }: { courseId: string; canUserEnroll: boolean }) {
  const enrol = useEnrol(courseId);
  if (!canUserEnroll) return <Text>Enrolment in this course is made by its admins.</Text>;
  return (
    <Group>
      <Button onClick={() => enrol.mutate(null)} loading={enrol.isPending}>
        Enrol
      </Button>
      {enrol.isError && (
        <Alert color="red" title="Could not enrol" role="alert">
          {enrol.error.message}
        </Alert>
      )}
    </Group>
  );
}

/** The course page at /learn/courses/{courseId}. */
export function CoursePage() {
  const { courseId } = useParams({ from: '/shell/learn/courses/$courseId' });
  const query = useQuery({
    queryKey: ['course', courseId],
    queryFn: async () => dataOf(await api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } })),
  });
  if (query.isPending) return <Loader aria-label="Loading the course" />;
  if (query.isError)
    return (
      <Alert color="red" title="Could not load the course">
        {query.error.message}
      </Alert>
    );
  const { course } = query.data;
  const blended = course.type === blendedType;
  const enrolled = course.currentUserRole.learner;
  return (
    <Stack>
      <Anchor component={Link} to="/learn/catalog" size="sm">
        ← Catalog
      </Anchor>
      <Title order={1}>{course.name}</Title>
      <Group gap="xs">
        <Badge color="indigo.8">{course.typeAsDisplayString}</Badge>
        {course.durationAsDisplayString !== '' && <Badge color="gray.7">{course.durationAsDisplayString}</Badge>}
        {enrolled && !blended && <Badge color="teal.9">Enrolled</Badge>}
        {course.hasUserCompleted && <Badge color="teal.9">Completed</Badge>}
      </Group>
      {course.description !== '' && <Text style={{ whiteSpace: 'pre-wrap' }}>{course.description}</Text>}
      {blended ? (
        <BatchList courseId={course.courseId} permissionSettings={course.permissionSettings} />
      ) : enrolled ? (
        <LearningPathView
          place={{ courseId: course.courseId, batchId: null }}
          permissionSettings={course.permissionSettings}
        />
      ) : (
        <SelfPacedEnrol courseId={course.courseId} canUserEnroll={course.canUserEnroll} />
      )}
    </Stack>
  );
}
