/** The sessions of a batch: a table with Edit and Reschedule on each, and a form for a new one. */
import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ScrollRegion } from '../scroll-region.tsx';
import { isoFromZoho, sessionWhenText, time24FromZoho } from './formats.ts';
import { listModules } from './module-api.ts';
import { type ProposedMove, RescheduleDialog } from './reschedule-dialog.tsx';
import { type BatchSession, createSession, listBatchSessions, updateSession } from './session-api.ts';
import { type SessionFields, SessionForm, sessionDataOf, sessionFieldsOf } from './session-form.tsx';

/** The sessions of one batch, newest query shared with the calendar. */
export function useBatchSessions(courseId: string, batchId: string) {
  return useQuery({
    queryKey: ['admin-sessions', courseId, batchId],
    queryFn: () => listBatchSessions(courseId, batchId),
  });
}

/** The move dialog's starting point for a session: where it is now (the keyboard's reschedule). */
export function moveOf(courseId: string, batchId: string, session: BatchSession): ProposedMove {
  return {
    session,
    path: { courseId, batchId, moduleId: session.moduleId },
    date: isoFromZoho(session.sessionStartDate),
    startTime: time24FromZoho(session.sessionStartTime),
    endTime: time24FromZoho(session.sessionEndTime),
  };
}

/** Sessions of the batch. */
export function SessionSection({
  courseId,
  batchId,
  startDate,
}: {
  courseId: string;
  batchId: string;
  startDate: string;
}) {
  const sessions = useBatchSessions(courseId, batchId);
  const modules = useQuery({
    queryKey: ['admin-modules', courseId, batchId],
    queryFn: () => listModules({ courseId, batchId }),
  });
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<BatchSession | 'new' | null>(null);
  const [move, setMove] = useState<ProposedMove | null>(null);
  const moduleOptions = (modules.data ?? []).map((m) => ({ value: m.moduleId, label: m.moduleName }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin-sessions'] });
  const save = async (fields: SessionFields) => {
    const path = { courseId, batchId, moduleId: fields.moduleId };
    if (editing === 'new') await createSession(path, sessionDataOf(fields));
    else if (editing !== null) await updateSession(path, editing.sessionId, sessionDataOf(fields));
    setEditing(null);
    await refresh();
  };
  if (sessions.isPending) return <Loader aria-label="Loading sessions" />;
  if (sessions.isError)
    return (
      <Alert styles={{ title: { color: 'var(--mantine-color-text)' } }} color="red" title="Could not load the sessions">
        {sessions.error.message}
      </Alert>
    );
  const blank: SessionFields = {
    moduleId: moduleOptions[0]?.value ?? '',
    name: '',
    type: '0',
    date: startDate,
    startTime: '10:00',
    endTime: '12:00',
    trainerErecno: '',
    roomId: '',
    description: '',
  };
  return (
    <Stack>
      {sessions.data.length === 0 ? (
        <Text>No sessions yet.</Text>
      ) : (
        <ScrollRegion label="Sessions">
          <Table striped captionSide="top">
            <Table.Caption>Sessions of the batch</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Session</Table.Th>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Trainer</Table.Th>
                <Table.Th scope="col">Room</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((session) => (
                <Table.Tr key={session.sessionId}>
                  <Table.Td>{session.sessionName}</Table.Td>
                  <Table.Td>{sessionWhenText(session)}</Table.Td>
                  <Table.Td>{session.sessionTrainer}</Table.Td>
                  <Table.Td>{session.sessionRoom}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(session)}
                        aria-label={`Edit ${session.sessionName}`}
                      >
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setMove(moveOf(courseId, batchId, session))}
                        aria-label={`Reschedule ${session.sessionName}`}
                      >
                        Reschedule
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <div>
        <Button variant="default" onClick={() => setEditing('new')} disabled={moduleOptions.length === 0}>
          New session
        </Button>
        {moduleOptions.length === 0 && (
          <Text size="sm" mt="xs">
            Sessions belong to a module: add a module to this batch first.
          </Text>
        )}
      </div>
      {editing !== null && (
        <Modal
          closeButtonProps={{ 'aria-label': 'Close' }}
          opened
          onClose={() => setEditing(null)}
          title={editing === 'new' ? 'New session' : 'Edit session'}
          size="lg"
        >
          <SessionForm
            initial={editing === 'new' ? blank : sessionFieldsOf(editing)}
            modules={moduleOptions}
            moduleFixed={editing !== 'new'}
            submitLabel={editing === 'new' ? 'Create session' : 'Save session'}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
      {move !== null && <RescheduleDialog move={move} onClose={() => setMove(null)} />}
    </Stack>
  );
}
