/**
 * What a module holds: its links, files and e-materials, each kind paged on its own (as the API pages them), each item
 * with Edit and Delete; its online tests (their own editor); and the form that adds one.
 */
import { Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQueries, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { ConfirmDelete } from '../confirm-delete.tsx';
import { apiPageSize, Pager } from '../pager.tsx';
import { ItemAddForm } from './item-add-form.tsx';
import { ItemEditForm } from './item-edit-form.tsx';
import type { ModuleParent } from './module-api.ts';
import { deleteItem, type ItemKind, itemPage, type ModuleItem } from './module-item-api.ts';

const kinds: { kind: ItemKind; label: string; plural: string }[] = [
  { kind: 'link', label: 'Link', plural: 'Links' },
  { kind: 'file', label: 'File', plural: 'Files' },
  { kind: 'content', label: 'E-material', plural: 'E-materials' },
];

// The online tests' editor is fetched when a module is shown, apart from the console's first load.
const ModuleTests = lazy(async () => ({ default: (await import('./module-tests.tsx')).ModuleTests }));

/** What an item's deletion takes with it (docs/compatibility.md: deleting an entity deletes its marks and progress). */
function itemGoes(kind: ItemKind): string[] {
  const progress = "learners' progress and completion on it";
  return kind === 'file' ? [progress, 'the stored file'] : [progress];
}

/** The items of one module, and the form that adds one. */
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
  const [starts, setStarts] = useState<Record<ItemKind, number>>({ link: 0, file: 0, content: 0 });
  const [editing, setEditing] = useState<ModuleItem | null>(null);
  const pages = useQueries({
    queries: kinds.map(({ kind }) => ({
      queryKey: [...key, kind, starts[kind]],
      queryFn: () => itemPage(parent, moduleId, kind, starts[kind]),
      placeholderData: keepPreviousData,
    })),
  });
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const remove = async (item: ModuleItem, shown: number) => {
    await deleteItem(parent, moduleId, item);
    // The last item of a later page went: show the page before it.
    if (shown === 1 && starts[item.kind] > 0) setStarts({ ...starts, [item.kind]: starts[item.kind] - apiPageSize });
    await refresh();
  };
  const empty = pages.every((page, index) => page.data?.items.length === 0 && starts[kinds[index]!.kind] === 0);
  return (
    <Stack gap="xs">
      {pages.map((page) => page.error && <Text key={page.error.message}>{page.error.message}</Text>)}
      {empty && <Text size="sm">Nothing in this module yet.</Text>}
      {kinds.map(({ kind, label, plural }, index) => {
        const data = pages[index]?.data;
        if (data === undefined || (data.items.length === 0 && starts[kind] === 0)) return null;
        return (
          <div key={kind}>
            <List aria-label={`${plural} of ${moduleName}`}>
              {data.items.map((item) => (
                <List.Item key={item.id}>
                  <Group gap="xs">
                    <Text span>{item.name}</Text>
                    <Badge variant="light">{label}</Badge>
                    {item.mandatory && <Badge variant="outline">Mandatory</Badge>}
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(item)}
                      aria-label={`Edit ${item.name}`}
                    >
                      Edit
                    </Button>
                    <ConfirmDelete
                      what={label.toLowerCase()}
                      name={item.name}
                      alsoDeleted={itemGoes(kind)}
                      onDelete={() => remove(item, data.items.length)}
                    />
                  </Group>
                </List.Item>
              ))}
            </List>
            <Pager
              startIndex={starts[kind]}
              shown={data.items.length}
              hasMore={data.hasMore}
              onChange={(start) => setStarts({ ...starts, [kind]: start })}
              label={`${plural.toLowerCase()} of ${moduleName}`}
            />
          </div>
        );
      })}
      <Suspense fallback={null}>
        <ModuleTests parent={parent} moduleId={moduleId} moduleName={moduleName} />
      </Suspense>
      <ItemAddForm parent={parent} moduleId={moduleId} moduleName={moduleName} onAdded={refresh} />
      {editing !== null && (
        <Modal
          closeButtonProps={{ 'aria-label': 'Close' }}
          opened
          onClose={() => setEditing(null)}
          title={`Edit “${editing.name}”`}
        >
          <ItemEditForm
            parent={parent}
            moduleId={moduleId}
            item={editing}
            onCancel={() => setEditing(null)}
            onSaved={async () => {
              setEditing(null);
              await refresh();
            }}
          />
        </Modal>
      )}
    </Stack>
  );
}
