import { type FormEvent, useState } from 'react';
import type { Topic } from '../../../contracts/visits.js';
import { type ApiError, api } from '../../api/client.js';
import { useTopics } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';

function TopicRow({ topic, onChanged, onError }: { topic: Topic; onChanged(): void; onError(e: ApiError): void }) {
  const { t } = useI18n();
  const [labelIt, setLabelIt] = useState(topic.labelIt);
  const [labelEn, setLabelEn] = useState(topic.labelEn);
  const patch = (body: Partial<Topic>) => api('PATCH', `/topics/${topic.id}`, body).then(onChanged).catch(onError);
  return (
    <tr>
      <td>
        <code>{topic.code}</code>
      </td>
      <td>
        <input
          className="form-control form-control-sm"
          aria-label={`${t('topics.labelIt')} ${topic.code}`}
          value={labelIt}
          onChange={(e) => setLabelIt(e.target.value)}
        />
      </td>
      <td>
        <input
          className="form-control form-control-sm"
          aria-label={`${t('topics.labelEn')} ${topic.code}`}
          value={labelEn}
          onChange={(e) => setLabelEn(e.target.value)}
        />
      </td>
      <td>{topic.active ? t('common.yes') : t('common.no')}</td>
      <td className="d-flex gap-2">
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => patch({ labelIt, labelEn })}>
          {t('topics.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => patch({ active: !topic.active })}>
          {topic.active ? t('topics.deactivate') : t('topics.activate')}
        </button>
      </td>
    </tr>
  );
}

export default function TopicsPage() {
  const { t } = useI18n();
  const topics = useTopics();
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  usePageTitle(t('topics.title'));

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = Object.fromEntries(new FormData(formElement));
    try {
      await api('POST', '/topics', form);
      formElement.reset();
      setError(null);
      setFieldErrors({});
      topics.reload();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    }
  };

  return (
    <>
      <h1 className="h2">{t('topics.title')}</h1>
      <p>{t('topics.intro')}</p>
      <ProblemAlert error={error ?? topics.error} />
      <table className="table">
        <caption className="visually-hidden">{t('topics.title')}</caption>
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
          {topics.data?.map((topic) => (
            <TopicRow key={`${topic.id}-${topic.active}`} topic={topic} onChanged={topics.reload} onError={setError} />
          ))}
        </tbody>
      </table>
      <h2 className="h4 mt-4">{t('topics.add')}</h2>
      <form onSubmit={add} className="row align-items-end">
        <div className="col-md-3">
          <TextField label={t('topics.code')} name="code" required pattern="[a-z0-9_]{2,40}" error={fieldErrors.code} />
        </div>
        <div className="col-md-3">
          <TextField label={t('topics.labelIt')} name="labelIt" required error={fieldErrors.labelIt} />
        </div>
        <div className="col-md-3">
          <TextField label={t('topics.labelEn')} name="labelEn" required error={fieldErrors.labelEn} />
        </div>
        <div className="col-md-3 mb-3">
          <button type="submit" className="btn btn-primary">
            {t('topics.add')}
          </button>
        </div>
      </form>
    </>
  );
}
