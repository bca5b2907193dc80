/**
 * The completion distribution as a bar chart (Recharts). Loaded lazily: Recharts stays out of the initial bundle.
 * The same numbers are in a table beside it, so the chart itself is a picture for screen readers.
 */
import { useComputedColorScheme } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompletionBand } from './progress-data.ts';

/** The chart of learners per completion band. */
export default function CompletionChart({ bands }: { bands: CompletionBand[] }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const ink = dark ? '#c9c9c9' : '#373a40';
  const summary = bands.map((band) => `${band.label}: ${band.learners}`).join(', ');
  return (
    <div
      role="img"
      aria-label={`Learners by completion. ${summary}`}
      data-testid="completion-chart"
      style={{ height: 260 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bands} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke={dark ? '#444' : '#ddd'} />
          <XAxis dataKey="label" tick={{ fill: ink, fontSize: 12 }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fill: ink, fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="learners" name="Learners" fill={dark ? '#4dabf7' : '#1c7ed6'} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
