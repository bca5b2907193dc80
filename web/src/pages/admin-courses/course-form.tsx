/** The course's own fields, as the Course API takes them: for a new course and for editing one. */
import { Group, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { FormButtons, useForm } from '../form-fields.tsx';
import { FormError } from '../use-submit.tsx';
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

/** The course form; `onSave` does the call and throws what the API refused, which shows at the field it names. */
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
  const form = useForm(initial, 'courseData.');
  const { values, set, text, errors } = form;
  const categories = useQuery({
    queryKey: ['categories'],
    queryFn: async () => resultOf(await api.GET('/api/v1/categories', {})).categories,
  });
  return (
    <form onSubmit={form.handle(() => onSave(values))}>
      <Stack maw={640}>
        <FormError message={form.formError} />
        <TextInput label="Name" required maxLength={250} {...text('name')} />
        <Select
          label="Type"
          data={[...courseTypes]}
          value={values.type}
          error={errors.type}
          disabled={!isNew}
          description={
            isNew ? 'Blended courses have batches with sessions' : 'A course keeps the type it was made with'
          }
          allowDeselect={false}
          onChange={(value) => set('type', value ?? '1')}
        />
        <TextInput label="Course code" maxLength={100} {...text('courseCode')} />
        <Textarea label="Description" autosize minRows={2} {...text('description')} />
        <Textarea label="About the course" autosize minRows={2} {...text('aboutCourse')} />
        <Group grow align="flex-start">
          <NumberInput
            label="Duration"
            min={1}
            allowDecimal={false}
            value={values.duration}
            error={errors.duration}
            onChange={(value) => set('duration', typeof value === 'number' ? value : '')}
          />
          <Select
            label="Duration unit"
            data={[
              { value: 'minute', label: 'Minutes' },
              { value: 'hour', label: 'Hours' },
              { value: 'day', label: 'Days' },
            ]}
            value={values.durationUnit}
            error={errors.durationUnit}
            allowDeselect={false}
            onChange={(value) => set('durationUnit', value ?? 'hour')}
          />
        </Group>
        <MultiSelect
          label="Categories"
          data={(categories.data ?? []).map((category) => ({ value: category.categoryId, label: category.name }))}
          value={values.categories}
          error={errors.categories}
          searchable
          onChange={(value) => set('categories', value)}
        />
        <FormButtons submitLabel={submitLabel} busy={form.busy} />
      </Stack>
    </form>
  );
}
