/** Previous and next buttons under a paged list, with the range shown ("26–50"): the one pager of every list. */
import { Button, Group, Text } from '@mantine/core';

/** The API's page: every list answers 25 records from `startIndex`, and `hasMoreRecords`. */
export const apiPageSize = 25;

/** The pager; hidden when everything fits one page. `label` names the list when a page holds several pagers. */
export function Pager({
  startIndex,
  shown,
  pageSize = apiPageSize,
  hasMore,
  onChange,
  label,
}: {
  startIndex: number;
  shown: number;
  pageSize?: number;
  hasMore: boolean;
  onChange: (startIndex: number) => void;
  label?: string;
}) {
  if (startIndex === 0 && !hasMore) return null;
  return (
    <Group
      justify="space-between"
      mt="md"
      role="group"
      aria-label={label === undefined ? 'Pages' : `Pages of ${label}`}
    >
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
