/**
 * The privacy notice part of a person's file: a warning when the person was given none, or not
 * the centre's current version; the notices given; and the form that records one (today, the
 * current version, the language chosen). A notice recorded by mistake is deleted, not edited.
 */
import { useState } from 'react';
import { NOTICE_LANGUAGES, type PersonPrivacy, type PrivacyNotice } from '../../../contracts/privacy.js';
import { todayInRome } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { LoadedTable, RecordForm, TitledSection, useChange, useConfirm, useEditing, useFields } from '../../kit/index.js';
import { useSession } from '../../session.js';
import { NoticeVersionField } from './NoticeVersionField.js';

/** A language's name in the UI's language, from its ISO 639-1 code. */
export function useLanguageName(): (code: string) => string {
  const { locale } = useI18n();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return (code) => names.of(code) ?? code;
}

/** What the desk is told about a person's notice: none, not the current version, or the last one given. */
export function PrivacyNoticeStatus({ privacy }: { privacy: PersonPrivacy }) {
  const { t, formatDate } = useI18n();
  const languageName = useLanguageName();
  const last = privacy.notices[0];
  if (!last) {
    return (
      <div className="alert alert-warning mb-2" role="status">
        {t('privacy.missing')}
      </div>
    );
  }
  const given = { date: formatDate(last.givenOn), version: last.noticeVersion };
  return privacy.state === 'outdated' ? (
    <div className="alert alert-warning mb-2" role="status">
      {t('privacy.outdated', { ...given, current: privacy.currentVersion })}
    </div>
  ) : (
    <p className="mb-2">{t('privacy.current', { ...given, language: languageName(last.language) })}</p>
  );
}

function NoticeForm({
  personId,
  currentVersion,
  reload,
  onSaved,
  onCancel,
}: {
  personId: number;
  currentVersion: string;
  reload(): void;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const languageName = useLanguageName();
  const change = useChange({ reload });
  const form = useFields({ givenOn: todayInRome(), language: 'it', noticeVersion: currentVersion });
  const bound = boundTo(form, change);
  const save = async () => {
    const sent = await change.send('POST', `/people/${personId}/privacy-notices`, form.values);
    if (sent.ok) onSaved();
  };
  return (
    <RecordForm change={change} onSubmit={save} title={t('privacy.record')} titleAs="h3" onCancel={onCancel} autoFocus>
      <div className="row">
        <SelectField column="col-sm-6 col-md-4" label={t('privacy.language')} required {...bound('language')}>
          {NOTICE_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </SelectField>
        <TextField column="col-sm-6 col-md-4" label={t('privacy.givenOn')} type="date" max={todayInRome()} required {...bound('givenOn')} />
        <NoticeVersionField
          column="col-sm-6 col-md-4"
          label={t('privacy.version')}
          hint={t('privacy.versionHint', { current: currentVersion })}
          {...bound('noticeVersion')}
        />
      </div>
    </RecordForm>
  );
}

export function PersonPrivacySection({ personId, initial }: { personId: number; initial: PersonPrivacy }) {
  const { t, formatDate } = useI18n();
  const languageName = useLanguageName();
  const writable = useSession().can('personal.write');
  const privacy = useApiGet<PersonPrivacy>(`/people/${personId}/privacy-notices`, undefined, initial);
  // The form that records a notice; closed, focus goes back to its button.
  const recording = useEditing();
  const [notice, setNotice] = useState<string | null>(null);
  const removal = useChange({ reload: privacy.reload });
  const confirm = useConfirm();
  const data = privacy.data ?? initial;
  const notices = { data: data.notices, error: privacy.error };

  const remove = async (item: PrivacyNotice) => {
    if (!(await confirm(t('privacy.deleteConfirm'), { confirmLabel: t('privacy.delete'), danger: true }))) return;
    setNotice(null);
    const sent = await removal.send('DELETE', `/privacy-notices/${item.id}`, undefined, { focus: 'privacy-title' });
    if (sent.ok) setNotice(t('privacy.deleted'));
  };

  return (
    <TitledSection id="privacy-title" title={t('privacy.section')} focusable className="mt-4" data-testid="person-privacy">
      <PrivacyNoticeStatus privacy={data} />
      <SuccessAlert message={notice} />
      {writable && recording.isOpen ? (
        <NoticeForm
          personId={personId}
          currentVersion={data.currentVersion}
          reload={privacy.reload}
          onSaved={() => {
            recording.close();
            setNotice(t('privacy.saved'));
          }}
          onCancel={recording.close}
        />
      ) : null}
      {writable && !recording.isOpen ? (
        <button
          ref={recording.buttonRef}
          type="button"
          id="privacy-record"
          className={`btn btn-sm mb-3 ${data.state === 'current' ? 'btn-outline-primary' : 'btn-primary'}`}
          onClick={() => {
            setNotice(null);
            recording.open();
          }}
        >
          {t('privacy.recordNow')}
        </button>
      ) : null}
      {data.notices.length > 0 ? (
        <LoadedTable<PrivacyNotice>
          loaded={notices}
          problem={removal.problem}
          caption={t('privacy.notices')}
          rowName={(item) => `${formatDate(item.givenOn)} ${item.noticeVersion}`}
          columns={[
            { header: t('privacy.givenOn'), cell: (item) => formatDate(item.givenOn) },
            { header: t('privacy.version'), cell: (item) => item.noticeVersion },
            { header: t('privacy.language'), cell: (item) => languageName(item.language) },
            { header: t('privacy.givenBy'), cell: (item) => item.givenBy?.displayName ?? '' },
          ]}
          actions={writable ? (item) => [{ label: t('privacy.delete'), danger: true, onClick: () => remove(item) }] : undefined}
        />
      ) : null}
    </TitledSection>
  );
}
