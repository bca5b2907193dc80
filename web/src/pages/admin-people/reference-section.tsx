/**
 * One kind of reference data (locations, rooms, categories): a paged table with edit and delete on each row, and an
 * add button. Forms are the kind's own; deleting asks first and shows the API's refusal (409: what uses the item).
 */
import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Pager } from '../pager.tsx';
import { ScrollRegion } from '../scroll-region.tsx';
import { useAction } from '../use-action.ts';

/** A page of items as the list endpoints answer it. */
export interface ItemPage<T> {
  items: T[];
  hasMore: boolean;
}

/** A column of the table. */
export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  visibleFrom?: 'sm' | 'md';
}

/** What a kind's form gets: the item to edit (none: a new one), and what to call when it is saved or dropped. */
export interface FormProps<T> {
  item: T | undefined;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** The kind's section. */
export function ReferenceSection<T>({
  title,
  noun,
  queryKey,
  list,
  columns,
  idOf,
  nameOf,
  Form,
  remove,
}: {
  title: string;
  /** The item's kind in a sentence: "location", "course category". */
  noun: string;
  queryKey: string;
  list: (startIndex: number) => Promise<ItemPage<T>>;
  columns: Column<T>[];
  idOf: (item: T) => string;
  nameOf: (item: T) => string;
  Form: (props: FormProps<T>) => ReactNode;
  remove: (item: T) => Promise<void>;
}) {
  const [startIndex, setStartIndex] = useState(0);
  const [editing, setEditing] = useState<{ item: T | undefined } | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const { error: deleteError, busy, run, clearError } = useAction();
  const [notice, setNotice] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const page = useQuery({
    queryKey: [queryKey, startIndex],
    queryFn: () => list(startIndex),
    placeholderData: keepPreviousData,
  });
  // Everything: a renamed location shows in the rooms list, a new one in the room form's picker.
  const refresh = () => queryClient.invalidateQueries();

  const confirmDelete = async () => {
    if (deleting === null) return;
    await run(async () => {
      await remove(deleting);
      setNotice(`Deleted ${nameOf(deleting)}.`);
      setDeleting(null);
      await refresh();
    });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Button onClick={() => setEditing({ item: undefined })}>Add {noun}</Button>
      </Group>
      {notice !== undefined && (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(undefined)}
        >
          {notice}
        </Alert>
      )}
      {page.isPending ? (
        <Loader aria-label={`Loading ${title.toLowerCase()}`} />
      ) : page.isError ? (
        <Alert color="red" title={`Could not load the ${title.toLowerCase()}`}>
          {page.error.message}
        </Alert>
      ) : (
        <>
          <ScrollRegion label={title}>
            <Table striped highlightOnHover captionSide="top">
              <Table.Caption>{title} of the portal</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column.header} scope="col" visibleFrom={column.visibleFrom}>
                      {column.header}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.items.map((item) => (
                  <Table.Tr key={idOf(item)}>
                    {columns.map((column) => (
                      <Table.Td key={column.header} visibleFrom={column.visibleFrom}>
                        {column.cell(item)}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" variant="default" onClick={() => setEditing({ item })}>
                          Edit<VisuallyHidden> {nameOf(item)}</VisuallyHidden>
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => {
                            clearError();
                            setDeleting(item);
                          }}
                        >
                          Delete<VisuallyHidden> {nameOf(item)}</VisuallyHidden>
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {page.data.items.length === 0 && <Text>None yet.</Text>}
          <Pager
            startIndex={startIndex}
            shown={page.data.items.length}
            hasMore={page.data.hasMore}
            onChange={setStartIndex}
          />
        </>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.item === undefined ? `Add a ${noun}` : `Edit ${nameOf(editing.item)}`}
        size="lg"
      >
        {editing !== null && (
          <Form
            item={editing.item}
            onCancel={() => setEditing(null)}
            onSaved={async (name) => {
              setNotice(`Saved ${name}.`);
              setEditing(null);
              await refresh();
            }}
          />
        )}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete this ${noun}?`}
      >
        <Stack>
          <Text>
            {deleting !== null && nameOf(deleting)} is deleted for good. The API refuses while anything still uses it.
          </Text>
          {deleteError !== undefined && (
            <Alert color="red" title="Not deleted" role="alert">
              {deleteError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={confirmDelete}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
