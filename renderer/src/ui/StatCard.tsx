import { Paper, Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** The small uppercase caption over a figure or a block of text. */
export function StatLabel({ children, ...props }: TextProps & { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" tt="uppercase" fw={600} {...props}>
      {children}
    </Text>
  );
}

/**
 * One figure in a bordered card: caption, value (tabular digits), an optional hint below.
 * `compact` is the smaller card used in panels; the default is the page-level one.
 */
export function StatCard({
  label,
  value,
  hint,
  testId,
  compact = false,
}: {
  label: string;
  value: ReactNode;
  hint?: string | undefined;
  testId?: string | undefined;
  compact?: boolean;
}) {
  return (
    <Paper withBorder radius="md" p={compact ? 'sm' : 'md'}>
      <StatLabel>{label}</StatLabel>
      <Text size={compact ? 'lg' : 'xl'} fw={700} className="tabular" data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
