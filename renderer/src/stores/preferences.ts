import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type Language = 'en' | 'zh-CN';
export type ColorSchemePreference = 'auto' | 'light' | 'dark';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

interface PreferencesState {
  language: Language;
  colorScheme: ColorSchemePreference;
  /** The currency a new client starts with: the one the consultant used last. */
  lastCurrency: string | null;
  setLanguage: (language: Language) => void;
  setColorScheme: (colorScheme: ColorSchemePreference) => void;
  setLastCurrency: (currency: string) => void;
}

function systemLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** UI-only preferences of this machine's user; the data file never sees them. */
export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      language: systemLanguage(),
      colorScheme: 'auto',
      lastCurrency: null,
      setLanguage: (language) => set({ language }),
      setColorScheme: (colorScheme) => set({ colorScheme }),
      setLastCurrency: (lastCurrency) => set({ lastCurrency }),
    }),
    {
      name: 'engagement-desk:preferences',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ language, colorScheme, lastCurrency }) => ({
        language,
        colorScheme,
        lastCurrency,
      }),
    },
  ),
);
