/** A table's horizontal scroll on narrow screens, reachable by keyboard (a scrolling region must take focus). */
import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/** Wraps a wide table: scrolls sideways below its width, focusable and named for screen readers. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  // tabIndex: a scrolling region must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable).
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </Box>
  );
}
