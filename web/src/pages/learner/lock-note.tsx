/** Why something is locked, in the API's words, next to a locked module or entity. */
import { Text } from '@mantine/core';

/** The lock's reason, shown in words next to a locked module or entity. */
export function LockNote({ reason }: { reason: string }) {
  return (
    <Text size="sm" c="dimmed" fw={500}>
      <span aria-hidden="true">🔒 </span>
      {reason}
    </Text>
  );
}
