import type { Locale } from '@core/api';
import { useTranslation } from 'react-i18next';

/** The languages a document is printed in. */
export const DOCUMENT_LANGUAGES: readonly Locale[] = ['en', 'zh-CN'];

/** Each document language by its own name ("English", "中文"), the same in either UI. */
export function useLanguageLabels(): Record<Locale, string> {
  const { t } = useTranslation();
  return { en: t('languages.en'), 'zh-CN': t('documents.chinese') };
}
