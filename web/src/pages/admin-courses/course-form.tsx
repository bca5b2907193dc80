/** The course's own fields, as the Course API takes them: for a new course and for editing one. */
import { Alert, Button, Group, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { courseTypes } from './formats.ts';

/** What the form edits (strings as the inputs hold them). */
export interface CourseFields {
  name: string;
  type: string;
  courseCode: string;
  description: string;
  aboutCourse: string;
  duration: number | '';
  durationUnit: string;
  categories: string[];
}

/** An empty course (self paced). */
export const emptyCourse: CourseFields = {
  name: '',
  type: '1',
  courseCode: '',
  description: '',
  aboutCourse: '',
  duration: '',
  durationUnit: 'hour',
  categories: [],
};

/** courseData for the API from the form (type only when `withType`: a course keeps the type it was made with). */
export function courseDataOf(fields: CourseFields, withType: boolean) {
  return {
    name: fields.name.trim(),
    ...(withType ? { type: Number(fields.type) } : {}),
    courseCode: fields.courseCode,
    description: fields.description,
    aboutCourse: fields.aboutCourse,
    ...(fields.duration === ''
      ? {}
      : { duration: fields.duration, durationUnit: fields.durationUnit as 'minute' | 'hour' | 'day' }),
    categories: fields.categories,
  };
}

/** The course form; `onSave` does the call and throws what the API refused. */
export function CourseForm({
  initial,
  isNew,
  submitLabel,
  onSave,
}: {
  initial: CourseFields;
  isNew: boolean;
  submitLabel: string;
  onSave: (fields: CourseFields) => Promise<void>;
}) {
  const [fields, setFields] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const categories = useQuery({
    queryKey: ['categories'],
    queryFn: async () => resultOf(await api.GET('/api/v1/categories', {})).categories,
  });
  const set = <K extends keyof CourseFields>(key: K, value: CourseFields[K]) => setFields({ ...fields, [key]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSave(fields);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack maw={640}>
        <TextInput
          label="Name"
          required
          maxLength={250}
          value={fields.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <Select
          label="Type"
          data={[...courseTypes]}
          value={fields.type}
          disabled={!isNew}
          description={
            isNew ? 'Blended courses have batches with sessions' : 'A course keeps the type it was made with'
          }
          allowDeselect={false}
          onChange={(value) => set('type', value ?? '1')}
        />
        <TextInput
          label="Course code"
          maxLength={100}
          value={fields.courseCode}
          onChange={(e) => set('courseCode', e.currentTarget.value)}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={fields.description}
          onChange={(e) => set('description', e.currentTarget.value)}
        />
        <Textarea
          label="About the course"
          autosize
          minRows={2}
          value={fields.aboutCourse}
          onChange={(e) => set('aboutCourse', e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Duration"
            min={1}
            allowDecimal={false}
            value={fields.duration}
            onChange={(value) => set('duration', typeof value === 'number' ? value : '')}
          />
          <Select
            label="Duration unit"
            data={[
              { value: 'minute', label: 'Minutes' },
              { value: 'hour', label: 'Hours' },
              { value: 'day', label: 'Days' },
            ]}
            value={fields.durationUnit}
            allowDeselect={false}
            onChange={(value) => set('durationUnit', value ?? 'hour')}
          />
        </Group>
        <MultiSelect
          label="Categories"
          data={(categories.data ?? []).map((category) => ({ value: category.categoryId, label: category.name }))}
          value={fields.categories}
          searchable
          onChange={(value) => set('categories', value)}
        />
        {error !== null && (
          <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Not saved">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
