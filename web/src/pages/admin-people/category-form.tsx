/** Adding or renaming a course category or a grade category: a name, unique in its kind (409 names the holder). */
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { FormError, useSubmit } from '../use-submit.tsx';
import type { FormProps } from './reference-section.tsx';

/** A category of either kind, as the tables list it. */
export interface CategoryItem {
  id: string;
  name: string;
}

async function saveCategory(kind: 'course' | 'grade', item: CategoryItem | undefined, name: string): Promise<string> {
  const body = { name };
  if (kind === 'course') {
    const answer =
      item === undefined
        ? resultOf(await api.POST('/lectern/v1/categories', { body }))
        : resultOf(
            await api.PATCH('/lectern/v1/categories/{categoryId}', { params: { path: { categoryId: item.id } }, body }),
          );
    return answer.category.name;
  }
  const answer =
    item === undefined
      ? resultOf(await api.POST('/lectern/v1/grade-categories', { body }))
      : resultOf(
          await api.PATCH('/lectern/v1/grade-categories/{gradeCategoryId}', {
            params: { path: { gradeCategoryId: item.id } },
            body,
          }),
        );
  return answer.gradeCategory.name;
}

/** The form of one kind of category. */
export function CategoryForm({
  kind,
  item,
  onSaved,
  onCancel,
}: FormProps<CategoryItem> & { kind: 'course' | 'grade' }) {
  const [name, setName] = useState(item?.name ?? '');
  const { errors, formError, busy, handle } = useSubmit(['name']);
  const submit = handle(async () => onSaved(await saveCategory(kind, item, name)));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={formError} />
        <TextInput
          label="Name"
          required
          maxLength={100}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save {kind === 'course' ? 'category' : 'grade category'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
