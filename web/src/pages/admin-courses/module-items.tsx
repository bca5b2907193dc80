/** What a module holds (links, files, e-materials; online tests apart) and a form to add one, mandatory by default. */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { createContent, createLink, listItems, type ModuleParent, uploadFile } from './module-api.ts';

type Kind = 'link' | 'file' | 'content';

// The online tests' editor is fetched when a module is shown, apart from the console's first load.
const ModuleTests = lazy(async () => ({ default: (await import('./module-tests.tsx')).ModuleTests }));

/** The items of one module and the form that adds one. */
export function ModuleItems({
  parent,
  moduleId,
  moduleName,
}: {
  parent: ModuleParent;
  moduleId: string;
  moduleName: string;
}) {
  const key = ['admin-module-items', parent.courseId, parent.batchId, moduleId];
  const items = useQuery({ queryKey: key, queryFn: () => listItems(parent, moduleId) });
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('link');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [mandatory, setMandatory] = useState(true);
  const add = useMutation({
    mutationFn: async () => {
      const itemName = name.trim();
      if (kind === 'link')
        await createLink(parent, moduleId, { name: itemName, embedURL: url.trim(), isMandatory: mandatory });
      else if (kind === 'content')
        await createContent(parent, moduleId, { name: itemName, content: text, isMandatory: mandatory });
      else if (file === null) throw new Error('Choose a file to upload');
      else await uploadFile(parent, moduleId, { name: itemName, isMandatory: mandatory }, file);
    },
    onSuccess: async () => {
      setName('');
      setUrl('');
      setText('');
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Stack gap="xs">
      {items.isError && <Text c="red">{items.error.message}</Text>}
      {items.data !== undefined && items.data.length === 0 && <Text size="sm">Nothing in this module yet.</Text>}
      {items.data !== undefined && items.data.length > 0 && (
        <List aria-label={`Contents of ${moduleName}`}>
          {items.data.map((item) => (
            <List.Item key={item.id}>
              <Group gap="xs">
                <Text span>{item.name}</Text>
                <Badge variant="light">{item.kind}</Badge>
                {item.mandatory && <Badge variant="outline">Mandatory</Badge>}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Suspense fallback={null}>
        <ModuleTests parent={parent} moduleId={moduleId} moduleName={moduleName} />
      </Suspense>
      <form onSubmit={submit} aria-label={`Add to ${moduleName}`}>
        <Stack gap="xs">
          <SegmentedControl
            aria-label="What to add"
            value={kind}
            onChange={(value) => setKind(value as Kind)}
            data={[
              { value: 'link', label: 'Link' },
              { value: 'file', label: 'File' },
              { value: 'content', label: 'E-material' },
            ]}
          />
          <TextInput label="Title" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          {kind === 'link' && (
            <TextInput
              label="Address (URL)"
              type="url"
              required
              placeholder="https://"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
          )}
          {kind === 'file' && <FileInput label="File" required value={file} onChange={setFile} clearable />}
          {kind === 'content' && (
            <Textarea label="Text" autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          )}
          <Checkbox
            label="Mandatory (learners must complete it)"
            checked={mandatory}
            onChange={(e) => setMandatory(e.currentTarget.checked)}
          />
          {add.isError && (
            <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Not added">
              {add.error.message}
            </Alert>
          )}
          <div>
            <Button type="submit" variant="light" loading={add.isPending}>
              Add to module
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
