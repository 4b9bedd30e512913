import { Button, Center, EmptyState } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/apiErrors';

/** The dashed frame a list's empty, error (and no-results) states sit in. */
export function ListFrame({
  children,
  minHeight = 320,
}: {
  children: ReactNode;
  minHeight?: number;
}) {
  return (
    <Center
      flex={1}
      mih={minHeight}
      style={{
        border: '1px dashed var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
      }}
    >
      {children}
    </Center>
  );
}

export interface ListEmptyProps {
  icon: ReactNode;
  title: string;
  description?: string;
  /** Buttons; a Group of them when more than one. */
  actions?: ReactNode;
  /** Nothing in the data file yet: a larger, tinted state that invites the first record. */
  first?: boolean;
  maw?: number;
}

/** A list with no rows: nothing yet (`first`), or nothing under the search or filters. */
export function ListEmpty({ icon, title, description, actions, first, maw = 460 }: ListEmptyProps) {
  return (
    <ListFrame>
      <EmptyState
        {...(first ? { size: 'lg', variant: 'light' } : { withIndicatorBackground: true })}
        icon={icon}
        title={title}
        description={description}
        maw={maw}
      >
        {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </ListFrame>
  );
}

/** A list (or page) that could not be loaded: what went wrong, and Retry. */
export function ListError({
  title,
  error,
  onRetry,
  minHeight,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  minHeight?: number;
}) {
  const { t } = useTranslation();
  return (
    <ListFrame minHeight={minHeight}>
      <EmptyState
        variant="light"
        color="red"
        icon={<IconAlertTriangle size={28} />}
        title={title}
        description={typeof error === 'string' ? error : describeError(error, t)}
        maw={460}
      >
        <EmptyState.Actions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    </ListFrame>
  );
}
