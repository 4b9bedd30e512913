import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatches } from 'react-router';
import type { RouteHandle } from './router';

/** The deepest route's title, also written to the window title. */
export function usePageTitle(): string {
  const { t } = useTranslation();
  const matches = useMatches();
  const handle = [...matches]
    .reverse()
    .map((match) => match.handle as RouteHandle | undefined)
    .find((h) => h?.title);
  const title = handle ? t(handle.title) : '';
  const appName = t('app.name');

  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);

  return title;
}
