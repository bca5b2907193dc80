/** One course: its fields, its modules (or, for a blended course, its batches), publishing and deletion. */
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { ConfirmDelete } from '../confirm-delete.tsx';
import { BatchSection } from './batch-section.tsx';
import { type CourseFields, CourseForm, courseDataOf, emptyCourse } from './course-form.tsx';
import { ModuleEditor } from './module-editor.tsx';
import { PublishButton } from './publish-button.tsx';

/** Creating a course; on success its page opens. */
export function NewCoursePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = async (fields: CourseFields) => {
    const courseData = courseDataOf(fields, true) as { name: string; type: number };
    const created = resultOf(await api.POST('/api/v1/courses', { body: { courseData } }));
    await queryClient.invalidateQueries({ queryKey: ['admin-courses'] });
    await navigate({ to: '/admin/courses/$courseId', params: { courseId: created.course.courseId } });
  };
  return (
    <Stack>
      <Anchor component={Link} to="/admin/courses">
        ← Courses
      </Anchor>
      <Title order={1}>New course</Title>
      <CourseForm initial={emptyCourse} isNew submitLabel="Create course" onSave={save} />
    </Stack>
  );
}

/** What a course's deletion takes with it (docs/compatibility.md: Course API, removals). */
const courseGoes = [
  'its modules with their links, files, e-materials and tests',
  "its learners' enrolments, progress and marks (each learner is told)",
  'its sharing, favourites and place in learning plans',
];
const batchesGo = 'its batches with their sessions, attendance and batch schedulers';

/** The course editor. */
export function CoursePage() {
  const { courseId } = useParams({ from: '/shell/admin/courses/$courseId' });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const course = useQuery({
    queryKey: ['admin-course', courseId],
    queryFn: async () =>
      resultOf(await api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } })).course,
  });
  if (course.isPending) return <Loader aria-label="Loading the course" />;
  if (course.isError)
    return (
      <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Could not load the course">
        {course.error.message}
      </Alert>
    );
  const data = course.data;
  const blended = data.type === '2';
  const initial: CourseFields = {
    name: data.name,
    type: data.type,
    courseCode: data.courseCode,
    description: data.description,
    aboutCourse: data.aboutCourse,
    duration: data.duration ?? '',
    durationUnit: data.durationUnit ?? 'hour',
    categories: data.categories.map((category) => category.categoryId),
  };
  const save = async (fields: CourseFields) => {
    const courseData = courseDataOf(fields, false);
    resultOf(await api.PATCH('/api/v1/courses/{courseId}', { params: { path: { courseId } }, body: { courseData } }));
    await queryClient.invalidateQueries({ queryKey: ['admin-course', courseId] });
  };
  const publish = async () => {
    resultOf(await api.POST('/api/v1/courses/{courseId}/publish', { params: { path: { courseId } } }));
  };
  const remove = async () => {
    resultOf(await api.DELETE('/api/v1/courses/{courseId}', { params: { path: { courseId } } }));
    await queryClient.invalidateQueries({ queryKey: ['admin-courses'] });
    await navigate({ to: '/admin/courses' });
  };
  return (
    <Stack>
      <Anchor component={Link} to="/admin/courses">
        ← Courses
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{data.name}</Title>
        <Badge variant="light" color={data.publishStatus === 'Published' ? 'teal' : 'gray'}>
          {data.statusAsDisplayString || data.publishStatus}
        </Badge>
        <Badge variant="outline">{data.typeAsDisplayString}</Badge>
      </Group>
      <Title order={2} size="h3">
        Details
      </Title>
      <CourseForm key={data.name} initial={initial} isNew={false} submitLabel="Save course" onSave={save} />
      {blended ? (
        <>
          <Group justify="space-between">
            <Title order={2} size="h3">
              Batches
            </Title>
            <Button variant="default" onClick={() => navigate({ to: '/admin/calendar', search: { courseId } })}>
              Open calendar
            </Button>
          </Group>
          <BatchSection courseId={courseId} />
        </>
      ) : (
        <>
          <Title order={2} size="h3">
            Modules
          </Title>
          <ModuleEditor courseId={courseId} batchId={null} />
          <Title order={2} size="h3">
            Publish
          </Title>
          <PublishButton where="course" published={data.status === 1} publish={publish} />
        </>
      )}
      <Title order={2} size="h3">
        Delete
      </Title>
      <div>
        <ConfirmDelete
          what="course"
          name={data.name}
          alsoDeleted={blended ? [batchesGo, ...courseGoes] : courseGoes}
          onDelete={remove}
          size="sm"
        />
      </div>
    </Stack>
  );
}
