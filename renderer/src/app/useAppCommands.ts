import { useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/** What the Electron menu sends through the preload as a `window` CustomEvent. */
export const MENU_EVENT = 'engagement-desk:menu';
export type MenuCommand = 'new-client' | 'settings';

/**
 * App-wide commands, from the keyboard (Ctrl/Cmd+N, Ctrl/Cmd+,) and from the application
 * menu. Both work while typing in a field: they are the app's own shortcuts.
 */
export function useAppCommands(): void {
  const navigate = useNavigate();

  useHotkeys(
    [
      ['mod+N', () => navigate('/clients/new')],
      ['mod+,', () => navigate('/settings')],
    ],
    [],
  );

  useEffect(() => {
    const onMenu = (event: Event) => {
      const command = (event as CustomEvent<unknown>).detail;
      if (command === 'new-client') navigate('/clients/new');
      else if (command === 'settings') navigate('/settings');
    };
    window.addEventListener(MENU_EVENT, onMenu);
    return () => window.removeEventListener(MENU_EVENT, onMenu);
  }, [navigate]);
}
