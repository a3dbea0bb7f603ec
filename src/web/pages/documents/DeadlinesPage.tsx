import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DEADLINE_LIST_LIMIT, type DeadlineItem, type Deadlines } from '../../../contracts/documents.js';
import { DEFAULT_WITHIN_DAYS, MAX_WITHIN_DAYS, MIN_WITHIN_DAYS } from '../../../domain/deadlines.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { SelectField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { ExportLinks } from '../../kit/ExportLinks.js';
import { RecordTable, TitledSection } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { useDeadlineActions } from './DeadlineActions.js';
import { useDaysLeftText } from './expiry.js';

const WINDOWS = [15, 30, 60, 90, 180, 365];

/** Scadenze: the permits to renew soon and those already expired, each with its person. */
export default function DeadlinesPage() {
  const { t, formatDate } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('withinDays'));
  const withinDays = Number.isInteger(asked) && asked >= MIN_WITHIN_DAYS && asked <= MAX_WITHIN_DAYS ? asked : DEFAULT_WITHIN_DAYS;
  const centreId = params.get('centreId') ?? '';
  // A first screenful of each list; "show all" asks for as many as the API gives.
  const all = params.get('all') === '1';
  const deadlines = useApiGet<Deadlines>('/deadlines', {
    withinDays,
    centreId: centreId || undefined,
    limit: all ? DEADLINE_LIST_LIMIT : undefined,
  });
  const showAll = () => setParams((current) => ({ ...Object.fromEntries(current), all: '1' }));
  const deadlineActions = useDeadlineActions(deadlines.reload);
  usePageTitle(t('documents.deadlines.title'));
  const data = deadlines.data;
  // A number typed in the address stays selectable.
  const windows = WINDOWS.includes(withinDays) ? WINDOWS : [...WINDOWS, withinDays].sort((a, b) => a - b);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = { withinDays: String(form.get('withinDays') ?? DEFAULT_WITHIN_DAYS) };
    const centre = String(form.get('centreId') ?? '');
    if (centre) next.centreId = centre;
    setParams(next);
  };

  return (
    <>
      <h1 className="h2 mb-3">{t('documents.deadlines.title')}</h1>
      <p>{t('documents.deadlines.intro')}</p>
      <form onSubmit={apply} className="border rounded p-3 mb-3" aria-labelledby="deadlines-filters" noValidate key={params.toString()}>
        <h2 id="deadlines-filters" className="h5">
          {t('documents.deadlines.filters')}
        </h2>
        <div className="row align-items-end">
          <div className="col-sm-6 col-lg-3">
            <SelectField label={t('documents.deadlines.withinDays')} name="withinDays" defaultValue={String(withinDays)}>
              {windows.map((days) => (
                <option key={days} value={days}>
                  {t('documents.deadlines.days', { count: days })}
                </option>
              ))}
            </SelectField>
          </div>
          {me && me.centres.length > 1 ? (
            <div className="col-sm-6 col-lg-3">
              <CentreSelect
                label={t('documents.deadlines.centre')}
                name="centreId"
                defaultValue={centreId}
                emptyLabel={t('documents.deadlines.allCentres')}
              />
            </div>
          ) : null}
          <div className="col-sm-6 col-lg-3 mb-3">
            <button type="submit" className="btn btn-primary">
              {t('documents.deadlines.show')}
            </button>
          </div>
        </div>
        <ExportLinks list="/deadlines" filters={{ withinDays, centreId: centreId || undefined }} />
      </form>
      <ProblemAlert error={deadlines.error} />
      {deadlineActions.panel}
      {data ? (
        <>
          <DeadlineSection
            id="deadlines-expiring"
            title={t('documents.deadlines.expiring')}
            caption={t('documents.deadlines.expiringCaption', { date: formatDate(data.until) })}
            empty={t('documents.deadlines.noneExpiring')}
            items={data.expiring}
            total={data.expiringTotal}
            onShowAll={all ? undefined : showAll}
            actions={deadlineActions}
          />
          <DeadlineSection
            id="deadlines-expired"
            title={t('documents.deadlines.expired')}
            caption={t('documents.deadlines.expiredCaption')}
            empty={t('documents.deadlines.noneExpired')}
            items={data.expired}
            total={data.expiredTotal}
            onShowAll={all ? undefined : showAll}
            actions={deadlineActions}
          />
        </>
      ) : null}
    </>
  );
}

function DeadlineSection({
  id,
  title,
  caption,
  empty,
  items,
  total,
  onShowAll,
  actions,
}: {
  id: string;
  title: string;
  caption: string;
  empty: string;
  items: DeadlineItem[];
  total: number;
  /** Asks for the whole list (up to the API's limit); absent when it was asked for already. */
  onShowAll?: () => void;
  actions: Pick<ReturnType<typeof useDeadlineActions>, 'actions' | 'rowName'>;
}) {
  const { t, formatDate, label } = useI18n();
  const daysText = useDaysLeftText();
  return (
    <TitledSection id={id} title={title} count={total} className="mb-4" data-testid={id}>
      <RecordTable<DeadlineItem>
        caption={caption}
        rows={items}
        rowKey={(item) => item.permitId}
        rowName={actions.rowName}
        actions={actions.actions}
        empty={empty}
        columns={[
          {
            header: t('documents.deadlines.person'),
            rowHeader: true,
            className: 'fw-normal',
            cell: (item) => (
              <Link to={`/people/${item.person.id}`}>
                {item.person.familyNames} {item.person.givenNames}
              </Link>
            ),
          },
          {
            header: t('documents.deadlines.phone'),
            className: 'text-nowrap',
            cell: (item) => (item.phone ? <a href={`tel:${item.phone.replace(/[^\d+]/g, '')}`}>{item.phone}</a> : t('person.notSet')),
          },
          { header: t('documents.permitType'), cell: (item) => label('permitType', item.permitType) },
          { header: t('documents.number'), cell: (item) => item.number ?? t('person.notSet') },
          { header: t('documents.expiresOn'), cell: (item) => formatDate(item.expiresOn) },
          { header: t('documents.deadlines.when'), cell: (item) => daysText(item.daysLeft) },
          { header: t('documents.renewalStatus'), cell: (item) => label('renewalStatus', item.renewalStatus) },
          {
            header: t('documents.contact.column'),
            cell: (item) =>
              item.contacted
                ? t(item.contacted.by ? 'documents.contact.onBy' : 'documents.contact.on', {
                    date: formatDate(item.contacted.on),
                    who: item.contacted.by?.displayName ?? '',
                  })
                : t('documents.contact.never'),
          },
        ]}
      />
      {total > items.length ? (
        <p>
          {t('documents.deadlines.truncated', { shown: items.length, total })}{' '}
          {onShowAll ? (
            <button type="button" className="btn btn-link p-0 align-baseline" onClick={onShowAll}>
              {t('documents.deadlines.showAll', { count: Math.min(total, DEADLINE_LIST_LIMIT) })}
            </button>
          ) : null}
        </p>
      ) : null}
    </TitledSection>
  );
}
