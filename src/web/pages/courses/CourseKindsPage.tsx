import { type FormEvent, useState } from 'react';
import type { CourseKind } from '../../../contracts/courses.js';
import { type ApiError, api } from '../../api/client.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useCourseKinds } from './shared.js';

function KindRow({ kind, onChanged, onError }: { kind: CourseKind; onChanged(): void; onError(e: ApiError): void }) {
  const { t } = useI18n();
  const [labelIt, setLabelIt] = useState(kind.labelIt);
  const [labelEn, setLabelEn] = useState(kind.labelEn);
  const patch = (body: Partial<CourseKind>) => api('PATCH', `/course-kinds/${kind.id}`, body).then(onChanged).catch(onError);
  return (
    <tr>
      <td>
        <code>{kind.code}</code>
      </td>
      <td>
        <input
          className="form-control form-control-sm"
          aria-label={`${t('topics.labelIt')} ${kind.code}`}
          value={labelIt}
          maxLength={120}
          onChange={(e) => setLabelIt(e.target.value)}
        />
      </td>
      <td>
        <input
          className="form-control form-control-sm"
          aria-label={`${t('topics.labelEn')} ${kind.code}`}
          value={labelEn}
          maxLength={120}
          onChange={(e) => setLabelEn(e.target.value)}
        />
      </td>
      <td>{kind.active ? t('common.yes') : t('common.no')}</td>
      <td>
        <div className="d-flex gap-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => patch({ labelIt, labelEn })}>
            {t('topics.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => patch({ active: !kind.active })}>
            {kind.active ? t('topics.deactivate') : t('topics.activate')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The course-kind catalogue, for coordinators (catalogues.manage). */
export default function CourseKindsPage() {
  const { t } = useI18n();
  const kinds = useCourseKinds();
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  usePageTitle(t('courses.kinds.title'));

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      await api('POST', '/course-kinds', { code: form.get('code'), labelIt: form.get('labelIt'), labelEn: form.get('labelEn') });
      formElement.reset();
      setError(null);
      setFieldErrors({});
      kinds.reload();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    }
  };

  return (
    <>
      <h1 className="h2">{t('courses.kinds.title')}</h1>
      <p>{t('courses.kinds.intro')}</p>
      <ProblemAlert error={error ?? kinds.error} />
      <div className="table-responsive">
        <table className="table">
          <caption className="visually-hidden">{t('courses.kinds.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('topics.code')}</th>
              <th scope="col">{t('topics.labelIt')}</th>
              <th scope="col">{t('topics.labelEn')}</th>
              <th scope="col">{t('topics.active')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.data?.map((kind) => (
              // A new key after each change starts the row from what was saved.
              <KindRow
                key={`${kind.id}-${kind.active}-${kind.labelIt}-${kind.labelEn}`}
                kind={kind}
                onChanged={() => {
                  setError(null);
                  kinds.reload();
                }}
                onError={setError}
              />
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="h4 mt-4">{t('courses.kinds.add')}</h2>
      <form onSubmit={add} className="row align-items-end">
        <div className="col-md-4 col-lg-3">
          <TextField
            label={t('topics.code')}
            name="code"
            required
            pattern="[a-z0-9_]{2,40}"
            hint={t('courses.kinds.codeHint')}
            error={fieldErrors.code}
          />
        </div>
        <div className="col-md-4 col-lg-4">
          <TextField label={t('topics.labelIt')} name="labelIt" required maxLength={120} error={fieldErrors.labelIt} />
        </div>
        <div className="col-md-4 col-lg-3">
          <TextField label={t('topics.labelEn')} name="labelEn" required maxLength={120} error={fieldErrors.labelEn} />
        </div>
        <div className="col-lg-2 mb-3">
          <button type="submit" className="btn btn-primary">
            {t('courses.kinds.add')}
          </button>
        </div>
      </form>
    </>
  );
}
