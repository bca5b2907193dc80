/** The trainer desk: my sessions. */
import { Stack, Title } from '@mantine/core';
import { currentSession } from '../session.ts';
import { SessionList } from './session-list.tsx';

/** The signed-in trainer's upcoming sessions. */
export function TrainerSessions() {
  const erecno = currentSession()?.person.erecno ?? '';
  return (
    <Stack>
      <Title order={1}>My sessions</Title>
      <SessionList erecno={erecno} limit={100} caption="Your upcoming sessions" />
    </Stack>
  );
}
