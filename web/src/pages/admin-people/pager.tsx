/** Previous and next buttons under a paged list, with the range shown ("26–50"). */
import { Button, Group, Text } from '@mantine/core';

/** The pager; hidden when everything fits one page. */
export function Pager({
  startIndex,
  shown,
  pageSize,
  hasMore,
  onChange,
}: {
  startIndex: number;
  shown: number;
  pageSize: number;
  hasMore: boolean;
  onChange: (startIndex: number) => void;
}) {
  if (startIndex === 0 && !hasMore) return null;
  return (
    <Group justify="space-between" mt="md">
      <Button
        variant="default"
        disabled={startIndex === 0}
        onClick={() => onChange(Math.max(0, startIndex - pageSize))}
      >
        Previous page
      </Button>
      <Text size="sm">
        {shown === 0 ? 0 : startIndex + 1}–{startIndex + shown}
      </Text>
      <Button variant="default" disabled={!hasMore} onClick={() => onChange(startIndex + pageSize)}>
        Next page
      </Button>
    </Group>
  );
}
