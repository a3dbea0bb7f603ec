/**
 * Registro dei trattamenti (GDPR art. 30): each section as Approdo generates it from what it
 * holds and how it is configured, in the UI's language, and the text the data protection
 * officer writes beside it (administrators edit it in place). The PDF prints it in Italian.
 */
import { useId } from 'react';
import type { ProcessingRegister, RegisterEntry, RegisterSection } from '../../../contracts/processing-register.js';
import { REGISTER_TEXT_MAX } from '../../../contracts/processing-register.js';
import { romeDateOf } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { TextAreaField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { EditableSection, type OnDemandForm, RecordForm, TitledSection, useChange, useFields } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';

function Entry({ entry }: { entry: RegisterEntry }) {
  const { t, locale } = useI18n();
  return (
    <li className="mb-2">
      {entry[locale]}
      {entry.special ? <span className="badge bg-warning text-dark ms-2">{t('register.special')}</span> : null}
      {entry.detail ? <div className="small text-secondary">{entry.detail[locale]}</div> : null}
      {entry.sources?.length ? (
        <details className="small">
          <summary>{t('register.sources')}</summary>
          <ul className="mb-0">
            {entry.sources.map((source) => (
              <li key={source}>
                <code>{source}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

function DpoTextForm({ section, title, reload, onDone }: { section: RegisterSection; title: string } & OnDemandForm) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ text: section.dpoText.text });
  const bound = boundTo(form, change);
  const save = async () => {
    const sent = await change.send(
      'PUT',
      `/processing-register/texts/${section.section}`,
      { version: section.dpoText.version, text: form.values.text },
      { success: t('register.saved') },
    );
    if (sent.ok) onDone();
  };
  return (
    <RecordForm change={change} onSubmit={save} label={t('register.editOf', { title })} small className="mb-3" onCancel={onDone} autoFocus>
      <TextAreaField label={t('register.dpoText')} hint={t('register.dpoHint')} rows={6} maxLength={REGISTER_TEXT_MAX} {...bound('text')} />
    </RecordForm>
  );
}

function SectionView({ section, canEdit, reload }: { section: RegisterSection; canEdit: boolean; reload(): void }) {
  const { t, locale, formatDate } = useI18n();
  const headingId = useId();
  const title = section.title[locale];
  const { dpoText } = section;
  return (
    <TitledSection id={headingId} title={title} className="mb-5" data-testid={`register-${section.section}`}>
      <ul>
        {section.entries.map((entry) => (
          <Entry key={entry.it} entry={entry} />
        ))}
      </ul>
      <EditableSection
        heading={<h3 className="h6 mb-0">{t('register.dpoText')}</h3>}
        editLabel={t('register.edit')}
        editName={t('register.editOf', { title })}
        canEdit={canEdit}
        form={(close) => <DpoTextForm section={section} title={title} reload={reload} onDone={close} />}
      >
        {dpoText.text ? (
          <>
            <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
              {dpoText.text}
            </p>
            {dpoText.updatedAt ? (
              <p className="small text-secondary">
                {t('register.updated', {
                  date: formatDate(romeDateOf(new Date(dpoText.updatedAt))),
                  name: dpoText.updatedBy?.displayName ?? '',
                })}
              </p>
            ) : null}
          </>
        ) : (
          <p className="text-secondary">{t('register.noText')}</p>
        )}
      </EditableSection>
    </TitledSection>
  );
}

export default function ProcessingRegisterPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const register = useApiGet<ProcessingRegister>('/processing-register');
  usePageTitle(t('register.title'));
  return (
    <>
      <h1 className="h2">{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <p>
        <a className="btn btn-outline-primary" href="/api/v1/processing-register.pdf" download>
          {t('register.pdf')}
        </a>
      </p>
      <ProblemAlert error={register.error} />
      {register.data?.sections.map((section) => (
        <SectionView key={section.section} section={section} canEdit={can('processing_register.write')} reload={register.reload} />
      ))}
    </>
  );
}
