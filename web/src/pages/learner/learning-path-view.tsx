/**
 * Playing through a course: overall progress, then each module with its progress, why it is locked in the API's
 * words ("Opens on 05-Dec-2026", "Finish Module 2 first"), its entities, and marking a module complete when the
 * course lets the learner mark modules.
 */
import { Alert, Badge, Button, Card, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentSession } from '../../session.ts';
import { EntityRow } from './entity-row.tsx';
import {
  type CourseDetails,
  getJson,
  type LearningPath,
  learningPathUrl,
  type PathModule,
  type Place,
  placePath,
  postJson,
} from './learner-api.ts';
import { LockNote } from './lock-note.tsx';

/** whenAModuleIsConsideredAsCompleted 1: the learner marks a module completed. */
const learnerMarksModules = '1';

function ModuleCard({ place, module, marksModules }: { place: Place; module: PathModule; marksModules: boolean }) {
  const client = useQueryClient();
  const mark = useMutation({
    mutationFn: () =>
      postJson(`/lectern/v1${placePath(place)}/modules/${encodeURIComponent(module.moduleId)}/markAsComplete`),
    onSettled: () => client.invalidateQueries(),
  });
  const headingId = `module-${module.moduleId}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={3} size="h4" id={headingId}>
          {module.moduleName}
        </Title>
        {module.isCompleted ? (
          <Badge color="teal.9">Completed</Badge>
        ) : module.isLocked ? (
          <Badge color="gray.7">Locked</Badge>
        ) : (
          <Badge color="indigo.8">{module.completedCount > 0 ? 'In progress' : 'Not started'}</Badge>
        )}
      </Group>
      {module.isLocked && <LockNote reason={module.lockReasonAsDisplayString} />}
      <Progress value={module.percentageOfProgress} size="sm" aria-label={`Progress of ${module.moduleName}`} />
      <Text size="xs" mb="xs" data-testid={`module-progress-${module.moduleId}`}>
        {module.completedCount} of {module.totalCount} completed
      </Text>
      <Stack gap="xs">
        {module.entities.map((entity) => (
          <EntityRow key={entity.entityId} place={place} moduleId={module.moduleId} entity={entity} />
        ))}
        {module.entities.length === 0 && <Text size="sm">Nothing in this module yet.</Text>}
      </Stack>
      {marksModules && !module.isLocked && !module.isCompleted && (
        <Group mt="sm">
          <Button variant="light" onClick={() => mark.mutate()} loading={mark.isPending}>
            Mark {module.moduleName} as complete
          </Button>
        </Group>
      )}
      {mark.isError && (
        <Alert color="red" title="Could not mark the module" role="alert" mt="xs">
          {mark.error.message}
        </Alert>
      )}
    </Card>
  );
}

/** The signed-in learner's path through a course or batch. */
export function LearningPathView({
  place,
  permissionSettings,
}: {
  place: Place;
  permissionSettings: CourseDetails['permissionSettings'];
}) {
  const erecno = currentSession()?.person.erecno ?? '';
  const query = useQuery({
    queryKey: ['learning-path', place.courseId, place.batchId],
    queryFn: async () => (await getJson<{ learningPath: LearningPath }>(learningPathUrl(place, erecno))).learningPath,
  });
  if (query.isPending) return <Loader aria-label="Loading your modules" />;
  if (query.isError)
    return (
      <Alert color="red" title="Could not load your modules">
        {query.error.message}
      </Alert>
    );
  const path = query.data;
  const marksModules = permissionSettings.whenAModuleIsConsideredAsCompleted === learnerMarksModules;
  return (
    <Stack>
      <Title order={2}>Your progress</Title>
      <Progress value={path.percentageOfProgress} aria-label="Progress in this course" />
      <Text data-testid="course-progress">
        {path.progressAsDisplayString}
        {path.hasUserCompleted ? ' · Course completed' : ''}
      </Text>
      <Title order={2}>Modules</Title>
      {path.modules.length === 0 && <Text>This course has no modules yet.</Text>}
      {path.modules.map((module) => (
        <ModuleCard key={module.moduleId} place={place} module={module} marksModules={marksModules} />
      ))}
    </Stack>
  );
}
