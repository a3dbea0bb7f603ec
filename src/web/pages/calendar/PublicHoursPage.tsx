import { useParams } from 'react-router';
import type { PublicHours } from '../../../contracts/calendar.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { TitledSection } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { WeekTable } from './shared.js';

/** The centre's hours for anyone, without logging in: current hours, the next change, the coming closures. */
export default function PublicHoursPage() {
  const { t, formatDate } = useI18n();
  const code = useParams().centreCode ?? '';
  const hours = useApiGet<PublicHours>(`/public/centres/${encodeURIComponent(code)}/hours`);
  const data = hours.data;
  usePageTitle(data ? t('calendar.public.of', { name: data.centre.name }) : t('calendar.public.title'));

  const coming = data
    ? [
        ...data.closures.map((c) => ({
          date: c.from,
          text:
            c.from === c.to
              ? t('calendar.public.closureDay', { date: formatDate(c.from, true), reason: c.reason })
              : t('calendar.public.closure', { from: formatDate(c.from, true), to: formatDate(c.to, true), reason: c.reason }),
        })),
        ...data.holidays.map((h) => ({
          date: h.date,
          text: t('calendar.public.holiday', { date: formatDate(h.date, true), name: h.name ?? t('calendar.public.patronDay') }),
        })),
      ].sort((a, b) => a.date.localeCompare(b.date))
    : [];

  return (
    <>
      <h1 className="h2">{data ? t('calendar.public.of', { name: data.centre.name }) : t('calendar.public.title')}</h1>
      {hours.error?.status === 404 ? <p role="alert">{t('calendar.public.notFound')}</p> : <ProblemAlert error={hours.error} />}
      {data ? (
        <div data-testid="public-hours">
          {data.centre.comune ? <p className="lead">{data.centre.comune}</p> : null}
          {data.centre.address || data.centre.phone || data.centre.email ? (
            <TitledSection id="public-contacts" title={t('calendar.public.contacts')} className="mb-4">
              <dl className="row">
                {data.centre.address ? (
                  <>
                    <dt className="col-sm-3">{t('calendar.public.address')}</dt>
                    <dd className="col-sm-9">{data.centre.address}</dd>
                  </>
                ) : null}
                {data.centre.phone ? (
                  <>
                    <dt className="col-sm-3">{t('calendar.public.phone')}</dt>
                    <dd className="col-sm-9">
                      <a href={`tel:${data.centre.phone.replace(/\s+/g, '')}`}>{data.centre.phone}</a>
                    </dd>
                  </>
                ) : null}
                {data.centre.email ? (
                  <>
                    <dt className="col-sm-3">{t('calendar.public.email')}</dt>
                    <dd className="col-sm-9">
                      <a href={`mailto:${data.centre.email}`}>{data.centre.email}</a>
                    </dd>
                  </>
                ) : null}
              </dl>
            </TitledSection>
          ) : null}

          <TitledSection id="public-current" title={t('calendar.public.current')} className="mb-4">
            {data.current ? (
              <WeekTable
                slots={data.current.slots}
                caption={t('calendar.public.currentSince', { date: formatDate(data.current.validFrom) })}
              />
            ) : (
              <p>{t('calendar.public.noHours')}</p>
            )}
          </TitledSection>

          {data.next ? (
            <TitledSection
              id="public-next"
              title={t('calendar.public.next', { date: formatDate(data.next.validFrom, true) })}
              className="mb-4"
            >
              <WeekTable slots={data.next.slots} caption={t('calendar.public.next', { date: formatDate(data.next.validFrom, true) })} />
            </TitledSection>
          ) : null}

          <TitledSection id="public-coming" title={t('calendar.public.coming', { date: formatDate(data.until) })} className="mb-4">
            {coming.length === 0 ? (
              <p>{t('calendar.public.noClosures')}</p>
            ) : (
              <ul>
                {coming.map((item) => (
                  <li key={`${item.date}-${item.text}`}>{item.text}</li>
                ))}
              </ul>
            )}
          </TitledSection>

          <p>
            <a href={`/api/v1/public/centres/${encodeURIComponent(data.centre.code)}/calendar.ics`}>{t('calendar.public.ics')}</a>
          </p>
        </div>
      ) : null}
    </>
  );
}
