import {
  createTheme,
  type MantineColorScheme,
  type MantineColorSchemeManager,
} from '@mantine/core';
import { usePreferences } from '../stores/preferences';

// Mantine's system stack, then CJK faces each platform ships, so 简体中文 never falls
// back to a random font.
const FONT_STACK = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  'Helvetica',
  'Arial',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
  '"Apple Color Emoji"',
  '"Segoe UI Emoji"',
].join(', ');

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'md',
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '650' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true } },
    Drawer: { defaultProps: { overlayProps: { backgroundOpacity: 0.35, blur: 1 } } },
    Modal: {
      defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.4, blur: 1 } },
      styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } },
    },
  },
});

/** Mantine reads and writes the theme override through the preferences store. */
export function preferencesColorSchemeManager(): MantineColorSchemeManager {
  let unsubscribe: (() => void) | undefined;
  return {
    get: (defaultValue) => usePreferences.getState().colorScheme ?? defaultValue,
    set: (value: MantineColorScheme) => usePreferences.getState().setColorScheme(value),
    subscribe: (onUpdate) => {
      unsubscribe = usePreferences.subscribe((state, previous) => {
        if (state.colorScheme !== previous.colorScheme) onUpdate(state.colorScheme);
      });
    },
    unsubscribe: () => unsubscribe?.(),
    clear: () => usePreferences.getState().setColorScheme('auto'),
  };
}

/** Sets the scheme attribute before React renders, so a dark-mode user never sees a flash. */
export function applyInitialColorScheme(): void {
  const preference = usePreferences.getState().colorScheme;
  const dark =
    preference === 'dark' ||
    (preference === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.setAttribute('data-mantine-color-scheme', dark ? 'dark' : 'light');
}
