/**
 * Deactivating or reactivating a person, after a dialog that says what it does (the API's rules, docs/people.md):
 * waitlist places are given up, seats and history kept, sign-in and tokens refused until reactivation.
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import { useAction } from '../use-action.ts';
import type { Employee } from './api-types.ts';

/** The button and its confirmation; `onChanged` gets the person as they now are and the places given up. */
export function StatusAction({
  person,
  onChanged,
}: {
  person: Employee;
  onChanged: (person: Employee, leftWaitlists: number) => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const { error, busy, run } = useAction();
  const deactivating = person.status === 'active';
  const action = deactivating ? 'Deactivate' : 'Reactivate';

  const confirm = () =>
    run(async () => {
      const params = { path: { erecno: person.erecno } };
      const answer = resultOf(
        deactivating
          ? await api.POST('/lectern/v1/employees/{erecno}/deactivate', { params })
          : await api.POST('/lectern/v1/employees/{erecno}/reactivate', { params }),
      );
      onChanged(answer.employee, answer.leftWaitlists.length);
      close();
    });

  return (
    <>
      <Button color={deactivating ? 'red' : undefined} variant={deactivating ? 'outline' : 'filled'} onClick={open}>
        {action} {person.displayName}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={opened}
        onClose={close}
        title={`${action} ${person.displayName}?`}
        size="lg"
      >
        <Stack>
          {deactivating ? (
            <>
              <Text>When {person.displayName} is deactivated:</Text>
              <List>
                <List.Item>every waitlist place they hold is given up (the places are not kept for them);</List.Item>
                <List.Item>
                  they keep their seats in courses and batches, their history, progress, marks and attendance;
                </List.Item>
                <List.Item>
                  they cannot sign in, their tokens are refused, and they cannot be enrolled or made a trainer.
                </List.Item>
              </List>
              <Text>Reactivating them later gives all of this back, except the waitlist places.</Text>
            </>
          ) : (
            <Text>
              {person.displayName} can sign in again; the seats they kept and their tokens work again. Waitlist places
              given up at deactivation are not given back.
            </Text>
          )}
          {error !== undefined && (
            <Alert color="red" title={`Could not ${action.toLowerCase()}`} role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color={deactivating ? 'red' : undefined} loading={busy} onClick={confirm}>
              {action}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
