/**
 * A module's online tests in the course editor: the tests with their questions (list, add, delete) and a form that
 * adds a test. Loaded on first use, so the console's first load stays small.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ModuleParent } from './module-api.ts';
import { createQuestion, createTest, deleteQuestion, listQuestions, listTests } from './test-api.ts';

const alertStyles = { title: { color: 'var(--mantine-color-text)' } };

/** "1, 3" -> [0, 2]: the option numbers as people count them, as the API's indexes. */
function readCorrect(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => Number(part) - 1);
}

function Questions({
  parent,
  moduleId,
  test,
}: {
  parent: ModuleParent;
  moduleId: string;
  test: { id: string; name: string };
}) {
  const key = ['admin-test-questions', test.id];
  const queryClient = useQueryClient();
  const questions = useQuery({ queryKey: key, queryFn: () => listQuestions(parent, moduleId, test.id) });
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'single' | 'multiple'>('single');
  const [options, setOptions] = useState('');
  const [correct, setCorrect] = useState('');
  const [marks, setMarks] = useState<number | string>(1);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: () =>
      createQuestion(parent, moduleId, test.id, {
        text: text.trim(),
        kind,
        options: options
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        correctOptions: readCorrect(correct),
        marks: Number(marks),
      }),
    onSuccess: async () => {
      setText('');
      setOptions('');
      setCorrect('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (questionId: string) => deleteQuestion(parent, moduleId, test.id, questionId),
    onSettled: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Stack gap="xs">
      {questions.isError && <Text c="red">{questions.error.message}</Text>}
      {questions.data?.length === 0 && <Text size="sm">No questions yet: learners cannot take this test.</Text>}
      {questions.data !== undefined && questions.data.length > 0 && (
        <List type="ordered" aria-label={`Questions of ${test.name}`}>
          {questions.data.map((question) => (
            <List.Item key={question.questionId}>
              <Group gap="xs" wrap="wrap">
                <Text span>{question.text}</Text>
                <Badge variant="light">{question.kind === 'single' ? 'One answer' : 'Several answers'}</Badge>
                <Text span size="sm">
                  {question.marks} {question.marks === 1 ? 'mark' : 'marks'} · right:{' '}
                  {question.correctOptions.map((index) => question.options[index]).join(', ')}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => remove.mutate(question.questionId)}
                  aria-label={`Delete question ${question.text}`}
                >
                  Delete
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form onSubmit={submit} aria-label={`Add a question to ${test.name}`}>
        <Stack gap="xs">
          <Textarea label="Question" required autosize value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <SegmentedControl
            aria-label="Answers"
            value={kind}
            onChange={(value) => setKind(value as 'single' | 'multiple')}
            data={[
              { value: 'single', label: 'One right answer' },
              { value: 'multiple', label: 'Several right answers' },
            ]}
          />
          <Textarea
            label="Options, one a line"
            required
            autosize
            minRows={2}
            value={options}
            onChange={(e) => setOptions(e.currentTarget.value)}
          />
          <TextInput
            label="Right options (their numbers, e.g. 2 or 1, 3)"
            required
            value={correct}
            onChange={(e) => setCorrect(e.currentTarget.value)}
          />
          <NumberInput label="Marks" min={1} max={100} value={marks} onChange={setMarks} />
          {add.isError && (
            <Alert styles={alertStyles} color="red" title="Question not added">
              {add.error.message}
            </Alert>
          )}
          <div>
            <Button type="submit" variant="light" loading={add.isPending}>
              Add question
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}

/** The online tests of one module, their questions, and the form that adds a test. */
export function ModuleTests({
  parent,
  moduleId,
  moduleName,
}: {
  parent: ModuleParent;
  moduleId: string;
  moduleName: string;
}) {
  const key = ['admin-module-tests', parent.courseId, parent.batchId, moduleId];
  const queryClient = useQueryClient();
  const tests = useQuery({ queryKey: key, queryFn: () => listTests(parent, moduleId) });
  const [openTest, setOpenTest] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [pass, setPass] = useState<number | string>(60);
  const [attempts, setAttempts] = useState<number | string>(3);
  const [mandatory, setMandatory] = useState(true);
  const add = useMutation({
    mutationFn: () =>
      createTest(parent, moduleId, {
        name: name.trim(),
        isMandatory: mandatory,
        passPercentage: Number(pass),
        maximumAttemptsAllowed: attempts === '' ? 'unlimited' : Number(attempts),
      }),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Stack gap="xs">
      {tests.isError && <Text c="red">{tests.error.message}</Text>}
      {tests.data?.map((test) => (
        <Paper key={test.id} withBorder p="xs" component="section" aria-label={`Online test ${test.name}`}>
          <Group gap="xs" justify="space-between">
            <Group gap="xs">
              <Text span>{test.name}</Text>
              <Badge variant="light">Online test</Badge>
              {test.mandatory && <Badge variant="outline">Mandatory</Badge>}
            </Group>
            <Button
              size="xs"
              variant="default"
              aria-expanded={openTest === test.id}
              onClick={() => setOpenTest(openTest === test.id ? null : test.id)}
            >
              Questions<VisuallyHidden> of {test.name}</VisuallyHidden>
            </Button>
          </Group>
          {openTest === test.id && <Questions parent={parent} moduleId={moduleId} test={test} />}
        </Paper>
      ))}
      <form onSubmit={submit} aria-label={`Add an online test to ${moduleName}`}>
        <Group gap="xs" align="end" wrap="wrap">
          <TextInput label="Online test name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <NumberInput label="Pass mark (%)" min={1} max={100} value={pass} onChange={setPass} w={120} />
          <NumberInput
            label="Attempts (empty: no limit)"
            min={1}
            max={10}
            value={attempts}
            onChange={setAttempts}
            w={180}
          />
          <Checkbox label="Mandatory" checked={mandatory} onChange={(e) => setMandatory(e.currentTarget.checked)} />
          <Button type="submit" variant="light" loading={add.isPending}>
            Add online test
          </Button>
        </Group>
        {add.isError && (
          <Alert styles={alertStyles} color="red" title="Test not added" mt="xs">
            {add.error.message}
          </Alert>
        )}
      </form>
    </Stack>
  );
}
