import { useEffect } from 'react';
import { useI18n } from './i18n/index.js';

/** Each page sets the document title, so screen-reader users hear where they are. */
export function usePageTitle(title: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
