/** The sessions of a batch, 25 a page: a table with Edit, Reschedule and Delete on each, and a form for a new one. */
import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDelete } from '../confirm-delete.tsx';
import { apiPageSize, Pager } from '../pager.tsx';
import { ScrollRegion } from '../scroll-region.tsx';
import { isoFromZoho, sessionWhenText, time24FromZoho } from './formats.ts';
import { listModules } from './module-api.ts';
import { type ProposedMove, RescheduleDialog } from './reschedule-dialog.tsx';
import { type BatchSession, batchSessionPage, createSession, deleteSession, updateSession } from './session-api.ts';
import { type SessionFields, SessionForm, sessionDataOf, sessionFieldsOf } from './session-form.tsx';

/** One page of a batch's sessions; under the calendar's key, so a move there refreshes it. */
export function useBatchSessions(courseId: string, batchId: string, startIndex: number) {
  return useQuery({
    queryKey: ['admin-sessions', courseId, batchId, 'page', startIndex],
    queryFn: () => batchSessionPage(courseId, batchId, startIndex),
    placeholderData: keepPreviousData,
  });
}

/** What a session's deletion takes with it (docs/compatibility.md, Session API). */
const sessionGoes = [
  'its attendance marks',
  'its place in calendars: learners and the trainer are sent a cancellation when the batch is published',
];

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
  const [startIndex, setStartIndex] = useState(0);
  const sessions = useBatchSessions(courseId, batchId, startIndex);
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
  const remove = async (session: BatchSession) => {
    await deleteSession({ courseId, batchId, moduleId: session.moduleId }, session.sessionId);
    // The last session of a later page went: show the page before it.
    if (sessions.data?.sessions.length === 1 && startIndex > 0) setStartIndex(startIndex - apiPageSize);
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
      {sessions.data.sessions.length === 0 ? (
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
              {sessions.data.sessions.map((session) => (
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
                      <ConfirmDelete
                        what="session"
                        name={session.sessionName}
                        alsoDeleted={sessionGoes}
                        onDelete={() => remove(session)}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <Pager
        startIndex={startIndex}
        shown={sessions.data.sessions.length}
        hasMore={sessions.data.hasMore}
        onChange={setStartIndex}
        label="sessions"
      />
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
