import { Button, Center, EmptyState } from '@mantine/core';
import { IconAlertTriangle, IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown when a route fails to render or to load; the rest of the app stays usable. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="xl">
      <EmptyState
        icon={<IconAlertTriangle size={28} />}
        variant="light"
        color="red"
        title={t('routeError.title')}
        description={t('routeError.description')}
      >
        <EmptyState.Actions>
          <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center p="xl" mih={400}>
      <EmptyState
        icon={<IconMapOff size={28} />}
        withIndicatorBackground
        title={t('notFound.title')}
        description={t('notFound.description')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/clients">
            {t('notFound.back')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
