import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { IdentityDocument, Permit } from '../../../contracts/documents.js';
import { IDENTITY_DOCUMENT_KINDS, PERMIT_TYPES, RENEWAL_STATUSES } from '../../../contracts/enums.js';
import { IDENTITY_DOCUMENT_KIND_LABELS, PERMIT_TYPE_LABELS, RENEWAL_STATUS_LABELS } from '../../../contracts/labels.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet, useCountries } from '../../api/hooks.js';
import { useCountryName } from '../../components/CountrySelect.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { ExpiryDate } from './expiry.js';

/** The documents part of a person's file: residence permits and identity documents. */
export function PersonDocumentsSection({
  personId,
  initial,
}: {
  personId: number;
  /** The lists as the person's file brought them: no request until something changes. */
  initial?: { permits: Permit[]; identityDocuments: IdentityDocument[] };
}) {
  const { t } = useI18n();
  return (
    <section className="mt-4" aria-labelledby="documents-title" data-testid="person-documents">
      <h2 id="documents-title" className="h4">
        {t('documents.section')}
      </h2>
      <PermitsPart personId={personId} initial={initial?.permits} />
      <IdentityDocumentsPart personId={personId} initial={initial?.identityDocuments} />
    </section>
  );
}

/** What a part of the section shows: the list, the form being filled (new or edit), the last outcome. */
function useEditor<T extends { id: number; version: number }>(path: string, deletePath: (item: T) => string, initial?: T[]) {
  const { t } = useI18n();
  const list = useApiGet<T[]>(path, undefined, initial);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // The form closes: keyboard users go back to where they opened it from.
  const close = () => {
    setEditing(null);
    setTimeout(() => addButton.current?.focus(), 0);
  };
  return {
    list,
    editing,
    notice,
    error,
    addButton,
    open(item: T | 'new') {
      setNotice(null);
      setError(null);
      setEditing(item);
    },
    close,
    saved() {
      close();
      setNotice(t('documents.saved'));
      list.reload();
    },
    async remove(item: T, question: string) {
      if (!window.confirm(question)) return;
      setNotice(null);
      setError(null);
      try {
        await api('DELETE', deletePath(item), undefined, { version: item.version });
        setNotice(t('documents.deleted'));
        if (editing !== 'new' && editing?.id === item.id) setEditing(null);
      } catch (e) {
        setError(e as ApiError);
      }
      list.reload();
    },
  };
}

function RowActions({ label, onEdit, onDelete }: { label: string; onEdit(): void; onDelete(): void }) {
  const { t } = useI18n();
  return (
    <div className="d-flex gap-2">
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        aria-label={t('documents.editLabel', { what: label })}
        onClick={onEdit}
      >
        {t('documents.edit')}
      </button>
      <button
        type="button"
        className="btn btn-outline-danger btn-sm"
        aria-label={t('documents.deleteLabel', { what: label })}
        onClick={onDelete}
      >
        {t('documents.delete')}
      </button>
    </div>
  );
}

// --- residence permits

function PermitsPart({ personId, initial }: { personId: number; initial?: Permit[] }) {
  const { t, locale, formatDate } = useI18n();
  const writable = useSession().can('personal.write');
  const editor = useEditor<Permit>(`/people/${personId}/permits`, (permit) => `/permits/${permit.id}`, initial);
  const permits = editor.list.data;
  const nameOf = (p: Permit) => [PERMIT_TYPE_LABELS[locale][p.permitType], p.number].filter(Boolean).join(' ');

  return (
    <>
      <h3 className="h5 mt-3">{t('documents.permits')}</h3>
      <SuccessAlert message={editor.notice} />
      <ProblemAlert error={editor.list.error ?? editor.error} />
      {permits && permits.length === 0 ? <p>{t('documents.noPermits')}</p> : null}
      {permits && permits.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="permits">
            <caption className="visually-hidden">{t('documents.permits')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.permitType')}</th>
                <th scope="col">{t('documents.number')}</th>
                <th scope="col">{t('documents.issuedOn')}</th>
                <th scope="col">{t('documents.expiresOn')}</th>
                <th scope="col">{t('documents.renewalStatus')}</th>
                {writable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {permits.map((p) => (
                <tr key={p.id}>
                  <td>{PERMIT_TYPE_LABELS[locale][p.permitType]}</td>
                  <td>{p.number ?? t('person.notSet')}</td>
                  <td>{p.issuedOn ? formatDate(p.issuedOn) : t('person.notSet')}</td>
                  <td>
                    <ExpiryDate expiresOn={p.expiresOn} superseded={p.superseded} />
                  </td>
                  <td>{RENEWAL_STATUS_LABELS[locale][p.renewalStatus]}</td>
                  {writable ? (
                    <td>
                      <RowActions
                        label={nameOf(p)}
                        onEdit={() => editor.open(p)}
                        onDelete={() => editor.remove(p, t('documents.deletePermitConfirm'))}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {writable && editor.editing ? (
        <PermitForm
          key={editor.editing === 'new' ? 'new' : `${editor.editing.id}-${editor.editing.version}`}
          personId={personId}
          permit={editor.editing === 'new' ? null : editor.editing}
          onSaved={editor.saved}
          onCancel={editor.close}
        />
      ) : null}
      {writable && !editor.editing ? (
        <button type="button" ref={editor.addButton} className="btn btn-outline-primary btn-sm mb-3" onClick={() => editor.open('new')}>
          {t('documents.addPermit')}
        </button>
      ) : null}
    </>
  );
}

/** A form in a box with its own heading, error and Save / Cancel buttons. */
function DocumentForm({
  title,
  error,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  error: ApiError | null;
  busy: boolean;
  onSubmit(event: FormEvent): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <form onSubmit={onSubmit} noValidate className="border rounded p-3 mb-3" aria-labelledby={headingId}>
      <h4 id={headingId} className="h6">
        {title}
      </h4>
      <ProblemAlert error={error} />
      <div className="row">{children}</div>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Sends a form's body, and keeps what went wrong for the fields. */
function useSubmit(onSaved: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (send: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await send();
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };
  return { error, fieldErrors, busy, submit };
}

const orNull = (value: string) => value.trim() || null;

function PermitForm({
  personId,
  permit,
  onSaved,
  onCancel,
}: {
  personId: number;
  permit: Permit | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState({
    permitType: permit?.permitType ?? '',
    number: permit?.number ?? '',
    issuedOn: permit?.issuedOn ?? '',
    expiresOn: permit?.expiresOn ?? '',
    renewalStatus: permit?.renewalStatus ?? 'none',
    notes: permit?.notes ?? '',
  });
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });
  const { error, fieldErrors, busy, submit } = useSubmit(onSaved);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      permitType: values.permitType,
      number: orNull(values.number),
      issuedOn: values.issuedOn || null,
      expiresOn: values.expiresOn || null,
      renewalStatus: values.renewalStatus,
      notes: orNull(values.notes),
    };
    void submit(() =>
      permit
        ? api('PATCH', `/permits/${permit.id}`, { version: permit.version, ...body })
        : api('POST', `/people/${personId}/permits`, body),
    );
  };

  return (
    <DocumentForm
      title={t(permit ? 'documents.editPermit' : 'documents.newPermit')}
      error={error}
      busy={busy}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <div className="col-md-6">
        <SelectField
          label={t('documents.permitType')}
          required
          autoFocus
          value={values.permitType}
          error={fieldErrors.permitType}
          onChange={set('permitType')}
        >
          <option value="">{t('common.choose')}</option>
          {PERMIT_TYPES.map((type) => (
            <option key={type} value={type}>
              {PERMIT_TYPE_LABELS[locale][type]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-md-6">
        <TextField label={t('documents.number')} maxLength={40} value={values.number} error={fieldErrors.number} onChange={set('number')} />
      </div>
      <div className="col-sm-6 col-md-3">
        <TextField
          label={t('documents.issuedOn')}
          type="date"
          max={todayInRome()}
          value={values.issuedOn}
          error={fieldErrors.issuedOn}
          onChange={set('issuedOn')}
        />
      </div>
      <div className="col-sm-6 col-md-3">
        <TextField
          label={t('documents.expiresOn')}
          type="date"
          hint={t('documents.expiresOnHint')}
          value={values.expiresOn}
          error={fieldErrors.expiresOn}
          onChange={set('expiresOn')}
        />
      </div>
      <div className="col-md-6">
        <SelectField
          label={t('documents.renewalStatus')}
          value={values.renewalStatus}
          error={fieldErrors.renewalStatus}
          onChange={set('renewalStatus')}
        >
          {RENEWAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {RENEWAL_STATUS_LABELS[locale][status]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-12">
        <TextField label={t('documents.notes')} maxLength={1000} value={values.notes} error={fieldErrors.notes} onChange={set('notes')} />
      </div>
    </DocumentForm>
  );
}

// --- identity documents

function IdentityDocumentsPart({ personId, initial }: { personId: number; initial?: IdentityDocument[] }) {
  const { t, locale, formatDate } = useI18n();
  const writable = useSession().can('personal.write');
  const countryName = useCountryName();
  const editor = useEditor<IdentityDocument>(`/people/${personId}/identity-documents`, (d) => `/identity-documents/${d.id}`, initial);
  const documents = editor.list.data;
  const nameOf = (d: IdentityDocument) => [IDENTITY_DOCUMENT_KIND_LABELS[locale][d.kind], d.number].filter(Boolean).join(' ');

  return (
    <>
      <h3 className="h5 mt-3">{t('documents.identityDocuments')}</h3>
      <SuccessAlert message={editor.notice} />
      <ProblemAlert error={editor.list.error ?? editor.error} />
      {documents && documents.length === 0 ? <p>{t('documents.noIdentityDocuments')}</p> : null}
      {documents && documents.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="identity-documents">
            <caption className="visually-hidden">{t('documents.identityDocuments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.kind')}</th>
                <th scope="col">{t('documents.number')}</th>
                <th scope="col">{t('documents.issuingCountry')}</th>
                <th scope="col">{t('documents.issuedOn')}</th>
                <th scope="col">{t('documents.expiresOn')}</th>
                {writable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>{IDENTITY_DOCUMENT_KIND_LABELS[locale][d.kind]}</td>
                  <td>{d.number ?? t('person.notSet')}</td>
                  <td>{d.issuingCountry ? countryName(d.issuingCountry) : t('person.notSet')}</td>
                  <td>{d.issuedOn ? formatDate(d.issuedOn) : t('person.notSet')}</td>
                  <td>
                    <ExpiryDate expiresOn={d.expiresOn} />
                  </td>
                  {writable ? (
                    <td>
                      <RowActions
                        label={nameOf(d)}
                        onEdit={() => editor.open(d)}
                        onDelete={() => editor.remove(d, t('documents.deleteIdentityDocumentConfirm'))}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {writable && editor.editing ? (
        <IdentityDocumentForm
          key={editor.editing === 'new' ? 'new' : `${editor.editing.id}-${editor.editing.version}`}
          personId={personId}
          document={editor.editing === 'new' ? null : editor.editing}
          onSaved={editor.saved}
          onCancel={editor.close}
        />
      ) : null}
      {writable && !editor.editing ? (
        <button type="button" ref={editor.addButton} className="btn btn-outline-primary btn-sm mb-3" onClick={() => editor.open('new')}>
          {t('documents.addIdentityDocument')}
        </button>
      ) : null}
    </>
  );
}

function IdentityDocumentForm({
  personId,
  document,
  onSaved,
  onCancel,
}: {
  personId: number;
  document: IdentityDocument | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const countries = useCountries();
  // An issuer is a state or a territory with its own documents: not "stateless" or "unknown" (left empty).
  const issuers = countries
    .filter((c) => c.kind !== 'special')
    .map((c) => ({ code: c.code, name: locale === 'it' ? c.it : c.en }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const [values, setValues] = useState({
    kind: document?.kind ?? '',
    number: document?.number ?? '',
    issuingCountry: document?.issuingCountry ?? '',
    issuedOn: document?.issuedOn ?? '',
    expiresOn: document?.expiresOn ?? '',
  });
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });
  const { error, fieldErrors, busy, submit } = useSubmit(onSaved);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind: values.kind,
      number: orNull(values.number),
      issuingCountry: values.issuingCountry || null,
      issuedOn: values.issuedOn || null,
      expiresOn: values.expiresOn || null,
    };
    void submit(() =>
      document
        ? api('PATCH', `/identity-documents/${document.id}`, { version: document.version, ...body })
        : api('POST', `/people/${personId}/identity-documents`, body),
    );
  };

  return (
    <DocumentForm
      title={t(document ? 'documents.editIdentityDocument' : 'documents.newIdentityDocument')}
      error={error}
      busy={busy}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <div className="col-md-6">
        <SelectField label={t('documents.kind')} required autoFocus value={values.kind} error={fieldErrors.kind} onChange={set('kind')}>
          <option value="">{t('common.choose')}</option>
          {IDENTITY_DOCUMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {IDENTITY_DOCUMENT_KIND_LABELS[locale][kind]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-md-6">
        <TextField label={t('documents.number')} maxLength={40} value={values.number} error={fieldErrors.number} onChange={set('number')} />
      </div>
      <div className="col-md-6">
        <SelectField
          label={t('documents.issuingCountry')}
          value={values.issuingCountry}
          error={fieldErrors.issuingCountry}
          onChange={set('issuingCountry')}
        >
          <option value="">{t('documents.issuingCountryUnknown')}</option>
          {issuers.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-sm-6 col-md-3">
        <TextField
          label={t('documents.issuedOn')}
          type="date"
          max={todayInRome()}
          value={values.issuedOn}
          error={fieldErrors.issuedOn}
          onChange={set('issuedOn')}
        />
      </div>
      <div className="col-sm-6 col-md-3">
        <TextField
          label={t('documents.expiresOn')}
          type="date"
          value={values.expiresOn}
          error={fieldErrors.expiresOn}
          onChange={set('expiresOn')}
        />
      </div>
    </DocumentForm>
  );
}
