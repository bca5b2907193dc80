/**
 * Moving a session: the new day and times (from a drag on the calendar, or typed: the keyboard's way to do the same),
 * the clashes the server finds for that slot (trainer or room already busy), and Save through the session update.
 */
import { Alert, Button, Group, List, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { zohoFromIso, zohoFromTime24 } from './formats.ts';
import { type BatchSession, checkConflicts, type SessionPath, updateSession } from './session-api.ts';

/** A move to confirm: the session, where it lives, and the proposed slot (YYYY-MM-DD, HH:MM). */
export interface ProposedMove {
  session: BatchSession;
  path: SessionPath;
  date: string;
  startTime: string;
  endTime: string;
}

/** The confirm dialog of a move; `onClose(saved)` tells the calendar whether to keep the event where it was dropped. */
export function RescheduleDialog({ move, onClose }: { move: ProposedMove; onClose: (saved: boolean) => void }) {
  const [slot, setSlot] = useState({ date: move.date, startTime: move.startTime, endTime: move.endTime });
  const complete = slot.date !== '' && slot.startTime !== '' && slot.endTime !== '';
  const apiSlot = {
    date: complete ? zohoFromIso(slot.date) : '',
    startTime: complete ? zohoFromTime24(slot.startTime) : '',
    endTime: complete ? zohoFromTime24(slot.endTime) : '',
  };
  const check = useQuery({
    queryKey: ['session-conflicts', move.session.sessionId, apiSlot],
    enabled: complete,
    queryFn: () => checkConflicts(move.path, move.session.sessionId, apiSlot),
    retry: false,
  });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => updateSession(move.path, move.session.sessionId, apiSlot),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin-sessions'] });
      onClose(true);
    },
  });
  const conflicts = check.data?.conflicts ?? [];
  const refused = check.data?.savingRefused ?? false;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={() => onClose(false)}
      title={`Reschedule “${move.session.sessionName}”`}
      size="lg"
    >
      <Stack>
        <Text size="sm">Times are wall-clock times in {move.session.timeZone}, where the session is held.</Text>
        <TextInput
          type="date"
          label="New date"
          value={slot.date}
          onChange={(e) => setSlot({ ...slot, date: e.currentTarget.value })}
        />
        <Group grow align="flex-start">
          <TextInput
            type="time"
            label="New start"
            value={slot.startTime}
            onChange={(e) => setSlot({ ...slot, startTime: e.currentTarget.value })}
          />
          <TextInput
            type="time"
            label="New end"
            value={slot.endTime}
            onChange={(e) => setSlot({ ...slot, endTime: e.currentTarget.value })}
          />
        </Group>
        {check.isFetching && <Loader size="sm" aria-label="Checking for clashes" />}
        {check.isError && (
          <Alert
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
            color="red"
            title="This time cannot be checked"
            role="alert"
          >
            {check.error.message}
          </Alert>
        )}
        {check.isSuccess && conflicts.length === 0 && (
          <Alert
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
            color="teal"
            title="No clashes"
            role="status"
          >
            The trainer and the room are free at this time.
          </Alert>
        )}
        {conflicts.length > 0 && (
          <Alert
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
            color="orange"
            title="Clashes at this time"
            role="alert"
            data-testid="session-clashes"
          >
            <List>
              {conflicts.map((conflict) => (
                <List.Item key={`${conflict.code}-${conflict.sessionId}`}>{conflict.message}</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              {refused
                ? 'This portal does not allow double bookings: pick another time, trainer or room.'
                : 'You may still save: the clash will be recorded as a warning.'}
            </Text>
          </Alert>
        )}
        {save.isError && (
          <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Not saved" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!check.isSuccess || check.isFetching || refused}
          >
            {conflicts.length > 0 ? 'Save anyway' : 'Save new time'}
          </Button>
          <Button variant="default" onClick={() => onClose(false)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
