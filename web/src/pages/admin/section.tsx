/** A titled, bordered section of an admin page (each tool of the control room sits in one). */
import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The section frame: a landmark named by its title. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
