import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import classes from './SettingsPage.module.css';

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  // useId: titles in Chinese have no \w characters to build a unique id from.
  const id = `settings-${useId().replace(/:/g, '')}`;
  return (
    <Paper withBorder radius="md" px="lg" py="sm" component="section" aria-labelledby={id}>
      <Stack gap={2} pt="xs">
        <Title order={2} size="h5" id={id}>
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Paper>
  );
}

export function Row({
  label,
  hint,
  children,
}: {
  label: ReactNode;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className={classes.row}>
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </div>
      <div>{children}</div>
    </div>
  );
}
