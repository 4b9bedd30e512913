import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en as zodEn, zhCN as zodZhCN } from 'zod/v4/locales';
import { usePreferences, type Language } from '../stores/preferences';
import en from './en.json';
import zhCN from './zh-CN.json';

// Both catalogs must have every key; the compiler checks zh-CN against en.
const zhCatalog: typeof en = zhCN;

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  // zod's own wording for issues our catalog does not map (see ./validation.ts).
  z.config(language === 'zh-CN' ? zodZhCN() : zodEn());
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

const initial = usePreferences.getState().language;

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCatalog } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyLanguage(initial);

// Switching language in Settings re-renders everything live; no reload.
usePreferences.subscribe((state, previous) => {
  if (state.language !== previous.language) applyLanguage(state.language);
});

export { i18n };
