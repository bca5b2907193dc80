/**
 * A Delete button that asks first, in a dialog saying what else goes with the thing (a batch's sessions, learners'
 * progress), since the API deletes those in the same call and nothing brings them back.
 */
import { Alert, Button, type ButtonProps, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useAction } from './use-action.ts';

/** The button and its dialog; `onDelete` does the call and throws what the API refused, shown in the dialog. */
export function ConfirmDelete({
  what,
  name,
  alsoDeleted,
  onDelete,
  size = 'xs',
}: {
  /** The kind of thing, as the dialog names it: "batch", "session", "link". */
  what: string;
  name: string;
  /** What goes with it, one phrase each ("its sessions and their attendance"). */
  alsoDeleted: string[];
  onDelete: () => Promise<void>;
  size?: ButtonProps['size'];
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const { error, busy, run } = useAction();
  const confirm = async () => {
    if (await run(onDelete)) close();
  };
  return (
    <>
      <Button size={size} variant="default" onClick={open} aria-label={`Delete ${what} ${name}`}>
        Delete
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={opened}
        onClose={close}
        title={`Delete the ${what} “${name}”?`}
      >
        <Stack>
          {alsoDeleted.length > 0 && (
            <>
              <Text>This also deletes:</Text>
              <List>
                {alsoDeleted.map((phrase) => (
                  <List.Item key={phrase}>{phrase}</List.Item>
                ))}
              </List>
            </>
          )}
          <Text>This cannot be undone.</Text>
          {error !== undefined && (
            <Alert
              styles={{ title: { color: 'var(--mantine-color-text)' } }}
              color="red"
              title="Not deleted"
              role="alert"
            >
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={confirm}>
              Delete {what}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
