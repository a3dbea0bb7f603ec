import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import { TitledSection } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';

/** The declaration's sections, in the order of AgID's model (Linee guida sull'accessibilità, allegato 1). */
const SECTIONS = ['status', 'notAccessible', 'preparation', 'feedback', 'enforcement', 'application'] as const;

/** The items under a section, where it has a list. */
const ITEMS: Partial<Record<(typeof SECTIONS)[number], number>> = { notAccessible: 3, preparation: 3, application: 3 };

/**
 * The accessibility declaration (dichiarazione di accessibilità) of the application, after
 * AgID's model (L. 4/2004, Linee guida AgID, EN 301 549): conformity status, what is not yet
 * accessible and why, how it was assessed, how to report a problem and to whom to turn then.
 * Public: a Comune links it from its site, and a person who cannot log in must be able to read it.
 */
export default function AccessibilityPage() {
  const { t } = useI18n();
  usePageTitle(t('accessibility.title'));
  return (
    <article className="col-lg-9">
      <h1 className="h2">{t('accessibility.title')}</h1>
      <p className="lead">{t('accessibility.intro')}</p>
      {SECTIONS.map((section) => (
        <TitledSection
          id={`accessibility-${section}`}
          title={t(`accessibility.${section}.title` as MessageKey)}
          key={section}
          className="mb-4"
        >
          <p>{t(`accessibility.${section}.text` as MessageKey)}</p>
          {ITEMS[section] ? (
            <ul>
              {Array.from({ length: ITEMS[section] }, (_, index) => `accessibility.${section}.item${index + 1}` as MessageKey).map(
                (key) => (
                  <li key={key}>{t(key)}</li>
                ),
              )}
            </ul>
          ) : null}
        </TitledSection>
      ))}
      <p>
        <a href="https://form.agid.gov.it" rel="noopener noreferrer">
          {t('accessibility.agidForm')}
        </a>
      </p>
    </article>
  );
}
