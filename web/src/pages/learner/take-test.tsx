/**
 * Taking an online test in a dialog: where the learner stands (attempts left, pass mark, time limit), the questions of
 * an attempt (radio buttons for one answer, checkboxes for several), submitting them, and the outcome. Loaded only
 * when a learner opens a test, so the portal's first load stays small.
 */

import type { operations } from '@lectern/zoho-lms';
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { entityPath, getJson, type PathEntity, type Place, postJson } from './learner-api.ts';

type Json<O extends keyof operations> = operations[O] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
type Summary = Json<'getOnlineTestAttempts'>['attempts'];
type Attempt = Json<'startOnlineTestAttempt'>['attempt'];
type Result = Json<'submitOnlineTestAttempt'>['result'];

function attemptsText(summary: Summary): string {
  if (summary.attemptsLeft === null) return `${summary.attemptsUsed} attempts used; no limit`;
  return `${summary.attemptsLeft} of ${summary.maximumAttemptsAllowed} attempts left`;
}

function QuestionField({
  question,
  number,
  chosen,
  onChange,
}: {
  question: Attempt['questions'][number];
  number: number;
  chosen: string[];
  onChange: (value: string[]) => void;
}) {
  const label = `${number}. ${question.text}`;
  const description = [
    question.kind === 'multiple' ? 'Choose every right answer' : 'Choose one answer',
    question.marks === null ? '' : `${question.marks} ${question.marks === 1 ? 'mark' : 'marks'}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const options = question.options.map((option, index) => ({ option, value: String(index) }));
  if (question.kind === 'multiple') {
    return (
      <Checkbox.Group label={label} description={description} value={chosen} onChange={onChange}>
        <Stack gap={6} mt="xs">
          {options.map(({ option, value }) => (
            <Checkbox key={value} value={value} label={option} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  return (
    <Radio.Group label={label} description={description} value={chosen[0] ?? null} onChange={(v) => onChange([v])}>
      <Stack gap={6} mt="xs">
        {options.map(({ option, value }) => (
          <Radio key={value} value={value} label={option} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function Outcome({ result }: { result: Result }) {
  return (
    <Alert
      color={result.passed ? 'teal' : 'orange'}
      title={result.passed ? 'Passed' : 'Not passed yet'}
      role="status"
      styles={{ title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap={4}>
        {result.marks !== null && (
          <Text size="sm">
            You scored {result.marks} of {result.maximumMarks} marks.
          </Text>
        )}
        <Text size="sm">{attemptsText(result.attempts)}.</Text>
        {result.completion.state === 'completed' && <Text size="sm">This test is completed.</Text>}
      </Stack>
    </Alert>
  );
}

/** The dialog of one online test; `onClose` closes it. */
export function TakeTestDialog({
  place,
  moduleId,
  entity,
  onClose,
}: {
  place: Place;
  moduleId: string;
  entity: PathEntity;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const base = `/lectern/v1${entityPath(place, moduleId, entity.entityType, entity.entityId)}`;
  const summary = useQuery({
    queryKey: ['test-attempts', entity.entityId],
    queryFn: async () => (await getJson<{ attempts: Summary }>(`${base}/attempts`)).attempts,
  });
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const start = useMutation({
    mutationFn: async () => (await postJson<{ attempt: Attempt }>(`${base}/attempts`)).attempt,
    onSuccess: () => setAnswers({}),
  });
  const submit = useMutation({
    mutationFn: async (attempt: Attempt) => {
      const list = Object.entries(answers).map(([questionId, chosen]) => ({
        questionId,
        selectedOptions: chosen.map(Number),
      }));
      return (await postJson<{ result: Result }>(`${base}/attempts/${attempt.attemptId}/submit`, { answers: list }))
        .result;
    },
    onSettled: () => client.invalidateQueries(),
  });
  const attempt = start.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (attempt !== undefined) submit.mutate(attempt);
  };
  const canStart =
    summary.data !== undefined &&
    summary.data.questionCount > 0 &&
    (summary.data.openAttemptId !== null || summary.data.attemptsLeft !== 0);
  return (
    <Modal opened onClose={onClose} title={entity.entityName} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {summary.isPending && <Loader aria-label="Loading the test" />}
      {summary.isError && <Alert color="red">{summary.error.message}</Alert>}
      {summary.data !== undefined && (attempt === undefined || submit.data !== undefined) && (
        <Stack>
          <Group gap="xs">
            <Badge color="indigo.8">{attemptsText(summary.data)}</Badge>
            <Badge color="gray.7">
              Pass mark: {summary.data.passPercentage === null ? 'any result' : `${summary.data.passPercentage}%`}
            </Badge>
            {summary.data.durationMinutes !== null && (
              <Badge color="gray.7">{summary.data.durationMinutes} minutes</Badge>
            )}
            {summary.data.hasPassed && <Badge color="teal.9">Passed</Badge>}
          </Group>
          {submit.data !== undefined && <Outcome result={submit.data} />}
          {summary.data.questionCount === 0 && <Text>This test has no questions yet.</Text>}
          {canStart && (
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                {summary.data.openAttemptId !== null ? 'Continue the test' : 'Start the test'}
              </Button>
            </Group>
          )}
          {start.isError && (
            <Alert color="red" role="alert">
              {start.error.message}
            </Alert>
          )}
        </Stack>
      )}
      {attempt !== undefined && submit.data === undefined && (
        <form onSubmit={onSubmit} aria-label={`Questions of ${entity.entityName}`}>
          <Stack>
            {attempt.deadline !== null && (
              <Text size="sm">Submit by {new Date(attempt.deadline).toLocaleTimeString()}.</Text>
            )}
            {attempt.questions.map((question, index) => (
              <QuestionField
                key={question.questionId}
                question={question}
                number={index + 1}
                chosen={answers[question.questionId] ?? []}
                onChange={(value) => setAnswers((current) => ({ ...current, [question.questionId]: value }))}
              />
            ))}
            {submit.isError && (
              <Alert color="red" role="alert">
                {submit.error.message}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={submit.isPending}>
                Submit answers
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
