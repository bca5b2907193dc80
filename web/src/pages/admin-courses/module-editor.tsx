/** The modules of a course or batch, 25 a page: add, rename, delete, and what each holds (links, files, e-materials). */
import { Alert, Button, Card, Group, Loader, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDelete } from '../confirm-delete.tsx';
import { FormButtons, useForm } from '../form-fields.tsx';
import { Pager } from '../pager.tsx';
import { FormError } from '../use-submit.tsx';
import {
  createModule,
  deleteModule,
  type ModuleFields,
  type ModuleParent,
  modulePage,
  updateModule,
} from './module-api.ts';
import { ModuleItems } from './module-items.tsx';

/** The module editor of one parent. */
export function ModuleEditor(parent: ModuleParent) {
  const key = ['admin-modules', parent.courseId, parent.batchId];
  const [startIndex, setStartIndex] = useState(0);
  const modules = useQuery({
    queryKey: [...key, 'page', startIndex],
    queryFn: () => modulePage(parent, startIndex),
    placeholderData: keepPreviousData,
  });
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  if (modules.isPending) return <Loader aria-label="Loading modules" />;
  if (modules.isError)
    return (
      <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Could not load the modules">
        {modules.error.message}
      </Alert>
    );
  return (
    <Stack>
      {modules.data.modules.length === 0 && startIndex === 0 && (
        <Text>No modules yet: add one below, then put links, files or e-materials in it.</Text>
      )}
      {modules.data.modules.map((courseModule) => (
        <ModuleCard
          key={courseModule.moduleId}
          parent={parent}
          moduleId={courseModule.moduleId}
          name={courseModule.moduleName}
          description={courseModule.description}
          onChanged={refresh}
        />
      ))}
      <Pager
        startIndex={startIndex}
        shown={modules.data.modules.length}
        hasMore={modules.data.hasMore}
        onChange={setStartIndex}
        label="modules"
      />
      <Stack gap="xs" maw={640}>
        <Title order={3} size="h4">
          Add a module
        </Title>
        <ModuleForm
          clearAfterSave
          initial={{ name: '', description: '' }}
          submitLabel="Add module"
          onSave={async (fields) => {
            await createModule(parent, fields);
            await refresh();
          }}
        />
      </Stack>
    </Stack>
  );
}

/** What a module's deletion takes with it (docs/compatibility.md, Module API). */
function moduleGoes(parent: ModuleParent): string[] {
  const items = "its links, files and e-materials, with learners' progress and marks on them";
  return parent.batchId === null ? [items] : [items, 'its sessions and their attendance'];
}

function ModuleCard({
  parent,
  moduleId,
  name,
  description,
  onChanged,
}: {
  parent: ModuleParent;
  moduleId: string;
  name: string;
  description: string;
  onChanged: () => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder component="section" aria-label={`Module ${name}`}>
      <Stack gap="xs">
        {editing ? (
          <ModuleForm
            initial={{ name, description }}
            submitLabel="Save module"
            onCancel={() => setEditing(false)}
            onSave={async (fields) => {
              await updateModule(parent, moduleId, fields);
              setEditing(false);
              await onChanged();
            }}
          />
        ) : (
          <Group justify="space-between">
            <div>
              <Title order={3} size="h4">
                {name}
              </Title>
              {description !== '' && <Text size="sm">{description}</Text>}
            </div>
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => setEditing(true)} aria-label={`Edit module ${name}`}>
                Edit
              </Button>
              <ConfirmDelete
                what="module"
                name={name}
                alsoDeleted={moduleGoes(parent)}
                onDelete={async () => {
                  await deleteModule(parent, moduleId);
                  await onChanged();
                }}
              />
            </Group>
          </Group>
        )}
        <ModuleItems parent={parent} moduleId={moduleId} moduleName={name} />
      </Stack>
    </Card>
  );
}

/** A module's name and description, for adding one and for editing; a refusal shows at the field it names. */
function ModuleForm({
  initial,
  submitLabel,
  onSave,
  onCancel,
  clearAfterSave = false,
}: {
  initial: ModuleFields;
  submitLabel: string;
  onSave: (fields: ModuleFields) => Promise<void>;
  onCancel?: () => void;
  /** The add form empties itself for the next module. */
  clearAfterSave?: boolean;
}) {
  const form = useForm(initial, 'moduleData.');
  const submit = form.handle(async () => {
    await onSave({ name: form.values.name.trim(), description: form.values.description });
    if (clearAfterSave) {
      form.set('name', '');
      form.set('description', '');
    }
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <FormError message={form.formError} />
        <TextInput label="Module name" required {...form.text('name')} />
        <Textarea label="Module description" autosize {...form.text('description')} />
        <FormButtons submitLabel={submitLabel} busy={form.busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
