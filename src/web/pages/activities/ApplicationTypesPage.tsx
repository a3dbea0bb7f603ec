import { type FormEvent, useState } from 'react';
import type { ApplicationType } from '../../../contracts/activities.js';
import { APPLICATION_LEVELS } from '../../../contracts/enums.js';
import { APPLICATION_LEVEL_LABELS } from '../../../contracts/labels.js';
import { type ApiError, api } from '../../api/client.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useApplicationTypes } from './shared.js';

function TypeRow({ type, onChanged, onError }: { type: ApplicationType; onChanged(): void; onError(e: ApiError): void }) {
  const { t, locale } = useI18n();
  const [labelIt, setLabelIt] = useState(type.labelIt);
  const [labelEn, setLabelEn] = useState(type.labelEn);
  const [level, setLevel] = useState(type.level);
  const [anagrafe, setAnagrafe] = useState(type.anagrafe);
  const patch = (body: Partial<ApplicationType>) => api('PATCH', `/application-types/${type.id}`, body).then(onChanged).catch(onError);
  return (
    <tr>
      <td>
        <code>{type.code}</code>
      </td>
      <td>
        <input
          className="form-control form-control-sm"
          aria-label={`${t('topics.labelIt')} ${type.code}`}
          value={labelIt}
          onChange={(e) => setLabelIt(e.target.value)}
        />
      </td>
      <td>
        <input
          className="form-control form-control-sm"
          aria-label={`${t('topics.labelEn')} ${type.code}`}
          value={labelEn}
          onChange={(e) => setLabelEn(e.target.value)}
        />
      </td>
      <td>
        <select
          className="form-select form-select-sm"
          aria-label={`${t('activities.applications.level')} ${type.code}`}
          value={level}
          onChange={(e) => setLevel(e.target.value as ApplicationType['level'])}
        >
          {APPLICATION_LEVELS.map((l) => (
            <option key={l} value={l}>
              {APPLICATION_LEVEL_LABELS[locale][l]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`${t('activities.types.anagrafeHint')} ${type.code}`}
          checked={anagrafe}
          onChange={(e) => setAnagrafe(e.target.checked)}
        />
      </td>
      <td>{type.active ? t('common.yes') : t('common.no')}</td>
      <td>
        <div className="d-flex gap-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => patch({ labelIt, labelEn, level, anagrafe })}>
            {t('topics.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => patch({ active: !type.active })}>
            {type.active ? t('topics.deactivate') : t('topics.activate')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The application-type catalogue, for coordinators (catalogues.manage). */
export default function ApplicationTypesPage() {
  const { t, locale } = useI18n();
  const types = useApplicationTypes();
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  usePageTitle(t('activities.types.title'));

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      await api('POST', '/application-types', {
        code: form.get('code'),
        labelIt: form.get('labelIt'),
        labelEn: form.get('labelEn'),
        level: form.get('level'),
        anagrafe: form.get('anagrafe') === 'on',
      });
      formElement.reset();
      setError(null);
      setFieldErrors({});
      types.reload();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    }
  };

  return (
    <>
      <h1 className="h2">{t('activities.types.title')}</h1>
      <p>{t('activities.types.intro')}</p>
      <ProblemAlert error={error ?? types.error} />
      <div className="table-responsive">
        <table className="table">
          <caption className="visually-hidden">{t('activities.types.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('topics.code')}</th>
              <th scope="col">{t('topics.labelIt')}</th>
              <th scope="col">{t('topics.labelEn')}</th>
              <th scope="col">{t('activities.applications.level')}</th>
              <th scope="col">{t('activities.applications.anagrafe')}</th>
              <th scope="col">{t('topics.active')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {types.data?.map((type) => (
              // A new key after each change starts the row from what was saved.
              <TypeRow
                key={`${type.id}-${type.active}-${type.level}-${type.anagrafe}-${type.labelIt}-${type.labelEn}`}
                type={type}
                onChanged={() => {
                  setError(null);
                  types.reload();
                }}
                onError={setError}
              />
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="h4 mt-4">{t('activities.types.add')}</h2>
      <form onSubmit={add} className="row align-items-end">
        <div className="col-md-4 col-lg-2">
          <TextField label={t('topics.code')} name="code" required pattern="[a-z0-9_]{2,40}" error={fieldErrors.code} />
        </div>
        <div className="col-md-4 col-lg-3">
          <TextField label={t('topics.labelIt')} name="labelIt" required maxLength={120} error={fieldErrors.labelIt} />
        </div>
        <div className="col-md-4 col-lg-3">
          <TextField label={t('topics.labelEn')} name="labelEn" required maxLength={120} error={fieldErrors.labelEn} />
        </div>
        <div className="col-md-4 col-lg-2">
          <SelectField label={t('activities.applications.level')} name="level" required defaultValue="" error={fieldErrors.level}>
            <option value="">{t('common.choose')}</option>
            {APPLICATION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {APPLICATION_LEVEL_LABELS[locale][l]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4 col-lg-2 mb-3">
          <div className="form-check">
            <input id="new-type-anagrafe" name="anagrafe" type="checkbox" />
            <label htmlFor="new-type-anagrafe">{t('activities.types.anagrafeHint')}</label>
          </div>
        </div>
        <div className="col-12 mb-3">
          <button type="submit" className="btn btn-primary">
            {t('activities.types.add')}
          </button>
        </div>
      </form>
    </>
  );
}
