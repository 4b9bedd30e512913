import { Button, Group } from '@mantine/core';
import { IconArchive, IconPlus, IconSearchOff, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListEmpty } from '../../../components/ListStates';

/** Nothing in the data file yet: the one thing to do is create a client. */
export function FirstClientState() {
  const { t } = useTranslation();
  return (
    <ListEmpty
      first
      icon={<IconUsers size={30} />}
      title={t('clients.empty.title')}
      description={t('clients.empty.description')}
      actions={
        <Button
          component={Link}
          to="/clients/new"
          size="md"
          leftSection={<IconPlus size={18} aria-hidden />}
        >
          {t('clients.empty.action')}
        </Button>
      }
    />
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
    <ListEmpty
      icon={<IconArchive size={28} />}
      title={t(`clients.${archived === 'archived' ? 'emptyArchived' : 'emptyActive'}.title`)}
      description={t(
        `clients.${archived === 'archived' ? 'emptyArchived' : 'emptyActive'}.description`,
      )}
      actions={
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
      }
    />
  );
}

export function NoResultsState({ search, onClear }: { search: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <ListEmpty
      icon={<IconSearchOff size={28} />}
      title={t('clients.noResults.title')}
      description={t('clients.noResults.description', { search })}
      actions={
        <Button variant="default" onClick={onClear}>
          {t('clients.search.clear')}
        </Button>
      }
    />
  );
}
