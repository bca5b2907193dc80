/** One headline number of the admin console (a label and a count). */
import { Paper, Text } from '@mantine/core';

/** A labelled number. */
export function StatCard({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="sm">{label}</Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}
