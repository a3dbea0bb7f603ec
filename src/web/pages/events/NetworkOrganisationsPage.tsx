import { type FormEvent, useState } from 'react';
import { NETWORK_ORGANISATION_KINDS } from '../../../contracts/enums.js';
import type { NetworkOrganisation } from '../../../contracts/events.js';
import { NETWORK_ORGANISATION_KIND_LABELS } from '../../../contracts/labels.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';

type Kind = NetworkOrganisation['kind'];

function KindOptions() {
  const { locale } = useI18n();
  return (
    <>
      {NETWORK_ORGANISATION_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {NETWORK_ORGANISATION_KIND_LABELS[locale][kind]}
        </option>
      ))}
    </>
  );
}

function OrganisationRow({
  organisation,
  onChanged,
  onError,
}: {
  organisation: NetworkOrganisation;
  onChanged(): void;
  onError(e: ApiError): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(organisation.name);
  const [kind, setKind] = useState<Kind>(organisation.kind);
  const patch = (body: Partial<NetworkOrganisation>) =>
    api('PATCH', `/network-organisations/${organisation.id}`, body).then(onChanged).catch(onError);
  return (
    <tr>
      <td>
        <code>{organisation.code}</code>
      </td>
      <td>
        <input
          className="form-control form-control-sm"
          aria-label={`${t('events.organisations.name')} ${organisation.code}`}
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </td>
      <td>
        <select
          className="form-select form-select-sm"
          aria-label={`${t('events.organisations.kind')} ${organisation.code}`}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          <KindOptions />
        </select>
      </td>
      <td>{organisation.active ? t('common.yes') : t('common.no')}</td>
      <td>
        <div className="d-flex gap-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => patch({ name, kind })}>
            {t('events.organisations.save')}
            <span className="visually-hidden"> {organisation.name}</span>
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => patch({ active: !organisation.active })}>
            {organisation.active ? t('events.organisations.deactivate') : t('events.organisations.activate')}
            <span className="visually-hidden"> {organisation.name}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The catalogue of organisations met at network meetings, for coordinators (catalogues.manage). */
export default function NetworkOrganisationsPage() {
  const { t } = useI18n();
  const organisations = useApiGet<NetworkOrganisation[]>('/network-organisations');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  usePageTitle(t('events.organisations.title'));

  const changed = () => {
    setError(null);
    setNotice(t('events.organisations.saved'));
    organisations.reload();
  };
  const failed = (e: ApiError) => {
    setNotice(null);
    setError(e);
  };

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      await api('POST', '/network-organisations', { code: form.get('code'), name: form.get('name'), kind: form.get('kind') });
      formElement.reset();
      setFieldErrors({});
      changed();
    } catch (e) {
      failed(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    }
  };

  return (
    <>
      <h1 className="h2">{t('events.organisations.title')}</h1>
      <p>{t('events.organisations.intro')}</p>
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? organisations.error} />
      <div className="table-responsive">
        <table className="table">
          <caption className="visually-hidden">{t('events.organisations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.organisations.code')}</th>
              <th scope="col">{t('events.organisations.name')}</th>
              <th scope="col">{t('events.organisations.kind')}</th>
              <th scope="col">{t('events.organisations.active')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.data?.map((organisation) => (
              // A new key after each change starts the row from what was saved.
              <OrganisationRow
                key={`${organisation.id}-${organisation.active}-${organisation.kind}-${organisation.name}`}
                organisation={organisation}
                onChanged={changed}
                onError={failed}
              />
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="h4 mt-4">{t('events.organisations.add')}</h2>
      <form onSubmit={add} className="row align-items-end">
        <div className="col-md-4 col-lg-3">
          <TextField
            label={t('events.organisations.code')}
            name="code"
            required
            pattern="[a-z0-9_]{2,40}"
            hint={t('events.organisations.codeHint')}
            error={fieldErrors.code}
          />
        </div>
        <div className="col-md-4 col-lg-5">
          <TextField label={t('events.organisations.name')} name="name" required maxLength={120} error={fieldErrors.name} />
        </div>
        <div className="col-md-4 col-lg-2">
          <SelectField label={t('events.organisations.kind')} name="kind" required defaultValue="" error={fieldErrors.kind}>
            <option value="">{t('common.choose')}</option>
            <KindOptions />
          </SelectField>
        </div>
        <div className="col-12 mb-3">
          <button type="submit" className="btn btn-primary">
            {t('events.organisations.add')}
          </button>
        </div>
      </form>
    </>
  );
}
