import { Button, Center, EmptyState, Group } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArchive,
  IconPlus,
  IconSearchOff,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <Center
      flex={1}
      mih={320}
      style={{
        border: '1px dashed var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
      }}
    >
      {children}
    </Center>
  );
}

/** Nothing in the data file yet: the one thing to do is create a client. */
export function FirstClientState() {
  const { t } = useTranslation();
  return (
    <Frame>
      <EmptyState
        size="lg"
        variant="light"
        icon={<IconUsers size={30} />}
        title={t('clients.empty.title')}
        description={t('clients.empty.description')}
        maw={460}
      >
        <EmptyState.Actions>
          <Button
            component={Link}
            to="/clients/new"
            size="md"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('clients.empty.action')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Frame>
  );
}

/** Clients exist, but none under the chosen filter. */
export function EmptyFilterState({
  archived,
  onShowAll,
}: {
  archived: 'active' | 'archived';
  onShowAll: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Frame>
      <EmptyState
        withIndicatorBackground
        icon={<IconArchive size={28} />}
        title={
          archived === 'archived'
            ? t('clients.emptyArchived.title')
            : t('clients.emptyActive.title')
        }
        description={
          archived === 'archived'
            ? t('clients.emptyArchived.description')
            : t('clients.emptyActive.description')
        }
        maw={460}
      >
        <EmptyState.Actions>
          <Group gap="sm" justify="center">
            <Button variant="default" onClick={onShowAll}>
              {t('clients.emptyFilter.showAll')}
            </Button>
            <Button
              component={Link}
              to="/clients/new"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('clients.new')}
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </Frame>
  );
}

export function NoResultsState({ search, onClear }: { search: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Frame>
      <EmptyState
        withIndicatorBackground
        icon={<IconSearchOff size={28} />}
        title={t('clients.noResults.title')}
        description={t('clients.noResults.description', { search })}
        maw={460}
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={onClear}>
            {t('clients.search.clear')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Frame>
  );
}

export function LoadErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Frame>
      <EmptyState
        variant="light"
        color="red"
        icon={<IconAlertTriangle size={28} />}
        title={t('clients.loadError.title')}
        description={message}
        maw={460}
      >
        <EmptyState.Actions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    </Frame>
  );
}
