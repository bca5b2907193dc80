/** The modules of a course or batch: add, rename, delete, and what each holds (links, files, e-materials). */
import { Alert, Button, Card, Group, Loader, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { createModule, deleteModule, listModules, type ModuleParent, updateModule } from './module-api.ts';
import { ModuleItems } from './module-items.tsx';

/** The module editor of one parent. */
export function ModuleEditor(parent: ModuleParent) {
  const key = ['admin-modules', parent.courseId, parent.batchId];
  const modules = useQuery({ queryKey: key, queryFn: () => listModules(parent) });
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const add = useMutation({
    mutationFn: () => createModule(parent, { name: name.trim(), description }),
    onSuccess: async () => {
      setName('');
      setDescription('');
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  if (modules.isPending) return <Loader aria-label="Loading modules" />;
  if (modules.isError)
    return (
      <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Could not load the modules">
        {modules.error.message}
      </Alert>
    );
  return (
    <Stack>
      {modules.data.length === 0 && (
        <Text>No modules yet: add one below, then put links, files or e-materials in it.</Text>
      )}
      {modules.data.map((courseModule) => (
        <ModuleCard
          key={courseModule.moduleId}
          parent={parent}
          moduleId={courseModule.moduleId}
          name={courseModule.moduleName}
          description={courseModule.description}
          onChanged={refresh}
        />
      ))}
      <form onSubmit={submit}>
        <Stack gap="xs" maw={640}>
          <Title order={3} size="h4">
            Add a module
          </Title>
          <TextInput label="Module name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Textarea
            label="Module description"
            autosize
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          {add.isError && (
            <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Module not added">
              {add.error.message}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={add.isPending}>
              Add module
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
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
  const [draft, setDraft] = useState({ name, description });
  const save = useMutation({
    mutationFn: () => updateModule(parent, moduleId, { name: draft.name.trim(), description: draft.description }),
    onSuccess: async () => {
      setEditing(false);
      await onChanged();
    },
  });
  const remove = useMutation({ mutationFn: () => deleteModule(parent, moduleId), onSuccess: onChanged });
  const error = save.error ?? remove.error;
  return (
    <Card withBorder component="section" aria-label={`Module ${name}`}>
      <Stack gap="xs">
        {editing ? (
          <>
            <TextInput
              label="Module name"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            />
            <Textarea
              label="Module description"
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
            />
            <Group>
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                Save module
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </>
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
              <Button
                variant="default"
                color="red"
                size="xs"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Delete the module "${name}" with everything in it?`)) remove.mutate();
                }}
                aria-label={`Delete module ${name}`}
              >
                Delete
              </Button>
            </Group>
          </Group>
        )}
        {error !== null && (
          <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Not saved">
            {error.message}
          </Alert>
        )}
        <ModuleItems parent={parent} moduleId={moduleId} moduleName={name} />
      </Stack>
    </Card>
  );
}
