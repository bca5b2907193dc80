/**
 * The marks sheet of one offline test or assignment: the seated learners with their marks, entered and saved in one
 * call (updateMarks with marksList). The API checks the maximum and who may mark; the page checks the maximum too,
 * so a typo is caught before the call.
 */
import { Alert, Anchor, Button, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, dataOf } from '../../api.ts';
import { ScrollRegion } from '../scroll-region.tsx';

type Path = { courseId: string; batchId: string; moduleId: string; itemId: string };

async function loadSheet(kind: string, path: Path) {
  const base = { courseId: path.courseId, batchId: path.batchId, moduleId: path.moduleId };
  if (kind === 'assignments') {
    const url = '/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/assignments/{assignmentId}/marks';
    return dataOf(await api.GET(url, { params: { path: { ...base, assignmentId: path.itemId } } }));
  }
  const url = '/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/offlineTests/{offlineTestId}/marks';
  return dataOf(await api.GET(url, { params: { path: { ...base, offlineTestId: path.itemId } } }));
}

async function saveMarks(kind: string, path: Path, marksList: { learnerErecno: string; marks: number }[]) {
  const base = { courseId: path.courseId, batchId: path.batchId, moduleId: path.moduleId };
  const body = { marksList };
  if (kind === 'assignments') {
    const url =
      '/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/assignments/{assignmentId}/updateMarks';
    return dataOf(await api.POST(url, { params: { path: { ...base, assignmentId: path.itemId } }, body }));
  }
  const url =
    '/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/offlineTests/{offlineTestId}/updateMarks';
  return dataOf(await api.POST(url, { params: { path: { ...base, offlineTestId: path.itemId } }, body }));
}

/** The marks page at /trainer/grading/{courseId}/{batchId}/{moduleId}/{kind}/{itemId}. */
export function MarksPage() {
  const { kind, ...path } = useParams({ from: '/shell/trainer/grading/$courseId/$batchId/$moduleId/$kind/$itemId' });
  const queryClient = useQueryClient();
  const queryKey = ['marks-sheet', kind, path];
  const sheet = useQuery({ queryKey, queryFn: () => loadSheet(kind, path) });
  const [entered, setEntered] = useState<Record<string, number | ''>>({});
  const what = kind === 'assignments' ? 'assignment' : 'offline test';
  const save = useMutation({
    mutationFn: () => {
      const marksList = Object.entries(entered).flatMap(([learnerErecno, marks]) =>
        marks === '' ? [] : [{ learnerErecno, marks }],
      );
      return saveMarks(kind, path, marksList);
    },
    onSuccess: async () => {
      setEntered({});
      await queryClient.invalidateQueries({ queryKey });
    },
  });
  if (sheet.isPending) return <Loader aria-label="Loading the marks" />;
  if (sheet.isError)
    return (
      <Stack>
        <Title order={1}>Marks</Title>
        <Alert color="red" title="Could not load the marks">
          {sheet.error.message}
        </Alert>
      </Stack>
    );
  const { maximumMarks, learners } = sheet.data;
  const tooHigh = Object.values(entered).some((marks) => marks !== '' && (marks > maximumMarks || marks < 0));
  const pending = Object.values(entered).filter((marks) => marks !== '').length;
  return (
    <Stack>
      <Anchor component={Link} to="/trainer/grading" size="sm">
        ← Grading
      </Anchor>
      <Title order={1}>Marks of the {what}</Title>
      <Text>Whole marks from 0 to {maximumMarks}.</Text>
      {learners.length === 0 ? (
        <Text>No learners hold a seat here yet.</Text>
      ) : (
        <>
          <ScrollRegion label="Marks">
            <Table striped captionSide="top">
              <Table.Caption>Marks out of {maximumMarks}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Learner</Table.Th>
                  <Table.Th scope="col">Employee id</Table.Th>
                  <Table.Th scope="col">Marks</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {learners.map((learner) => (
                  <Table.Tr key={learner.learnerErecno}>
                    <Table.Td>{learner.displayName}</Table.Td>
                    <Table.Td>{learner.employeeId}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Marks of ${learner.displayName}`}
                        placeholder="Not graded"
                        min={0}
                        max={maximumMarks}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="none"
                        value={entered[learner.learnerErecno] ?? learner.marks ?? ''}
                        onChange={(value) =>
                          setEntered({
                            ...entered,
                            [learner.learnerErecno]: value === '' ? '' : Number(value),
                          })
                        }
                        error={
                          Number(entered[learner.learnerErecno] ?? 0) > maximumMarks
                            ? `At most ${maximumMarks}`
                            : undefined
                        }
                        w={140}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={pending === 0 || tooHigh}>
              Save marks
            </Button>
            <Text size="sm" aria-live="polite">
              {pending === 0 ? 'No changes' : `${pending} to save`}
            </Text>
          </Group>
        </>
      )}
      {save.isError && (
        <Alert color="red" title="Marks not saved">
          {save.error.message}
        </Alert>
      )}
      {save.isSuccess && pending === 0 && (
        <Alert color="teal" title="Marks saved" role="status">
          {save.data.learners.length} learner(s) marked.
        </Alert>
      )}
    </Stack>
  );
}
